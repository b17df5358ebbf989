// How the guided flow gets the patterns it offers (listed first, none ticked). The suggester is loaded only when
// the flow runs, and the person's past records are read only when a thought is first looked at.
import type { Context } from '../../context';
import type { Suggestion } from '../../flows/record-flow';
import { assess } from '../../domain/safety/detect';

/** At most this many patterns are suggested: the person stays in charge. */
const FLOW_LIMIT = 3;
/** Below this score a suggestion is marked "maybe": a lone hint word ("must", "feel") is a question, not an answer.
 *  What the person chose before for a similar thought is never "maybe": it is their own judgement. None is ticked. */
const SURE = 0.5;

export async function suggesterFor(ctx: Context): Promise<((thought: string, others?: string[]) => Suggestion[]) | undefined> {
  const [{ createSuggester }, { pastThoughts }] = await Promise.all([import('../../domain/suggest'), import('../distortions/suggest')]);
  let suggester: ReturnType<typeof createSuggester> | undefined;
  return (thought, others = []) => {
    const texts = [thought, ...others].filter((x) => x.trim() !== '');
    // Never a pattern when a thought is about dying or about someone hurting the person (the flow skips the step too).
    const concern = assess(texts);
    if (concern.danger || concern.abuse) return [];
    if (!suggester) {
      const lib = ctx.library();
      suggester = createSuggester(lib.patterns, pastThoughts(ctx), lib.lexicon);
    }
    // Each thought on its own (a cue never reaches from one thought into the next); a pattern seen in several keeps
    // its best score and the words of each, the hot thought's first.
    const best = new Map<string, { score: number; because: string[]; fromHistory: boolean; order: number }>();
    texts.forEach((text, k) => {
      for (const s of suggester!.suggest(text, { limit: FLOW_LIMIT })) {
        const cur = best.get(s.id);
        if (!cur) best.set(s.id, { score: s.score, because: s.because ? [s.because] : [], fromHistory: Boolean(s.fromHistory), order: k });
        else {
          cur.score = Math.max(cur.score, s.score);
          if (s.because && !cur.because.includes(s.because)) cur.because.push(s.because);
          cur.fromHistory ||= Boolean(s.fromHistory);
        }
      }
    });
    return [...best.entries()]
      .sort(([, a], [, b]) => b.score - a.score || a.order - b.order)
      .slice(0, FLOW_LIMIT)
      .map(([id, s]) => ({
        id,
        because: s.because.slice(0, 2).join(', ') || undefined,
        ...(s.fromHistory ? { fromHistory: true } : {}),
        ...(s.score < SURE && !s.fromHistory ? { maybe: true } : {}),
      }));
  };
}
