// The guided thought record, in Mind Over Mood order. Asks only through the Prompter; every answer
// is written to the draft as soon as it is given, so Ctrl-C (or a crash) never loses one.
import type { Prompter } from './prompter';
import type { Library } from '../library/library';
import type { Emotion, Answer, WhenTrue } from '../domain/record';
import { readOccurredAt, whenProblem } from '../domain/dates';
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
  /** 'true' when the person said the evidence mostly supports the thought (the action-plan branch). */
  verdict?: 'true' | 'balanced';
  whenTrue?: WhenTrue;
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
  /** Patterns to offer for the hot thought and the other thoughts written with it, best first (none is ticked). */
  suggest?: (thought: string, others?: string[]) => Suggestion[] | Promise<Suggestion[]>;
  /** Looks at each free-text answer once it is saved: the crisis note, then how to go on (safety-watch.ts). */
  watch?: SafetyWatch;
  /** The whole record as it stands, for the review before saving (a card, without id). */
  review?: (s: FlowState) => string | Promise<string>;
  /** The beliefs the person keeps: given, the downward arrow is offered after the hot thought (downward-arrow.ts). */
  beliefs?: { id: string; text: string }[];
}

/** Every free text of a state (for a resumed draft: looked at once, before the next question). */
function stateTexts(s: FlowState): string[] {
  return [s.situation ?? '', ...s.emotions.map((e) => e.name), ...s.thoughts, ...s.evidenceFor, ...s.evidenceAgainst,
    ...s.answers.map((a) => a.answer), s.reframe ?? '', s.actionPlan ?? '', s.whenTrue?.help ?? '', s.whenTrue?.friend ?? '',
    ...(s.tags ?? [])];
}

/** The steps that question a thought: skipped for a thought about dying or about someone hurting the person. */
const CHALLENGE = ['distortions', 'evidenceFor', 'questions', 'evidenceAgainst', 'verdict', 'whenTrue', 'reframe', 'reframeBelief', 'strategies', 'beliefAfter'];

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
    whenTrue: s.verdict === 'true' ? (s.whenTrue ?? {}) : undefined,
    tags: s.tags ?? [],
  };
}

