// Realistic generated journals for tests and the benchmark: pure and deterministic by seed.
// generateRecords({ records, days, seed }) -> ThoughtRecord[] spread over `days` local days ending at `end`.
// Nothing here touches the disk; bulkLoad() writes records into a journal in one transaction.
import type { ThoughtRecord, Emotion, Answer } from '../domain/record';

export interface GenerateOptions {
  /** How many records (n). */
  records: number;
  /** Over how many local days, ending with the day of `end` (m). */
  days: number;
  seed: number;
  /** The last day of the journal (local). Default: 2026-11-22 21:30 local, so output never depends on today. */
  end?: Date;
  /** Share of days with at least one record when records allow (0-1). Default 0.7: practice has gaps. */
  activeDays?: number;
  /** Share of records naming a pattern id that is not in the built-in library. Default 0.003. */
  unknownDistortions?: number;
}

/** The built-in library's ids (data/patterns.json), most of what people pick. */
export const GENERATOR_DISTORTIONS = [
  'all-or-nothing', 'overgeneralization', 'mental-filter', 'disqualifying-the-positive', 'mind-reading',
  'fortune-telling', 'catastrophizing', 'emotional-reasoning', 'should-statements', 'labeling',
  'personalization', 'blaming', 'unworthy-of-love', 'fear-of-rejection', 'fear-of-judgement',
  'vulnerability-means-hurt', 'mistrust-after-betrayal', 'avoidance', 'denial', 'repression',
] as const;

/** A pattern a record may still name after it left the library (a retired custom pattern). */
export const GENERATOR_UNKNOWN_DISTORTION = 'retired-pattern';

const EMOTIONS: [string, number][] = [
  ['anxious', 26], ['sad', 18], ['ashamed', 10], ['angry', 9], ['lonely', 8], ['guilty', 7], ['hurt', 7],
  ['frustrated', 7], ['afraid', 5], ['embarrassed', 5], ['rejected', 4], ['hopeless', 3], ['jealous', 3],
  ['overwhelmed', 6], ['déçu', 1],
];

const TAGS: [string, number][] = [
  ['work', 24], ['partner', 20], ['family', 14], ['friends', 10], ['health', 7], ['money', 6], ['school', 4],
  ['home', 6], ['social', 5], ['self', 5], ['café', 1], ['日本', 1],
];

const PEOPLE = ['my partner', 'my manager', 'my sister', 'Sam', 'my mother', 'a colleague', 'Zoë', 'Herr Müller', 'my best friend', 'the neighbour', 'my brother', 'the team'];
const PLACES = ['at dinner', 'in the weekly meeting', 'on the phone', 'at the café', 'in a group chat', 'at the party', 'on the way home', 'at the school gate', 'in the kitchen', 'over text', 'at the gym', 'on a video call'];
const EVENTS = [
  'went quiet after I told them about my week',
  "didn't answer my message for most of the day",
  'gave the project to someone else',
  'made a joke about how late I always am',
  'cancelled our plans at the last minute',
  'asked me to redo the report',
  'looked at their phone while I was talking',
  'said they needed some space this weekend',
  'forgot my birthday',
  'praised my work but mentioned one mistake',
  'invited everyone except me',
  'sighed when I asked a question',
  'left early without saying goodbye',
  'replied with just "ok"',
];
const DETAILS = [
  'I had been looking forward to it all week.',
  'It was the third time this month.',
  'Everyone else seemed fine with it.',
  'I was already tired and behind on everything.',
  'I kept replaying it for hours afterwards.',
  'My chest went tight and I could not focus.',
  'I said nothing and went to bed early.',
  'We had argued about something similar last year.',
  'I had shared something personal just before.',
  'It reminded me of how things ended with my ex 💔',
];
const THOUGHTS = [
  "I'm not worthy of love",
  'They must think I am boring',
  'I always ruin everything',
  'I will be alone forever',
  "If I let my guard down I'll get hurt again",
  'Everyone can see I am a fraud',
  'I should be able to handle this by now',
  'This is all my fault',
  'They are going to leave me',
  'I never get anything right',
  'Nobody really cares what happens to me',
  "I'm such an idiot",
  'If I speak up they will laugh at me',
  'Something terrible is going to happen',
  'I feel useless, so I must be useless',
  'It is naïve to trust anyone',
];
const OTHER_THOUGHTS = [
  'They are bored of me', 'I said too much', 'I should have stayed home', 'They prefer everyone else',
  'I will get fired', 'I can never relax', 'What is wrong with me?', 'They are just being polite',
];
const EVIDENCE_FOR = [
  'They did not ask me anything back.', 'It has happened before.', 'They left without saying goodbye.',
  'I did make a mistake in the report.', 'Nobody replied for hours.', 'I was the only one not invited.',
];
const EVIDENCE_AGAINST = [
  'They told me yesterday that they care about me.', 'They were exhausted after a long week.',
  'My last review was good.', 'Two friends checked in on me this month.', 'They apologised the next morning.',
  'I have handled harder things than this.', 'One evening is not the whole relationship.',
  'People forget things when they are stressed; it is not about me.',
];
const QUESTIONS = [
  'What would you tell a friend who thought this?',
  'Is there another way to see what happened?',
  'What is the most likely outcome, not the worst one?',
  'Will this matter in five years?',
  'What would you say to yourself on a good day?',
];
const ANSWERS = [
  'That one quiet evening is not a verdict on them.',
  'That they were probably tired, and it is fine to ask.',
  'Most likely we talk tomorrow and it is fine.',
  'Probably not; I will hardly remember it.',
  'That I am doing my best and that is enough.',
  'That a mistake is something to fix, not who I am.',
];
const REFRAMES = [
  'They were tired; one quiet evening says nothing about my worth.',
  'I made one mistake, and I also did a lot of things well.',
  'I do not know what they think; I can ask instead of guessing.',
  'Feeling anxious is not proof that something bad will happen.',
  'I can let someone in a little at a time and see how it goes.',
  'Cancelling plans is about their week, not about me.',
  'Everyone deserves love, and that includes me.',
];
const PLANS = [
  'Ask them tomorrow how their day was, and say it worried me.',
  'Send one message to a friend this evening.',
  'Fix the one mistake and stop there.',
  'Go for a walk before deciding anything.',
  'Write down three things that went well today.',
];

