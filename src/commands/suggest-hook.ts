// How the guided flow gets its pre-selected patterns. The suggester is loaded only when the flow runs,
// and the person's past records are read only when a thought is first looked at.
import type { Context } from '../context';
import type { Suggestion } from '../flows/record-flow';

/** At most this many patterns come pre-selected: the person stays in charge. */
const FLOW_LIMIT = 3;

export async function suggesterFor(ctx: Context): Promise<((thought: string) => Suggestion[]) | undefined> {
  const [{ createSuggester }, { pastThoughts }] = await Promise.all([import('../domain/suggest'), import('./suggest')]);
  let suggester: ReturnType<typeof createSuggester> | undefined;
  return (thought) => {
    suggester ??= createSuggester(ctx.library().patterns, pastThoughts(ctx));
    return suggester.suggest(thought, { limit: FLOW_LIMIT }).map((s) => ({
      id: s.id,
      because: s.because || undefined,
      ...(s.fromHistory ? { fromHistory: true } : {}),
    }));
  };
}
