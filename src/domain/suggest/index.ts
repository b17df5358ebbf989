// Which thinking patterns a thought most likely shows. Rule-based and explainable: driven only by the
// cue phrases in the pattern library (a person's own patterns can carry cues too). The code knows
// language (contractions, case, negation), never pattern ids.
// The parts, each in its own file here:
//   words.ts      the English word tables, as plain lists (reviewable without reading code)
//   normalise.ts  a thought -> words (contractions, case, punctuation, clause boundaries)
//   cues.ts       the cue language (described there) and its compiler
//   match.ts      where a cue matches a thought, and where a match doesn't count
//   score.ts      cues and history -> suggestions, best first (createSuggester)
export { expandWord, normalise, type Word } from './normalise';
export { compileCue, type CompiledCue, type Lexicon } from './cues';
export { matchCue, negatedBefore, reportedBefore, type CueMatch } from './match';
export {
  contentWords, createSuggester, jaccard, MIN_SCORE, type PastThought, type PatternSuggestion, type Suggester,
  type SuggestOptions, type SuggestPattern,
} from './score';
