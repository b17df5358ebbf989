// The guided thought record, in Mind Over Mood order. Asks only through the Prompter; every answer
// is written to the draft as soon as it is given, so Ctrl-C (or a crash) never loses one.
import type { Prompter } from './prompter';
import type { Library } from '../library/library';
import type { Emotion, Answer } from '../domain/record';
import { parseDateTime } from '../domain/dates';
import { msg } from '../messages';
import { tagsFromText } from '../domain/tags';
import { runDownwardArrow, type ArrowState } from './downward-arrow';
import type { SafetyWatch } from './safety-watch';

export const COMMON_EMOTIONS = [
  'anxious', 'sad', 'ashamed', 'hurt', 'lonely', 'angry', 'afraid', 'guilty', 'rejected', 'embarrassed',
  'frustrated', 'jealous', 'hopeless', 'numb',
];

const GENERIC_QUESTIONS = msg.flow.genericQuestions;

/** Everything answered so far. Saved as the draft's data. */
export interface FlowState {
  done: string[];
  occurredAt?: string;
  situation?: string;
  emotions: Emotion[];
  /** A feeling picked (or '__other' chosen) whose rating has not been given yet. */
  pendingEmotion?: string;
  thoughts: string[];
  hot?: number;
  beliefBefore?: number;
  distortions?: string[];
  evidenceFor: string[];
  evidenceAgainst: string[];
  answers: Answer[];
  asked: string[];
  reframe?: string;
  reframeBelief?: number;
  beliefAfter?: number;
  actionPlan?: string;
  tags?: string[];
  /** The downward arrow under the hot thought, when offered (downward-arrow.ts). */
  arrow?: ArrowState;
}

export function emptyState(): FlowState {
  return { done: [], emotions: [], thoughts: [], evidenceFor: [], evidenceAgainst: [], answers: [], asked: [] };
}

/** A draft's data back into a state (old or odd drafts fill in the blanks). */
export function restoreState(data: unknown): FlowState {
  const s = { ...emptyState(), ...(typeof data === 'object' && data !== null ? (data as Partial<FlowState>) : {}) };
  for (const k of ['done', 'emotions', 'thoughts', 'evidenceFor', 'evidenceAgainst', 'answers', 'asked'] as const) {
    if (!Array.isArray(s[k])) (s as unknown as Record<string, unknown[]>)[k] = [];
  }
  return s;
}

export interface Suggestion {
  id: string;
  because?: string;
  fromHistory?: boolean;
  /** Weak evidence: listed first and marked, but left for the person to tick. */
  maybe?: boolean;
}

export interface FlowDeps {
  prompter: Prompter;
  library: Library;
  now: () => Date;
  /** Persist the state (the draft). Called after every answer. */
  save: (s: FlowState) => void;
  /** Patterns to pre-select for a thought, best first. */
  suggest?: (thought: string) => Suggestion[];
  /** Looks at each free-text answer once it is saved: the crisis note, then how to go on (safety-watch.ts). */
  watch?: SafetyWatch;
  /** The beliefs the person keeps: given, the downward arrow is offered after the hot thought (downward-arrow.ts). */
  beliefs?: { id: string; text: string }[];
}

/** Every free text of a state (for a resumed draft: looked at once, before the next question). */
function stateTexts(s: FlowState): string[] {
  return [s.situation ?? '', ...s.emotions.map((e) => e.name), ...s.thoughts, ...s.evidenceFor, ...s.evidenceAgainst,
    ...s.answers.map((a) => a.answer), s.reframe ?? '', s.actionPlan ?? '', ...(s.tags ?? [])];
}

/** The steps that question a thought: skipped for a thought about dying or about someone hurting the person. */
const CHALLENGE = ['distortions', 'evidenceFor', 'evidenceAgainst', 'questions', 'reframe', 'reframeBelief', 'strategies', 'beliefAfter'];

/** The record's fields, once the flow is complete. */
export function stateToBody(s: FlowState, fallbackTime: string) {
  const hot = s.thoughts[s.hot ?? 0] ?? '';
  return {
    occurredAt: s.occurredAt ?? fallbackTime,
    situation: s.situation ?? '',
    emotions: s.emotions,
    thought: hot,
    beliefBefore: s.beliefBefore,
    otherThoughts: s.thoughts.filter((_, i) => i !== (s.hot ?? 0)),
    distortions: s.distortions ?? [],
    evidenceFor: s.evidenceFor,
    evidenceAgainst: s.evidenceAgainst,
    answers: s.answers,
    reframe: s.reframe,
    reframeBelief: s.reframeBelief,
    beliefAfter: s.beliefAfter,
    actionPlan: s.actionPlan,
    tags: s.tags ?? [],
  };
}

