// Scoring: from the cues that match a thought (and, optionally, what the person chose for similar thoughts
// before) to the patterns it most likely shows, best first, each with the words that show it.
import { CONDITIONALS, NEGATORS, STOPWORDS } from './words';
import { normalise, type Word } from './normalise';
import { NO_LEXICON, canStart, compileCue, compileToken, tokensBy, type AltsTok, type CompiledCue, type Lexicon } from './cues';
import { matchCue } from './match';

export interface SuggestPattern {
  id: string;
  name: string;
  cues?: string[];
  /** Its level (library KINDS). A rule ("if I open up, I'll get hurt") takes the place of a thinking error found only
   *  inside the words that show the rule: the rule's "then" is a prediction, not a second pattern. */
  kind?: string;
}

export interface PastThought {
  thought: string;
  distortions: string[];
}

export interface PatternSuggestion {
  id: string;
  name: string;
  /** 0-1. */
  score: number;
  /** The words of the thought that led to it, quoted as typed: "\"she thinks\"". */
  because: string;
  /** The person chose this pattern before for a similar thought. */
  fromHistory?: boolean;
}

export interface SuggestOptions {
  /** At most this many suggestions (default 3). */
  limit?: number;
  /** Below this score a suggestion is not shown. */
  minScore?: number;
}

/** Suggestions scoring below this are not shown. */
export const MIN_SCORE = 0.3;
/** How much a past choice for a similar thought weighs. */
const HISTORY_WEIGHT = 0.5;
/** How similar (Jaccard on content words) a past thought must be to count. */
const SIMILAR = 0.3;

interface Hit {
  strength: number;
  start: number;
  end: number;
  hint: boolean;
}

/** Merge overlapping word ranges and quote them as the person typed them. */
function quote(text: string, words: Word[], ranges: { start: number; end: number }[], max = 2): string {
  const spans = ranges
    .map((r) => ({ from: words[r.start].start, to: words[r.end - 1].end }))
    .sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && (s.from <= last.to || /^\s+$/.test(text.slice(last.to, s.from)))) last.to = Math.max(last.to, s.to);
    else merged.push({ ...s });
  }
  return merged
    .slice(0, max)
    .map((s) => `"${text.slice(s.from, s.to).replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '')}"`)
    .join(', ');
}

/** Content words of a thought, for comparing thoughts: no little words, plural -s dropped. */
export function contentWords(words: Word[] | string): Set<string> {
  const ws = typeof words === 'string' ? normalise(words) : words;
  const out = new Set<string>();
  for (const { w } of ws) {
    if (STOPWORDS.has(w) || NEGATORS.has(w) || w.length < 2) continue;
    out.add(stem(w));
  }
  return out;
}

function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 3 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

interface PreparedPast {
  words: Set<string>;
  distortions: string[];
}

/**
 * A suggester for a library: cues compiled once (with the library's word sets), past thoughts prepared once.
 * suggest(text) returns the patterns the thought most likely shows, best first.
 */
