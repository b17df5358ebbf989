// Plain functions over records, kept apart from the zod schemas in record.ts, so the commands that only
// read records (list, stats, export) and the journal itself load no zod. record.ts re-exports them.
import type { RecordBody, ThoughtRecord } from './record';

const KEY_ORDER: (keyof ThoughtRecord)[] = [
  'id', 'createdAt', 'occurredAt', 'situation', 'emotions', 'thought', 'beliefBefore', 'otherThoughts',
  'distortions', 'evidenceFor', 'evidenceAgainst', 'answers', 'reframe', 'reframeBelief', 'beliefAfter',
  'actionPlan', 'whenTrue', 'tags',
];

/** The contract's JSON form: keys in a fixed order, absent optional values left out. */
export function toJson(r: ThoughtRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) {
    const v = r[k];
    if (v === undefined) continue;
    if (k === 'emotions') {
      out.emotions = r.emotions.map((e) => (e.after === undefined ? { name: e.name, before: e.before } : { name: e.name, before: e.before, after: e.after }));
    } else if (k === 'whenTrue') {
      const w = r.whenTrue!;
      out.whenTrue = { ...(w.help !== undefined ? { help: w.help } : {}), ...(w.friend !== undefined ? { friend: w.friend } : {}) };
    } else out[k] = v;
  }
  return out;
}

/** Remove duplicates but keep the first occurrence's order (tags, distortions). */
export function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Every text field, in one list: for the safety check and for search. */
export function recordTexts(r: Partial<RecordBody>): string[] {
  const out: string[] = [];
  const push = (s?: string) => { if (s) out.push(s); };
  push(r.situation); push(r.thought); push(r.reframe); push(r.actionPlan);
  for (const s of r.otherThoughts ?? []) push(s);
  for (const s of r.evidenceFor ?? []) push(s);
  for (const s of r.evidenceAgainst ?? []) push(s);
  for (const a of r.answers ?? []) { push(a.answer); }
  push(r.whenTrue?.help); push(r.whenTrue?.friend);
  return out;
}
