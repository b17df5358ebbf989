// How the guided flow gets its pre-selected patterns. The suggester is loaded only when the flow runs.
import type { Context } from '../context';
import type { Suggestion } from '../flows/record-flow';

export async function suggesterFor(_ctx: Context): Promise<((thought: string) => Suggestion[]) | undefined> {
  return undefined;
}
