// daily's follow-ups, in a terminal: for each experiment due and the latest plan, an offer to note how it went.
// Each answer is saved as soon as it is complete; the words are looked at like every other answer.
import type { Context } from '../../context';
import type { Prompter } from '../../flows/prompter';
import { msg } from '../../messages';
import { askHowToGoOn, noteForTexts } from '../../safety-note';
import type { DueItem } from '../../render/daily';
import { beliefOf, finish } from '../experiments/done';

export async function followUps(ctx: Context, prompter: Prompter, due: DueItem[]): Promise<void> {
  const p = msg.progress;
  const journal = ctx.journal();
  for (const item of due) {
    prompter.note(item.kind === 'experiment' ? p.dueExperiment(firstLine(item.text), item.due) : p.duePlan(firstLine(item.text)));
    const go = await prompter.confirm({ name: `followUp-${item.id}`, message: p.followUpAsk, default: true });
    if (!go) continue;
    const now = ctx.clock.now().toISOString();
    let texts: string[];
    if (item.kind === 'plan') {
      const text = await prompter.input({ name: 'planHow', message: p.howDidItGo, required: true });
      journal.write(() => journal.progress.saveFollowUp({ record: item.id, at: now, text }));
      texts = [text];
    } else {
      const e = journal.progress.experiment(item.id);
      if (!e || e.doneAt) continue;
      const outcome = await prompter.input({ name: 'outcome', message: p.outcomeAsk, required: true });
      const cameTrue = await prompter.rating({ name: 'cameTrue', message: p.cameTrueAsk });
      const learned = (await prompter.input({ name: 'learned', message: p.learnedAsk })).trim() || undefined;
      const belief = beliefOf(journal, e);
      let conviction: number | undefined;
      if (belief) {
        const b = journal.progress.belief(belief);
        const typed = b ? await prompter.input({
          name: 'conviction', message: p.convictionAsk(firstLine(b.text)),
          validate: (s) => (s.trim() === '' || (/^\d{1,3}$/.test(s.trim()) && Number(s) <= 100) ? true : msg.errors.badRating('It')),
        }) : '';
        conviction = typed.trim() === '' ? undefined : Number(typed.trim());
      }
      finish(journal, e, { outcome, cameTrue, learned, conviction }, now, belief);
      texts = [outcome, ...(learned ? [learned] : [])];
    }
    const a = noteForTexts(ctx, texts);
    if (a.danger || a.abuse) {
      ctx.say(p.followUpSavedPlain);
      await askHowToGoOn(ctx, prompter, a.danger);
    } else ctx.say(ctx.errTheme.good(item.kind === 'plan' ? p.followUpSaved : p.experimentDone));
  }
}

function firstLine(s: string): string {
  const one = s.split('\n')[0];
  return one.length > 120 ? one.slice(0, 117) + '...' : one;
}
