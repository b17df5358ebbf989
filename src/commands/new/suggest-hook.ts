// How the guided flow gets its pre-selected patterns. The suggester is loaded only when the flow runs,
// and the person's past records are read only when a thought is first looked at.
import type { Context } from '../../context';
import type { Suggestion } from '../../flows/record-flow';
import { assess } from '../../domain/safety/detect';

/** At most this many patterns are suggested: the person stays in charge. */
const FLOW_LIMIT = 3;
/** Below this score a suggestion is listed first and marked "maybe", but not ticked: a lone hint word
 *  ("must", "feel") is a question, not an answer. What the person chose before for a similar thought is
 *  ticked whatever its score: it is their own judgement. */
const PRESELECT = 0.5;

export async function suggesterFor(ctx: Context): Promise<((thought: string) => Suggestion[]) | undefined> {
  const [{ createSuggester }, { pastThoughts }] = await Promise.all([import('../../domain/suggest'), import('../distortions/suggest')]);
  let suggester: ReturnType<typeof createSuggester> | undefined;
  return (thought) => {
    // Never a pattern for a thought about dying or about someone hurting the person (the flow skips the step too).
    const concern = assess([thought]);
    if (concern.danger || concern.abuse) return [];
    if (!suggester) {
      const lib = ctx.library();
      suggester = createSuggester(lib.patterns, pastThoughts(ctx), lib.lexicon);
    }
    return suggester.suggest(thought, { limit: FLOW_LIMIT }).map((s) => ({
      id: s.id,
      because: s.because || undefined,
      ...(s.fromHistory ? { fromHistory: true } : {}),
      ...(s.score < PRESELECT && !s.fromHistory ? { maybe: true } : {}),
    }));
  };
}
