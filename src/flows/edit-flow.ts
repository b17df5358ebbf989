// Interactive edit: pick a part of the record, change it, repeat; every change goes to the draft.
import type { Prompter } from './prompter';
import type { Library } from '../library/library';
import type { ThoughtRecord } from '../domain/record';
import { readOccurredAt, whenProblem } from '../domain/dates';
import { msg } from '../messages';
import { truncate } from '../render/text';
import { tagsFromText } from '../domain/tags';
import type { SafetyWatch } from './safety-watch';

export interface EditDeps {
  prompter: Prompter;
  library: Library;
  now: () => Date;
  save: (r: ThoughtRecord) => void;
  /** Looks at each changed text once it is saved: the crisis note, then how to go on (safety-watch.ts). */
  watch?: SafetyWatch;
}

/** Keep some lines, add new ones; `update` gets the list after every answer, so Ctrl-C keeps it. */
async function editLines(p: Prompter, name: string, current: string[], update: (lines: string[]) => void, watch?: SafetyWatch): Promise<void> {
  const keep = current.length
    ? await p.checkbox({ name: `${name}Keep`, message: msg.flow.keepWhich, choices: current.map((c, i) => ({ value: i, name: truncate(c, 70), checked: true })) })
    : [];
  const out = keep.map((i) => current[i]);
  update([...out]);
  for (;;) {
    const line = await p.input({ name, message: msg.flow.addOne(out.length + 1), long: true });
    if (line.trim() === '') return;
    out.push(line);
    update([...out]);
    await watch?.after([line]);
  }
}

export async function runEditFlow(rec: ThoughtRecord, d: EditDeps): Promise<ThoughtRecord> {
  const p = d.prompter;
  const r = rec;
  const rate = async (name: string, message: string, def?: number) => p.rating({ name, message, default: def });
  for (;;) {
    const field = await p.select<string>({
      name: 'editField',
      message: msg.flow.editWhich,
      choices: [
        { value: '__done', name: msg.flow.editDone },
        { value: 'rerate', name: msg.flow.editRerate },
        { value: 'situation', name: msg.flow.editSituation(truncate(r.situation, 50)) },
        { value: 'when', name: msg.flow.editWhen },
        { value: 'emotions', name: msg.flow.editFeelings(r.emotions.map((e) => e.name).join(', ')) },
        { value: 'thought', name: msg.flow.editThought(truncate(r.thought, 50)) },
        { value: 'distortions', name: msg.flow.editPatterns(r.distortions.length) },
        { value: 'evidenceFor', name: msg.flow.editFor(r.evidenceFor.length) },
        { value: 'evidenceAgainst', name: msg.flow.editAgainst(r.evidenceAgainst.length) },
        { value: 'reframe', name: msg.flow.editReframe(r.reframe && truncate(r.reframe, 40)) },
        { value: 'plan', name: r.whenTrue ? msg.flow.editWhenTrue : msg.flow.editPlan },
        { value: 'tags', name: msg.flow.editTags(r.tags.join(' ')) },
      ],
    });
    if (field === '__done') return r;
    switch (field) {
      case 'rerate':
        r.beliefAfter = await rate('beliefAfter', msg.flow.beliefAfter(truncate(r.thought.replace(/\s+/g, ' '), 60)), r.beliefAfter);
        for (const e of r.emotions) e.after = await rate('emotionAfter', msg.flow.emotionAfter(e.name), e.after);
        break;
      case 'situation':
        r.situation = await p.input({ name: 'situation', message: msg.flow.situation, default: r.situation, required: true, long: true });
        d.save(r);
        await d.watch?.after([r.situation]);
        break;
      case 'when': {
        const v = await p.input({ name: 'when', message: msg.flow.when, default: r.occurredAt, validate: (x) => whenProblem(readOccurredAt(x, d.now()), msg.flow.badTimeEdit) });
        const at = readOccurredAt(v, d.now());
        r.occurredAt = (at.ok ? at.date : new Date(r.occurredAt)).toISOString();
        break;
      }
      case 'emotions':
        for (const e of r.emotions) {
          e.before = await rate('emotionBefore', msg.flow.emotionThen(e.name), e.before);
          e.after = await rate('emotionAfter', msg.flow.emotionAfter(e.name), e.after);
        }
        break;
      case 'thought':
        r.thought = await p.input({ name: 'thought', message: msg.flow.hotThought, default: r.thought, required: true, long: true });
        d.save(r);
        await d.watch?.after([r.thought]);
        r.beliefBefore = await rate('beliefBefore', msg.flow.belief, r.beliefBefore);
        break;
      case 'distortions': {
        const chosen = new Set(r.distortions);
        const missing = r.distortions.filter((id) => !d.library.has(id));
        r.distortions = await p.checkbox({
          name: 'distortions',
          message: msg.flow.distortions,
          choices: [
            ...missing.map((id) => ({ value: id, name: `${id} (${msg.unknownPattern})`, checked: true })),
            ...d.library.patterns.map((x) => ({ value: x.id, name: x.name, description: x.summary, checked: chosen.has(x.id) })),
          ],
        });
        break;
      }
      case 'evidenceFor':
        await editLines(p, 'evidenceFor', r.evidenceFor, (lines) => { r.evidenceFor = lines; d.save(r); }, d.watch);
        break;
      case 'evidenceAgainst':
        await editLines(p, 'evidenceAgainst', r.evidenceAgainst, (lines) => { r.evidenceAgainst = lines; d.save(r); }, d.watch);
        break;
      case 'reframe': {
        const v = await p.input({ name: 'reframe', message: msg.flow.reframe, default: r.reframe, long: true });
        r.reframe = v.trim() === '' ? undefined : v;
        d.save(r);
        await d.watch?.after([r.reframe]);
        if (r.reframe) r.reframeBelief = await rate('reframeBelief', msg.flow.reframeBelief, r.reframeBelief);
        break;
      }
      case 'plan': {
        const v = await p.input({ name: 'plan', message: r.whenTrue ? msg.flow.whenTrueDo : msg.flow.plan, default: r.actionPlan, long: true });
        r.actionPlan = v.trim() === '' ? undefined : v;
        d.save(r);
        await d.watch?.after([r.actionPlan]);
        if (r.whenTrue) {
          // The rest of the branch: the help to ask for, what they would tell a friend.
          const help = await p.input({ name: 'whenTrueHelp', message: msg.flow.whenTrueHelp, default: r.whenTrue.help, long: true });
          const friend = await p.input({ name: 'whenTrueFriend', message: msg.flow.whenTrueFriend, default: r.whenTrue.friend, long: true });
          r.whenTrue = { help: help.trim() === '' ? undefined : help, friend: friend.trim() === '' ? undefined : friend };
          d.save(r);
          await d.watch?.after([r.whenTrue.help, r.whenTrue.friend]);
        }
        break;
      }
      case 'tags': {
        const v = await p.input({ name: 'tags', message: msg.flow.tags, default: r.tags.join(' ') });
        r.tags = tagsFromText(v);
        d.save(r);
        await d.watch?.after(r.tags);
        break;
      }
    }
    d.save(r);
  }
}