export async function runRecordFlow(state: FlowState, d: FlowDeps): Promise<FlowState> {
  const p = d.prompter;
  const s = state;
  const mark = (step: string) => {
    if (!s.done.includes(step)) s.done.push(step);
    d.save(s);
  };
  const done = (step: string) => s.done.includes(step);

  p.note(s.done.length ? msg.flow.resumed : msg.flow.intro);
  // The detector misses some danger (README: about one text in four it has not seen), so help is
  // never only behind it: this line opens every guided record.
  p.note(msg.safety.standing);
  const watch = async (...texts: (string | undefined)[]) => { await d.watch?.after(texts); };
  if (s.done.length) await watch(...stateTexts(s));

  // 1. The situation.
  if (!done('situation')) {
    s.situation = await p.input({ name: 'situation', message: msg.flow.situation, required: true });
    mark('situation');
    await watch(s.situation);
  }
  if (!done('when')) {
    const when = await p.input({
      name: 'when',
      message: msg.flow.when,
      default: 'now',
      validate: (v) => (parseDateTime(v || 'now', d.now()) ? true : msg.flow.badTime),
    });
    s.occurredAt = (parseDateTime(when || 'now', d.now())?.date ?? d.now()).toISOString();
    mark('when');
  }

  // 2. Emotions, each rated.
  if (!done('emotions')) {
    for (;;) {
      const chosen = new Set(s.emotions.map((e) => e.name));
      const choices = [
        ...(s.emotions.length ? [{ value: '__done', name: msg.flow.emotionDone }] : []),
        ...COMMON_EMOTIONS.filter((e) => !chosen.has(e)).map((e) => ({ value: e, name: e })),
        { value: '__other', name: msg.flow.emotionOther },
      ];
      // A feeling picked but not yet rated is kept too (pendingEmotion), so Ctrl-C or a crash loses no answer.
      let name = s.pendingEmotion ?? await p.select({ name: 'emotion', message: msg.flow.emotionPick, choices });
      if (name === '__done') break;
      if (s.pendingEmotion !== name) {
        s.pendingEmotion = name;
        d.save(s);
      }
      if (name === '__other') {
        name = (await p.input({
          name: 'emotionName',
          message: msg.flow.emotionOwn,
          required: true,
          validate: (v) => (v.trim().length <= 40 ? true : msg.flow.emotionTooLong),
        })).trim().toLowerCase();
        if (chosen.has(name)) {
          s.pendingEmotion = undefined;
          d.save(s);
          continue;
        }
        s.pendingEmotion = name;
        d.save(s);
        await watch(name);
      }
      const before = await p.rating({ name: 'emotionBefore', message: msg.flow.emotionRate(name) });
      s.emotions.push({ name, before });
      s.pendingEmotion = undefined;
      d.save(s);
    }
    mark('emotions');
  }

  // 3. Automatic thoughts; the hot one; how much it is believed.
  if (!done('thoughts')) {
    for (;;) {
      const t = await p.input({
        name: 'thought',
        message: s.thoughts.length === 0 ? `${msg.flow.thoughts}\n${msg.flow.thoughtNext(1)}` : msg.flow.thoughtNext(s.thoughts.length + 1),
        required: s.thoughts.length === 0,
      });
      if (t.trim() === '') break;
      s.thoughts.push(t);
      d.save(s);
      await watch(t);
    }
    mark('thoughts');
  }
  if (!done('hot')) {
    s.hot = s.thoughts.length === 1
      ? 0
      : await p.select({ name: 'hot', message: msg.flow.hotPick, choices: s.thoughts.map((t, i) => ({ value: i, name: t })) });
    mark('hot');
  }
  const hot = s.thoughts[s.hot ?? 0];
  if (!done('belief')) {
    s.beliefBefore = await p.rating({ name: 'beliefBefore', message: msg.flow.belief });
    mark('belief');
  }

  // A thought about dying, or about someone hurting the person, is not questioned: no patterns, no evidence
  // against it, no challenge questions. The record keeps it as written.
  const concern = d.watch?.assess([hot]);
  if (concern && (concern.danger || concern.abuse) && !done('distortions')) {
    p.note(concern.danger ? msg.safety.notArguing : msg.abuse.flow);
    s.distortions = [];
    for (const step of CHALLENGE) if (!s.done.includes(step)) s.done.push(step);
    d.save(s);
  }

  // 3b. The downward arrow (issue 15): what the hot thought would mean about the person, if true. Skippable.
  if (d.beliefs && !done('arrow') && !(concern && (concern.danger || concern.abuse))) {
    s.arrow = await runDownwardArrow(hot, s.arrow ?? { steps: [] }, { prompter: p, beliefs: d.beliefs, save: (a) => { s.arrow = a; d.save(s); }, watch: d.watch });
    mark('arrow');
  }

  // 4. Thinking patterns, with suggestions pre-selected (weak ones listed first, not ticked).
  if (!done('distortions')) {
    const sugg = d.suggest ? d.suggest(hot) : [];
    const suggested = new Map(sugg.map((x) => [x.id, x]));
    const ordered = [
      ...sugg.map((x) => d.library.get(x.id)).filter((x) => x !== undefined),
      ...d.library.patterns.filter((x) => !suggested.has(x.id)),
    ];
    s.distortions = await p.checkbox({
      name: 'distortions',
      message: msg.flow.distortions,
      choices: ordered.map((pat) => {
        const sg = suggested.get(pat.id);
        const label = sg?.maybe ? msg.flow.maybe : msg.flow.suggested;
        const why = sg ? ` (${label}${sg.fromHistory ? ', ' + msg.suggest.fromHistory : ''}${sg.because ? ': ' + sg.because : ''})` : '';
        return { value: pat.id, name: pat.name + why, description: pat.summary, checked: Boolean(sg) && !sg?.maybe };
      }),
    });
    mark('distortions');
  }

  // 5. Evidence for, then against, with the library's questions for the chosen patterns.
  if (!done('evidenceFor')) {
    p.note(msg.flow.evidenceFor);
    await askLines(p, 'evidenceFor', s.evidenceFor, () => d.save(s), watch);
    mark('evidenceFor');
  }
  if (!done('evidenceAgainst')) {
    p.note(msg.flow.evidenceAgainst);
    await askLines(p, 'evidenceAgainst', s.evidenceAgainst, () => d.save(s), watch);
    mark('evidenceAgainst');
  }
  if (!done('questions')) {
    const questions = questionsFor(s.distortions ?? [], d.library);
    if (s.asked.length === 0) p.note(msg.flow.questionsIntro);
    for (const q of questions) {
      if (s.asked.includes(q)) continue;
      const a = await p.input({ name: 'answer', message: q });
      if (a.trim() !== '') s.answers.push({ question: q, answer: a });
      s.asked.push(q);
      d.save(s);
      await watch(a);
    }
    mark('questions');
  }

  // 6. The balanced thought.
  if (!done('reframe')) {
    const r = await p.input({ name: 'reframe', message: msg.flow.reframe });
    s.reframe = r.trim() === '' ? undefined : r;
    mark('reframe');
    await watch(s.reframe);
  }
  if (!done('reframeBelief')) {
    if (s.reframe) s.reframeBelief = await p.rating({ name: 'reframeBelief', message: msg.flow.reframeBelief });
    mark('reframeBelief');
  }
  if (!done('strategies')) {
    const strategies = d.library.strategiesFor(s.distortions ?? []).slice(0, 2);
    if (strategies.length) {
      p.note(msg.flow.strategiesIntro);
      for (const st of strategies) p.note(`  - ${st.name}: ${st.summary}${st.steps[0] ? ' ' + st.steps[0] : ''}`);
    }
    mark('strategies');
  }

  // 7. Re-rate the hot thought and each emotion.
  if (!done('beliefAfter')) {
    s.beliefAfter = await p.rating({ name: 'beliefAfter', message: msg.flow.beliefAfter(hot) });
    mark('beliefAfter');
  }
  if (!done('emotionsAfter')) {
    for (const e of s.emotions) {
      if (e.after !== undefined) continue;
      e.after = await p.rating({ name: 'emotionAfter', message: msg.flow.emotionAfter(e.name) });
      d.save(s);
    }
    mark('emotionsAfter');
  }

  // 8. A plan and tags, both optional.
  if (!done('plan')) {
    const plan = await p.input({ name: 'plan', message: msg.flow.plan });
    s.actionPlan = plan.trim() === '' ? undefined : plan;
    mark('plan');
    await watch(s.actionPlan);
  }
  if (!done('tags')) {
    const t = await p.input({ name: 'tags', message: msg.flow.tags });
    s.tags = tagsFromText(t);
    mark('tags');
    await watch(...s.tags);
  }
  return s;
}

async function askLines(p: Prompter, name: string, into: string[], save: () => void, watch?: (t: string) => Promise<void>): Promise<void> {
  for (;;) {
    const line = await p.input({ name, message: `${into.length + 1}.` });
    if (line.trim() === '') return;
    into.push(line);
    save();
    await watch?.(line);
  }
}

/** Two questions from each chosen pattern (at most six), or general ones when none was chosen. */
export function questionsFor(ids: string[], library: Library): string[] {
  const qs: string[] = [];
  for (const id of ids) for (const q of library.get(id)?.questions.slice(0, 2) ?? []) if (!qs.includes(q)) qs.push(q);
  return qs.length ? qs.slice(0, 6) : GENERIC_QUESTIONS;
}