type Rng = () => number;

/** mulberry32: small, fast, and the same on every platform. */
export function rng(seed: number): Rng {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

function weighted<T>(r: Rng, items: readonly [T, number][]): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let x = r() * total;
  for (const [v, w] of items) {
    x -= w;
    if (x < 0) return v;
  }
  return items[items.length - 1][0];
}

/** Up to k distinct picks, weighted. */
function weightedDistinct<T>(r: Rng, items: readonly [T, number][], k: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < k && pool.length > 0) {
    const v = weighted(r, pool);
    out.push(v);
    pool.splice(pool.findIndex(([x]) => x === v), 1);
  }
  return out;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The largest time a ULID holds (48 bits of milliseconds, in the year 10889). */
const ULID_MAX_TIME = 2 ** 48 - 1;

/**
 * A ULID from a time and the seeded generator: time-sortable and reproducible. A ULID cannot hold a time
 * before 1970, so earlier times all get the time part of 1970-01-01 (the random part keeps them apart).
 */
export function seededUlid(ms: number, r: Rng): string {
  let time = '';
  let t = Math.min(ULID_MAX_TIME, Math.max(0, Math.floor(ms)));
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let rand = '';
  for (let i = 0; i < 16; i++) rand += CROCKFORD[Math.floor(r() * 32)];
  return time + rand;
}

/** Consecutive practice days: a streaky on/off chain, so streaks and gaps look like a real person's. */
function activeDayFlags(r: Rng, days: number, share: number): boolean[] {
  const stay = 0.85;
  // Stationary share p of the two-state chain: p = q / (1 - stay + q) => q = p (1 - stay) / (1 - p).
  const p = Math.min(0.99, Math.max(0.01, share));
  const start = Math.min(0.95, (p * (1 - stay)) / (1 - p));
  const flags: boolean[] = [];
  let on = r() < p;
  for (let i = 0; i < days; i++) {
    flags.push(on);
    on = on ? r() < stay : r() < start;
  }
  return flags;
}

/** Local calendar date `offset` days after `base` (DST-safe: by calendar, not by 24 hours). */
function addLocalDays(base: Date, offset: number): Date {
  return new Date(base.getFullYear(), base.getMonth(), base.getDate() + offset);
}

function timeOfDay(r: Rng): [number, number] {
  const x = r();
  if (x < 0.5) return [int(r, 18, 23), int(r, 0, 59)];
  if (x < 0.7) return [int(r, 6, 9), int(r, 0, 59)];
  if (x < 0.95) return [int(r, 10, 17), int(r, 0, 59)];
  return [int(r, 0, 2), int(r, 0, 59)];
}

function sentence(r: Rng): string {
  const who = pick(r, PEOPLE);
  let s = `${who.charAt(0).toUpperCase()}${who.slice(1)} ${pick(r, EVENTS)} ${pick(r, PLACES)}.`;
  const extra = int(r, 0, 3);
  for (let i = 0; i < extra; i++) s += ' ' + pick(r, DETAILS);
  return s;
}

/**
 * n records over m local days ending on `end`'s day, deterministic by seed. Patterns follow the person:
 * a few recur often (skewed by the seed), one fades over the months and another grows, and each
 * pattern eases by its own typical amount, so relief and trends have something to show.
 */