export function createSuggester(
  patterns: readonly SuggestPattern[],
  history: readonly PastThought[] = [],
  /** The library's word sets, for cues that name them (`@name`). */
  lexicon: Lexicon = NO_LEXICON,
) {
  const lib = patterns.map((p) => ({ p, cues: (p.cues ?? []).map((c) => lazyCue(c, lexicon)).filter((c) => c !== undefined) }));
  const known = new Set(patterns.map((p) => p.id));
  const past: PreparedPast[] = history
    .map((h) => ({ words: contentWords(h.thought), distortions: h.distortions.filter((d) => known.has(d)) }))
    .filter((h) => h.words.size > 0 && h.distortions.length > 0);

  /** For each pattern chosen for similar past thoughts: how much it weighs, and the words in common. */
  function fromHistory(mine: Set<string>): Map<string, { weight: number; shared: Set<string> }> {
    const weights = new Map<string, { weight: number; shared: Set<string> }>();
    if (!past.length || !mine.size) return weights;
    const similar = past
      .map((h) => ({ h, sim: jaccard(mine, h.words) }))
      .filter((x) => x.sim >= SIMILAR)
      .sort((a, b) => b.sim - a.sim)
      .slice(0, 5);
    for (const { h, sim } of similar) {
      for (const d of h.distortions) {
        const cur = weights.get(d) ?? { weight: 0, shared: new Set<string>() };
        cur.weight = 1 - (1 - cur.weight) * (1 - sim);
        for (const w of h.words) if (mine.has(w)) cur.shared.add(w);
        weights.set(d, cur);
      }
    }
    return weights;
  }

  function suggest(text: string, o: SuggestOptions = {}): PatternSuggestion[] {
    const limit = o.limit ?? 3;
    const minScore = o.minScore ?? MIN_SCORE;
    const words = normalise(text);
    if (!words.length) return [];
    const found: (PatternSuggestion & { first: number; order: number; full: Hit[] })[] = [];
    const hist = fromHistory(contentWords(words));
    const starts = new Map<AltsTok, boolean>();
    const all = lib.map(({ cues }) => {
      const hits: Hit[] = [];
      for (const lc of cues) {
        if (lc.first && !startsAnywhere(lc.first, words, starts)) continue;
        const c = (lc.cue ??= compileCue(lc.source, lexicon));
        if (!c.toks.length) continue;
        // A hint counts once, however often its words come up.
        const ms = matchCue(c, words);
        for (const m of c.hint ? ms.slice(0, 1) : ms) hits.push({ strength: c.strength, hint: c.hint, ...m });
      }
      return hits;
    });
    // Hints count only in a thought some full cue has already found a pattern in: a neutral sentence stays quiet.
    const hinted = all.some((hits) => hits.some((x) => !x.hint));
    lib.forEach(({ p }, order) => {
      const hits = hinted ? all[order] : all[order].filter((x) => !x.hint);
      const mem = hist.get(p.id);
      const h = mem?.weight ?? 0;
      if (!hits.length && !h) return;
      // Distinct cue hits add up (noisy-or); a hit on words already counted adds little.
      hits.sort((a, b) => b.strength - a.strength || a.start - b.start);
      let miss = 1;
      const counted: Hit[] = [];
      for (const x of hits) {
        const overlaps = counted.some((y) => x.start < y.end && y.start < x.end);
        miss *= 1 - x.strength * (overlaps ? 0.25 : 1);
        counted.push(x);
      }
      let score = 1 - miss;
      // The words quoted are those of the full cues when there are any: a hint only explains a pattern on its own.
      const full = hits.filter((x) => !x.hint);
      let because = hits.length ? quote(text, words, full.length ? full : hits) : '';
      if (h > 0) {
        score = hits.length ? 1 - (1 - score) * (1 - HISTORY_WEIGHT * h) : HISTORY_WEIGHT * h + 0.1;
        if (!because) because = quote(text, words, sharedRanges(words, mem!.shared));
      }
      score = Math.min(0.99, Math.round(score * 100) / 100);
      if (score < minScore) return;
      found.push({
        id: p.id, name: p.name, score, because,
        ...(h > 0 ? { fromHistory: true } : {}),
        first: hits.length ? Math.min(...hits.map((x) => x.start)) : words.length, order, full: full.length ? full : hits,
      });
    });
    // One thought, one level: a thinking error whose words all begin inside a rule's is the rule's "then" part.
    // Only a rule said as one ("if ...", "unless ..."): "she thought I was weird" is mind reading, whatever else it shows.
    const conditional = (x: Hit) => CONDITIONALS.has(words[x.start].w) || (x.start > 0 && CONDITIONALS.has(words[x.start - 1].w));
    const rules = found.filter((f) => lib[f.order].p.kind === 'rule').flatMap((f) => f.full.filter(conditional));
    if (rules.length) {
      const inside = (x: Hit) => rules.some((r) => r.start <= x.start && x.start < r.end);
      for (let k = found.length - 1; k >= 0; k--) {
        const f = found[k];
        if (lib[f.order].p.kind === 'thinking-error' && !f.fromHistory && f.full.length && f.full.every(inside)) found.splice(k, 1);
      }
    }
    found.sort((a, b) => b.score - a.score || a.first - b.first || a.order - b.order);
    return found.slice(0, limit).map(({ first: _f, order: _o, full: _h, ...s }) => s);
  }

  return { suggest };
}

/**
 * A cue compiled when first needed: only its first token is compiled up front, and the rest waits for a thought
 * with a word that token can match (most cues never get there). Keeps the start of a command quick.
 */
interface LazyCue {
  source: string;
  /** Undefined when the first token is `_` or stands for nothing: then the cue is always tried. */
  first?: AltsTok;
  cue?: CompiledCue;
}

function lazyCue(source: string, lexicon: Lexicon): LazyCue | undefined {
  const raws = source.trim().replace(/^~/, '').split(/\s+/);
  let k = 0;
  while (raws[k] === '..') k++;
  const raw = raws[k];
  if (raw === undefined || raw === '') return undefined;
  if (raw === '_') return { source };
  let tokens = tokensBy.get(lexicon);
  if (!tokens) tokensBy.set(lexicon, (tokens = new Map()));
  let tok = tokens.get(raw);
  if (tok === undefined) tokens.set(raw, (tok = compileToken(raw, lexicon)));
  if (tok === null) return undefined; // names a set the lexicon lacks: never matches
  return tok ? { source, first: tok } : { source };
}

/** Whether some word of the thought could begin a match of this token (memoised per thought). */
function startsAnywhere(t: AltsTok, words: Word[], memo: Map<AltsTok, boolean>): boolean {
  let yes = memo.get(t);
  if (yes !== undefined) return yes;
  yes = false;
  for (let i = 0; i < words.length && !yes; i++) yes = canStart(t, words[i]);
  memo.set(t, yes);
  return yes;
}

/** Where the shared content words are in this thought. */
function sharedRanges(words: Word[], shared: Set<string>): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  words.forEach((w, i) => {
    if (!STOPWORDS.has(w.w) && !NEGATORS.has(w.w) && shared.has(stem(w.w))) out.push({ start: i, end: i + 1 });
  });
  return out;
}

export type Suggester = ReturnType<typeof createSuggester>;