/** Shorten a quoted text to one line for a question. */
function quote(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1).trimEnd() + '…' : one;
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
  const hotThought = () => s.thoughts[s.hot ?? 0] ?? '';

  // Each step asks its questions; `again` is true when the person came back to it from the review.
  const askSituation = async (again: boolean) => {
    s.situation = await p.input({ name: 'situation', message: msg.flow.situation, required: true, long: true, default: again ? s.situation : undefined });
    d.save(s);
    await watch(s.situation);
  };
  const askWhen = async (again: boolean) => {
    const when = await p.input({
      name: 'when',
      message: msg.flow.when,
      default: again && s.occurredAt ? s.occurredAt : 'now',
      validate: (v) => whenProblem(readOccurredAt(v || 'now', d.now()), msg.flow.badTime),
    });
    const at = readOccurredAt(when || 'now', d.now());
    s.occurredAt = (at.ok ? at.date : d.now()).toISOString();
    d.save(s);
  };
  const askThoughts = async () => {
    for (;;) {
      const t = await p.input({
        name: 'thought',
        message: s.thoughts.length === 0 ? `${msg.flow.thoughts}\n${msg.flow.thoughtNext(1)}` : msg.flow.thoughtNext(s.thoughts.length + 1),
        required: s.thoughts.length === 0,
        long: true,
      });
      if (t.trim() === '') break;
      s.thoughts.push(t);
      d.save(s);
      await watch(t);
    }
  };
  const askHot = async () => {
    s.hot = s.thoughts.length === 1
      ? 0
      : await p.select({ name: 'hot', message: msg.flow.hotPick, choices: s.thoughts.map((t, i) => ({ value: i, name: quote(t, 100) })), default: s.hot });
    d.save(s);
  };
  const askBelief = async (again: boolean) => {
    s.beliefBefore = await p.rating({ name: 'beliefBefore', message: msg.flow.belief, default: again ? s.beliefBefore : undefined });
    d.save(s);
  };
  const askPatterns = async () => {
    const hot = hotThought();
    const sugg = d.suggest ? await d.suggest(hot, s.thoughts.filter((_, i) => i !== (s.hot ?? 0))) : [];
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
        return { value: pat.id, name: pat.name + why, description: pat.summary, checked: false };
      }),
    });
    d.save(s);
  };
  const askQuestions = async () => {
    const questions = questionsFor(s.distortions ?? [], d.library);
    if (s.asked.length === 0) p.note(msg.flow.questionsIntro);
    for (const q of questions) {
      if (s.asked.includes(q)) continue;
      const a = await p.input({ name: 'answer', message: q, long: true });
      if (a.trim() !== '') s.answers.push({ question: q, answer: a });
      s.asked.push(q);
      d.save(s);
      await watch(a);
    }
  };
  const askAgainst = async () => {
    // Answers to the questions can become evidence against with one key each (space), none ticked.
    if (!done('answersAsEvidence')) {
      const offered = s.answers.filter((a) => !s.evidenceAgainst.includes(a.answer));
      if (offered.length) {
        const picked = await p.checkbox({
          name: 'answersAsEvidence',
          message: msg.flow.answersAsEvidence,
          choices: offered.map((a, i) => ({ value: i, name: quote(a.answer, 90), checked: false })),
        });
        for (const i of picked) s.evidenceAgainst.push(offered[i].answer);
      }
      mark('answersAsEvidence');
    }
    p.note(msg.flow.evidenceAgainst);
    await askLines(p, 'evidenceAgainst', s.evidenceAgainst, () => d.save(s), watch);
    // One gentle nudge when nothing was found, never more.
    if (s.evidenceAgainst.length === 0 && !done('againstNudge')) {
      mark('againstNudge');
      p.note(msg.flow.againstNudge);
      await askLines(p, 'evidenceAgainst', s.evidenceAgainst, () => d.save(s), watch);
    }
  };
  const askVerdict = async () => {
    s.verdict = await p.select<'true' | 'balanced'>({
      name: 'verdict',
      message: msg.flow.verdict,
      choices: [{ value: 'balanced', name: msg.flow.verdictBalanced }, { value: 'true', name: msg.flow.verdictTrue }],
      default: s.verdict,
    });
    d.save(s);
  };
  // The branch for a thought the evidence mostly supports; each answer is its own step, so a resume asks only the rest.
  const whenTrueText = async (name: string, message: string, current: string | undefined, again: boolean) => {
    const v = await p.input({ name, message, long: true, default: again ? current : undefined });
    return v.trim() === '' ? undefined : v;
  };
  const askWhenTrue = async (again: boolean) => {
    if (!again && !done('whenTrueDo')) p.note(msg.flow.whenTrueIntro);
    if (again || !done('whenTrueDo')) {
      s.actionPlan = await whenTrueText('whenTrueDo', msg.flow.whenTrueDo, s.actionPlan, again);
      mark('whenTrueDo');
      await watch(s.actionPlan);
    }
    if (again || !done('whenTrueHelp')) {
      s.whenTrue = { ...s.whenTrue, help: await whenTrueText('whenTrueHelp', msg.flow.whenTrueHelp, s.whenTrue?.help, again) };
      mark('whenTrueHelp');
      await watch(s.whenTrue.help);
    }
    if (again || !done('whenTrueFriend')) {
      s.whenTrue = { ...s.whenTrue, friend: await whenTrueText('whenTrueFriend', msg.flow.whenTrueFriend, s.whenTrue?.friend, again) };
      mark('whenTrueFriend');
      await watch(s.whenTrue.friend);
    }
  };
  const askReframe = async (again: boolean) => {
    // The heart of the method gets the most help: what was found, the patterns' own tips, an example, a start.
    p.note(msg.flow.reframeRecap);
    p.note(`  ${msg.flow.recapThought}: "${hotThought()}"`);
    const list = (title: string, xs: string[]) => {
      p.note(`  ${title}:`);
      if (xs.length === 0) p.note(`    ${msg.flow.recapNone}`);
      for (const x of xs) p.note(`    - ${x.replace(/\n/g, '\n      ')}`);
    };
    list(msg.flow.recapFor, s.evidenceFor);
    list(msg.flow.recapAgainst, s.evidenceAgainst);
    const tips = (s.distortions ?? []).map((id) => d.library.get(id)).filter((x) => x !== undefined && x.reframe);
    if (tips.length) {
      p.note(msg.flow.reframeTips);
      for (const t of tips.slice(0, 3)) p.note(`  - ${t!.name}: ${t!.reframe}`);
    }
    p.note(msg.flow.reframeExample);
    p.note(msg.flow.reframeTemplate);
    const r = await p.input({ name: 'reframe', message: msg.flow.reframe, long: true, default: again ? s.reframe : undefined });
    s.reframe = r.trim() === '' ? undefined : r;
    if (!s.reframe) s.reframeBelief = undefined;
    mark('reframe');
    await watch(s.reframe);
    if (again) await askReframeBelief(true);
  };
  const askReframeBelief = async (again: boolean) => {
    if (s.reframe) s.reframeBelief = await p.rating({ name: 'reframeBelief', message: msg.flow.reframeBelief, default: again ? s.reframeBelief : undefined });
    mark('reframeBelief');
  };
  const askRerate = async (again: boolean) => {
    s.beliefAfter = await p.rating({ name: 'beliefAfter', message: msg.flow.beliefAfter(quote(hotThought())), default: again ? s.beliefAfter : undefined });
    d.save(s);
    for (const e of s.emotions) {
      if (e.after !== undefined && !again) continue;
      e.after = await p.rating({ name: 'emotionAfter', message: msg.flow.emotionAfter(e.name), default: again ? e.after : undefined });
      d.save(s);
    }
  };
  const askPlan = async (again: boolean) => {
    const plan = await p.input({ name: 'plan', message: msg.flow.plan, long: true, default: again ? s.actionPlan : undefined });
    s.actionPlan = plan.trim() === '' ? undefined : plan;
    d.save(s);
    await watch(s.actionPlan);
  };
  const askTags = async (again: boolean) => {
    const t = await p.input({ name: 'tags', message: msg.flow.tags, default: again && s.tags?.length ? s.tags.join(' ') : undefined });
    s.tags = tagsFromText(t);
    d.save(s);
    await watch(...s.tags);
  };

  // 1. The situation.
  if (!done('situation')) {
    await askSituation(false);
    mark('situation');
  }
  if (!done('when')) {
    await askWhen(false);
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
    await askThoughts();
    mark('thoughts');
  }
  if (!done('hot')) {
    await askHot();
    mark('hot');
  }
  if (!done('belief')) {
    await askBelief(false);
    mark('belief');
  }

  // A thought about dying, or about someone hurting the person, is not questioned: no patterns, no evidence
  // against it, no challenge questions. The record keeps it as written.
  const concern = await d.watch?.assess([hotThought()]);
  if (concern && (concern.danger || concern.abuse) && !done('distortions')) {
    p.note(concern.danger ? msg.safety.notArguing : msg.abuse.flow);
    s.distortions = [];
    for (const step of CHALLENGE) if (!s.done.includes(step)) s.done.push(step);
    d.save(s);
  }

  // 3b. The downward arrow: what the hot thought would mean about the person, if true. Skippable.
  if (d.beliefs && !done('arrow') && !(concern && (concern.danger || concern.abuse))) {
    s.arrow = await runDownwardArrow(hotThought(), s.arrow ?? { steps: [] }, { prompter: p, beliefs: d.beliefs, save: (a) => { s.arrow = a; d.save(s); }, watch: d.watch });
    mark('arrow');
  }

  // 4. Thinking patterns: suggestions listed first, each with the words that led to it, none ticked: the person
  // chooses. They read every thought written, not only the hot one.
  if (!done('distortions')) {
    await askPatterns();
    mark('distortions');
  }

  // 5. Evidence for; then the questions (Mind Over Mood uses them as hints to find evidence against); then
  //    evidence against, where any answer can be kept as evidence with one key.
  if (!done('evidenceFor')) {
    p.note(msg.flow.evidenceFor);
    await askLines(p, 'evidenceFor', s.evidenceFor, () => d.save(s), watch);
    mark('evidenceFor');
  }
  if (!done('questions')) {
    await askQuestions();
    mark('questions');
  }
  if (!done('evidenceAgainst')) {
    await askAgainst();
    mark('evidenceAgainst');
  }

  // 6. Does the evidence mostly support the thought? Then what to do about it (the action plan).
  if (!done('verdict')) {
    await askVerdict();
    mark('verdict');
  }
  if (!done('whenTrue')) {
    if (s.verdict === 'true') {
      await askWhenTrue(false);
      mark('plan'); // what they can do is the record's next step: not asked twice
    }
    mark('whenTrue');
  }

  // 7. The balanced thought, with help; it can be left for later.
  if (!done('reframe')) await askReframe(false);
  if (!done('reframeBelief')) await askReframeBelief(false);
  if (!done('strategies')) {
    const strategies = d.library.strategiesToOffer(s.distortions ?? []).slice(0, 2);
    if (strategies.length) {
      p.note(msg.flow.strategiesIntro);
      for (const st of strategies) p.note(`  - ${st.name}: ${st.summary}${st.steps[0] ? ' ' + st.steps[0] : ''}`);
    }
    mark('strategies');
  }

  // 8. Re-rate the hot thought (quoted) and each emotion.
  if (!done('beliefAfter')) {
    s.beliefAfter = await p.rating({ name: 'beliefAfter', message: msg.flow.beliefAfter(quote(hotThought())) });
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

  // 9. A plan and tags, both optional.
  if (!done('plan')) {
    await askPlan(false);
    mark('plan');
  }
  if (!done('tags')) {
    await askTags(false);
    mark('tags');
  }

  // 10. The whole record on one screen: save it, or change any answer and come back here.
  if (d.review) {
    const challenged = !(concern && (concern.danger || concern.abuse));
    for (;;) {
      p.note('');
      p.note(msg.flow.reviewIntro);
      p.note(await d.review(s));
      p.note('');
      const parts = msg.flow.reviewParts;
      const choices: { value: string; name: string }[] = [
        { value: 'save', name: msg.flow.reviewSave },
        { value: 'situation', name: msg.flow.reviewChange(parts.situation) },
        { value: 'when', name: msg.flow.reviewChange(parts.when) },
        { value: 'feelings', name: msg.flow.reviewChange(parts.feelings) },
        { value: 'thoughts', name: msg.flow.reviewChange(parts.thoughts) },
        ...(challenged ? [
          { value: 'distortions', name: msg.flow.reviewChange(parts.distortions) },
          { value: 'evidenceFor', name: msg.flow.reviewChange(parts.evidenceFor) },
          { value: 'evidenceAgainst', name: msg.flow.reviewChange(parts.evidenceAgainst) },
          ...(s.verdict === 'true' ? [{ value: 'whenTrue', name: msg.flow.reviewChange(parts.whenTrue) }] : []),
          { value: 'reframe', name: msg.flow.reviewChange(parts.reframe) },
          { value: 'rerate', name: msg.flow.reviewChange(parts.rerate) },
        ] : []),
        ...(s.verdict === 'true' ? [] : [{ value: 'plan', name: msg.flow.reviewChange(parts.plan) }]),
        { value: 'tags', name: msg.flow.reviewChange(parts.tags) },
      ];
      const what = await p.select({ name: 'review', message: msg.flow.reviewWhat, choices });
      if (what === 'save') break;
      switch (what) {
        case 'situation': await askSituation(true); break;
        case 'when': await askWhen(true); break;
        case 'feelings':
          for (const e of s.emotions) {
            e.before = await p.rating({ name: 'emotionBefore', message: msg.flow.emotionRate(e.name), default: e.before });
            d.save(s);
          }
          break;
        case 'thoughts': {
          const hot = hotThought();
          await editList(p, 'thought', s.thoughts, () => d.save(s), watch, 1);
          const at = s.thoughts.indexOf(hot);
          s.hot = at >= 0 ? at : 0;
          if (s.thoughts.length > 1) await askHot();
          if (hotThought() !== hot) await askBelief(true);
          d.save(s);
          break;
        }
        case 'distortions': {
          const chosen = new Set(s.distortions ?? []);
          s.distortions = await p.checkbox({
            name: 'distortions',
            message: msg.flow.distortions,
            choices: d.library.patterns.map((x) => ({ value: x.id, name: x.name, description: x.summary, checked: chosen.has(x.id) })),
          });
          d.save(s);
          break;
        }
        case 'evidenceFor': await editList(p, 'evidenceFor', s.evidenceFor, () => d.save(s), watch); break;
        case 'evidenceAgainst': await editList(p, 'evidenceAgainst', s.evidenceAgainst, () => d.save(s), watch); break;
        case 'whenTrue': await askWhenTrue(true); break;
        case 'reframe': await askReframe(true); break;
        case 'rerate': await askRerate(true); break;
        case 'plan': await askPlan(true); break;
        case 'tags': await askTags(true); break;
      }
    }
  }
  return s;
}