export function generateRecords(o: GenerateOptions): ThoughtRecord[] {
  const n = Math.max(0, Math.floor(o.records));
  const m = Math.max(1, Math.floor(o.days));
  const r = rng(o.seed);
  const end = o.end ?? new Date(2026, 10, 22, 21, 30);
  const first = addLocalDays(end, -(m - 1));

  // This person's patterns: a seeded order with Zipf-like weights, and how well each one eases.
  const order: string[] = [...GENERATOR_DISTORTIONS];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const baseWeight = new Map(order.map((id, i) => [id, 1 / Math.pow(i + 1, 1.1)]));
  const ease = new Map(order.map((id) => [id, 0.3 + r() * 0.9]));
  const fading = order[0];
  const growing = order[3];

  // Which days have records, and how many each.
  const flags = activeDayFlags(r, m, o.activeDays ?? 0.7);
  let active = flags.map((f, i) => (f ? i : -1)).filter((i) => i >= 0);
  if (active.length === 0) active = [m - 1];
  if (active.length > n) {
    const kept = active.filter(() => r() < n / active.length).slice(0, n);
    // A small n over many days can keep no day at all: then one day, chosen the same way by seed.
    active = kept.length > 0 || n === 0 ? kept : [active[Math.floor(r() * active.length)]];
  }
  const perDay = new Map<number, number>(active.map((d) => [d, 1]));
  for (let i = active.length; i < n; i++) {
    const d = active[Math.floor(r() * active.length)];
    perDay.set(d, (perDay.get(d) ?? 0) + 1);
  }

  const out: ThoughtRecord[] = [];
  const unknownRate = o.unknownDistortions ?? 0.003;
  for (const day of [...perDay.keys()].sort((a, b) => a - b)) {
    const date = addLocalDays(first, day);
    const t = m === 1 ? 1 : day / (m - 1);
    for (let k = 0; k < perDay.get(day)!; k++) {
      const [h, min] = timeOfDay(r);
      const occurred = new Date(date.getFullYear(), date.getMonth(), date.getDate(), h, min, int(r, 0, 59));
      const created = new Date(occurred.getTime() + int(r, 1, 180) * 60_000 + int(r, 0, 999));

      const weights: [string, number][] = order.map((id) => {
        let w = baseWeight.get(id)!;
        if (id === fading) w *= 1.6 - 1.3 * t;
        if (id === growing) w *= 0.4 + 1.6 * t;
        return [id, w];
      });
      const nd = weighted(r, [[0, 12], [1, 45], [2, 30], [3, 13]] as [number, number][]);
      const distortions: string[] = weightedDistinct(r, weights, nd);
      if (r() < unknownRate) distortions.push(GENERATOR_UNKNOWN_DISTORTION);
      const easeBy = distortions.length
        ? distortions.reduce((s, d) => s + (ease.get(d) ?? 0.5), 0) / distortions.length
        : 0.6;

      const ne = weighted(r, [[1, 50], [2, 35], [3, 15]] as [number, number][]);
      const rated = r() < 0.75;
      const emotions: Emotion[] = weightedDistinct(r, EMOTIONS, ne).map((name) => {
        const before = int(r, 35, 95);
        const e: Emotion = { name, before };
        if (rated && r() < 0.93) {
          const relief = r() < 0.1 ? -int(r, 0, 15) : before * easeBy * (0.3 + r() * 0.5);
          e.after = clamp(before - relief);
        }
        return e;
      });

      const rec: ThoughtRecord = {
        id: seededUlid(created.getTime(), r),
        createdAt: created.toISOString(),
        occurredAt: occurred.toISOString(),
        situation: sentence(r),
        emotions,
        thought: pick(r, THOUGHTS),
        beliefBefore: r() < 0.88 ? int(r, 40, 100) : undefined,
        otherThoughts: weightedDistinct(r, OTHER_THOUGHTS.map((s) => [s, 1] as [string, number]), int(r, 0, 2)),
        distortions,
        evidenceFor: weightedDistinct(r, EVIDENCE_FOR.map((s) => [s, 1] as [string, number]), int(r, 0, 3)),
        evidenceAgainst: weightedDistinct(r, EVIDENCE_AGAINST.map((s) => [s, 1] as [string, number]), int(r, 0, 3)),
        answers: [] as Answer[],
        reframe: undefined,
        reframeBelief: undefined,
        beliefAfter: undefined,
        actionPlan: undefined,
        tags: weightedDistinct(r, TAGS, weighted(r, [[0, 25], [1, 50], [2, 25]] as [number, number][])),
      };
      const na = int(r, 0, 2);
      for (const q of weightedDistinct(r, QUESTIONS.map((s) => [s, 1] as [string, number]), na)) {
        rec.answers.push({ question: q, answer: pick(r, ANSWERS) });
      }
      if (rated) {
        rec.reframe = pick(r, REFRAMES);
        rec.reframeBelief = int(r, 30, 90);
        if (rec.beliefBefore !== undefined && r() < 0.85) {
          rec.beliefAfter = clamp(rec.beliefBefore - rec.beliefBefore * easeBy * (0.2 + r() * 0.6));
        }
      }
      if (r() < 0.4) rec.actionPlan = pick(r, PLANS);
      out.push(rec);
    }
  }
  return out;
}

/** What bulkLoad needs of a journal (Journal has both). */
export interface BulkTarget {
  write<T>(fn: () => T): T;
  insertRaw(r: ThoughtRecord): void;
}

/** Insert many records in one transaction: the fast way to fill a journal for tests and benchmarks. */
export function bulkLoad(journal: BulkTarget, records: Iterable<ThoughtRecord>): number {
  return journal.write(() => {
    let n = 0;
    for (const rec of records) {
      journal.insertRaw(rec);
      n++;
    }
    return n;
  });
}
