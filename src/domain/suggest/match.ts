// Matching a compiled cue against a thought's words: where it matches, and the places that don't count
// (negated, someone else's view reported, a sentence that settles what it says).
import { ABOUT_ME, NEGATORS, NOT_CANCELLING, REPORTING, SETTLED_BY, TRANSPARENT } from './words';
import { type Word } from './normalise';
import { SHORT, candidates, unitMatches, type CompiledCue } from './cues';
export interface CueMatch {
  /** Word indexes [start, end). */
  start: number;
  end: number;
}

/**
 * Match tokens from ti at word wi; the end index or -1. Gaps take the shortest match first.
 * A gap never reaches into the next clause (two gaps in a row may pass a comma), never swallows a "not" in its
 * first two words ("I'm not a failure" is no match for "i am .. failure"), and never ends in a negation of the words
 * after it ("she thinks my idea is not bad"), unless the cue says the negation.
 * gapFrom: where the current run of gaps began.
 */
function matchAt(c: CompiledCue, ti: number, words: Word[], wi: number, gapFrom = -1): number {
  if (ti === c.toks.length) return wi;
  const t = c.toks[ti];
  if (t.kind === 'gap') {
    const from = gapFrom >= 0 ? gapFrom : wi;
    for (let g = 0; g <= 3 && wi + g <= words.length; g++) {
      if (g > 0) {
        const w = words[wi + g - 1];
        // One gap stays inside its clause; two in a row (".. ..") may reach past a comma, never past a full stop.
        if (w.sentence || (w.boundary && gapFrom < 0 && c.toks[ti + 1]?.kind !== 'gap')) break;
        if (!c.negated && NEGATORS.has(w.w) && wi + g - 1 - from < 2) break;
        // Nor may the words after a gap be negated by its last words ("she thinks my idea is not [bad]").
        const next = wi + g;
        const negatedNext = next < words.length && c.toks[ti + 1]?.kind === 'alts' && negatedBefore(words, next, from);
        if (!c.negated && negatedNext) continue;
      }
      const r = matchAt(c, ti + 1, words, wi + g, from);
      if (r !== -1) return r;
    }
    return -1;
  }
  if (wi >= words.length) return -1;
  if (t.kind === 'any') {
    if (!c.negated && NEGATORS.has(words[wi].w)) return -1;
    return matchAt(c, ti + 1, words, wi + 1);
  }
  for (const part of t.parts) {
    const cands = part.alts.length > SHORT ? candidates(part, words[wi]) : undefined;
    for (let j = 0, n = cands ? cands.length : part.alts.length; j < n; j++) {
      const alt = part.alts[cands ? cands[j] : j];
      if (wi + alt.length > words.length) continue;
      let ok = true;
      for (let k = 0; k < alt.length && ok; k++) ok = unitMatches(alt[k], words[wi + k]);
      if (!ok) continue;
      const r = matchAt(c, ti + 1, words, wi + alt.length);
      if (r !== -1) return r;
    }
  }
  return -1;
}


/**
 * True when a negation just before the match cancels it ("I'm not such a failure"). Looks back at most 4 words,
 * and not before `from` (inside a cue: where the gap before these words began).
 */
export function negatedBefore(words: Word[], start: number, from = 0): boolean {
  for (let k = 1; k <= 4 && start - k >= from; k++) {
    if (words[start - k + 1].boundary) return false; // a negation in an earlier clause does not reach here
    const w = words[start - k].w;
    if (NEGATORS.has(w)) {
      const after = words[start - k + 1]?.w;
      const before = words[start - k - 1]?.w;
      if (w === 'not' && (before === 'can' || before === 'could') && after && NOT_CANCELLING.has(after)) return false;
      if (w === 'no' && k > 1) return false; // "no matter what I do, I always..." is not a negation of it
      return true;
    }
    if (!TRANSPARENT.has(w)) return false;
  }
  return false;
}



/**
 * True when the words are someone else's view of me, reported: "they think [I'm boring]", "she says [I'm a mess]".
 * A cue in the first person ("i am ...") does not describe the person's own view there. "I think I'm a mess" does.
 */
export function reportedBefore(words: Word[], start: number): boolean {
  // Words about me that follow "I'm" ("they think I'm [boring]") are reported too.
  for (let k = start - 1; k >= Math.max(0, start - 4) && words[start]?.w !== 'i'; k--) {
    if (words[k + 1].boundary) break;
    if (words[k].w === 'i') return reportedBefore(words, k);
    if (!ABOUT_ME.has(words[k].w)) break;
  }
  if (words[start]?.w !== 'i' || start < 2) return false;
  const verb = words[start - 1];
  if (verb.boundary || !REPORTING.has(verb.w)) return false;
  for (let k = start - 2; k >= Math.max(0, start - 4); k--) {
    if (words[k].w === 'i') return false;
    if (words[k].boundary) break;
  }
  return true;
}


/**
 * For each word, whether the thought accepts what it says there: the sentence before "that's okay" / "which is
 * normal" ("I'll never be a morning person, and that's fine"), the clause after "it's okay if / to / that" ("it's
 * okay if it isn't perfect"), a plan for next time and what just led to it ("I should have left earlier. Next
 * time I'll leave at 7"). Such words name a worry without believing it, so they suggest nothing.
 */
function settledWords(words: Word[]): boolean[] {
  const settled = new Array<boolean>(words.length).fill(false);
  let sentence = 0;
  let before = 0;
  for (let k = 0; k + 2 < words.length; k++) {
    if (words[k].sentence) [before, sentence] = [sentence, k];
    const [a, b, c, d] = [words[k].w, words[k + 1].w, words[k + 2].w, words[k + 3]?.w];
    // "I should have left earlier. Next time I'll leave at 7": a plan for next time settles what led to it, and itself.
    if (a === 'next' && b === 'time' && (c === 'i' || c === 'we') && (d === 'will' || d === 'can' || (d === 'am' && words[k + 4]?.w === 'going'))) {
      let end = k + 1;
      while (end < words.length && !words[end].sentence) end++;
      settled.fill(true, words[k].sentence ? before : sentence, end);
    }
    if (b !== 'is' || !SETTLED_BY.has(c) || words[k + 1].sentence || words[k + 2].sentence) continue;
    if (a === 'that' || a === 'which') settled.fill(true, sentence, k);
    else if (a === 'it' && (d === 'if' || d === 'to' || d === 'that') && !words[k + 3].sentence) {
      let end = k + 4;
      while (end < words.length && !words[end].boundary) end++;
      settled.fill(true, k + 3, end);
    }
  }
  return settled;
}
const settledCache = new WeakMap<Word[], boolean[]>();

/** Every place a cue matches, left to right, without overlaps; negated or settled places are left out. */
export function matchCue(c: CompiledCue, words: Word[]): CueMatch[] {
  const out: CueMatch[] = [];
  if (!c.toks.length) return out;
  let settled = settledCache.get(words);
  if (!settled) settledCache.set(words, (settled = settledWords(words)));
  for (let i = 0; i < words.length; i++) {
    if (settled[i]) continue;
    const end = matchAt(c, 0, words, i);
    if (end === -1 || end === i) continue;
    if (!c.negated && negatedBefore(words, i)) continue;
    if (reportedBefore(words, i)) continue;
    out.push({ start: i, end });
    i = end - 1;
  }
  return out;
}