async function askLines(p: Prompter, name: string, into: string[], save: () => void, watch?: (t: string) => Promise<void>): Promise<void> {
  for (;;) {
    const line = await p.input({ name, message: `${into.length + 1}.`, long: true });
    if (line.trim() === '') return;
    into.push(line);
    save();
    await watch?.(line);
  }
}

/**
 * Change a list from the review: pick an item to write again or remove, or add one. `min` items are kept
 * (a record needs its one thought). The list is changed in place and saved after every change.
 */
async function editList(p: Prompter, name: string, items: string[], save: () => void, watch: (t: string) => Promise<void>, min = 0): Promise<void> {
  for (;;) {
    const which = await p.select<number | '__add' | '__done'>({
      name: `${name}Pick`,
      message: msg.flow.listPick,
      choices: [
        { value: '__done', name: msg.flow.listDone },
        ...items.map((x, i) => ({ value: i, name: `${i + 1}. ${quote(x, 90)}` })),
        { value: '__add', name: msg.flow.listAdd },
      ],
    });
    if (which === '__done') return;
    if (which === '__add') {
      const v = await p.input({ name, message: `${items.length + 1}.`, long: true });
      if (v.trim() !== '') {
        items.push(v);
        save();
        await watch(v);
      }
      continue;
    }
    const action = items.length > min
      ? await p.select({ name: `${name}Action`, message: msg.flow.listWhat, choices: [{ value: 'change', name: msg.flow.listChange }, { value: 'remove', name: msg.flow.listRemove }] })
      : 'change';
    if (action === 'remove') {
      items.splice(which, 1);
      save();
      continue;
    }
    const v = await p.input({ name, message: msg.flow.listEdit, long: true, default: items[which] });
    if (v.trim() !== '') {
      items[which] = v;
      save();
      await watch(v);
    }
  }
}

/** What Mind Over Mood asks of every thought, and always asked: it is where kindness to oneself starts. */
export const FRIEND_QUESTION = GENERIC_QUESTIONS[0];

/**
 * Two questions from each chosen pattern (six at most), or general ones when none was chosen; "What would you
 * tell a friend?" is always among them.
 */
export function questionsFor(ids: string[], library: Library): string[] {
  const qs: string[] = [];
  for (const id of ids) for (const q of library.get(id)?.questions.slice(0, 2) ?? []) if (!qs.includes(q)) qs.push(q);
  if (qs.length === 0) return GENERIC_QUESTIONS;
  const friendly = qs.some((q) => /\bfriend\b/i.test(q));
  return friendly ? qs.slice(0, 6) : [...qs.slice(0, 5), FRIEND_QUESTION];
}
