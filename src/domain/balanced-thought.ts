// Is a record still waiting for its balanced thought? show, the markdown export and the end of the guided flow
// say so plainly. Apart from record-fields.ts, so the commands that only list records don't load the detector.
import type { RecordBody } from './record';
import { assess } from './safety/detect';

/**
 * Not when it has one, and never for a thought about dying or about someone hurting the person: those are
 * not questioned (the guided flow skips the challenge for them), so nothing nudges toward one.
 */
export function awaitsBalancedThought(r: Pick<RecordBody, 'reframe' | 'thought'>): boolean {
  if (r.reframe !== undefined && r.reframe.trim() !== '') return false;
  const a = assess([r.thought]);
  return !a.danger && !a.abuse;
}
