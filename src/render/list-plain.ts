// `reframe list` piped (scripts, cron): one tab-separated line per record, the full date, no colour.
// Apart from the table (table.ts), so the piped form loads none of the date formatting the table needs.
import type { ThoughtRecord } from '../domain/record';
import { truncate } from './width';

export function renderListPlain(records: ThoughtRecord[]): string {
  return records
    .map((r) => [
      r.id,
      r.occurredAt,
      truncate(r.thought, 200, '...'),
      r.distortions.join(','),
      r.emotions.map((e) => `${e.name}:${e.before}${e.after !== undefined ? ':' + e.after : ''}`).join(','),
    ].join('\t'))
    .join('\n');
}
