// Markdown export's tail for issue 15: a section per belief (its conviction path, the positive data log) and
// per experiment (the worksheet). The person's words are quoted and escaped like a record's (render/markdown.ts).
import type { Belief, Experiment } from '../domain/progress';
import { mdItem, mdQuote, mdWord } from './markdown';
import { msg } from '../messages';

const p = msg.progress;
const day = (iso: string) => iso.slice(0, 10);

export function progressMarkdown(beliefs: Belief[], experiments: Experiment[], fancy: boolean): string {
  if (beliefs.length === 0 && experiments.length === 0) return '';
  const a = fancy ? ' → ' : ' -> ';
  const out: string[] = [];
  if (beliefs.length) {
    out.push(`## ${p.mdBeliefs}`, '');
    for (const b of beliefs) {
      out.push(`### ${mdWord(b.text.split('\n')[0].slice(0, 120))}`, '', `\`${b.id}\`, ${p.beliefTypes[b.type]}`, '');
      out.push(mdQuote(b.text), '');
      if (b.ratings.length) out.push(`**${p.conviction}:** ${b.ratings.map((r) => `${r.conviction} (${day(r.at)})`).join(a)}`, '');
      if (b.alternative) {
        out.push(`**${p.alternative}:**`, '', mdQuote(b.alternative), '');
        const alt = b.ratings.filter((r) => r.alternativeConviction !== undefined);
        if (alt.length) out.push(`**${p.alternative}, ${p.conviction.toLowerCase()}:** ${alt.map((r) => `${r.alternativeConviction} (${day(r.at)})`).join(a)}`, '');
      }
      if (b.evidence.length) {
        out.push(`**${p.dataLog}:**`, '');
        for (const e of b.evidence) out.push(mdItem(`${day(e.at)}: ${e.text}`));
        out.push('');
      }
      if (b.records.length) out.push(`**${p.linkedRecords}:** ${b.records.map((id) => `\`${id}\``).join(', ')}`, '');
    }
  }
  if (experiments.length) {
    out.push(`## ${p.mdExperiments}`, '');
    const L = p.labels;
    for (const e of experiments) {
      out.push(`### ${mdWord(e.plan.split('\n')[0].slice(0, 120))}`, '', `\`${e.id}\`, ${L.due.toLowerCase()} ${e.due}${e.doneAt ? `, ${L.done.toLowerCase()} ${day(e.doneAt)}` : ''}`, '');
      const field = (label: string, text: string | undefined) => { if (text !== undefined) out.push(`**${label}:**`, '', mdQuote(text), ''); };
      if (e.belief) out.push(`**${L.belief}:** \`${e.belief}\``, '');
      if (e.record) out.push(`**${L.record}:** \`${e.record}\``, '');
      field(L.plan, e.plan);
      field(`${L.prediction} (${e.predictionBelief})`, e.prediction);
      field(L.problems, e.problems);
      field(L.coping, e.coping);
      field(L.outcome, e.outcome);
      if (e.cameTrue !== undefined) out.push(`**${L.cameTrue}:** ${e.cameTrue}`, '');
      field(L.learned, e.learned);
    }
  }
  return out.join('\n');
}
