// The compact list of records.
import type { ThoughtRecord } from '../domain/record';
import type { Library } from '../library/library';
import type { Theme } from './theme';
import { pad, relativeTime, truncate, width } from './text';
import { change } from './card';
import { renderListPlain } from './list-plain';

export interface TableOptions {
  theme: Theme;
  library: Library;
  now: Date;
  width: number;
}

/** On a TTY: aligned columns with relative dates. Piped: tab-separated, full date, no colour (list-plain.ts). */
export function renderList(records: ThoughtRecord[], o: TableOptions): string {
  const t = o.theme;
  if (!t.fancy) return renderListPlain(records);
  const rows = records.map((r) => ({
    id: r.id.slice(0, 10),
    when: relativeTime(r.occurredAt, o.now),
    thought: r.thought,
    patterns: r.distortions.map((d) => o.library.get(d)?.name ?? d).join(', '),
    feel: r.emotions[0] ? `${r.emotions[0].name} ${change(r.emotions[0].before, r.emotions[0].after, t)}${r.emotions.length > 1 ? ` +${r.emotions.length - 1}` : ''}` : '',
  }));
  const wId = 10;
  const wWhen = Math.max(4, ...rows.map((r) => width(r.when)));
  const wFeel = Math.min(24, Math.max(8, ...rows.map((r) => width(r.feel))));
  const rest = Math.max(20, o.width - wId - wWhen - wFeel - 8);
  const wThought = Math.ceil(rest * 0.6);
  const wPat = rest - wThought;
  const head = `${pad('ID', wId)}  ${pad('WHEN', wWhen)}  ${pad('THOUGHT', wThought)}  ${pad('PATTERNS', wPat)}  FEELING`;
  const lines = [t.muted(head)];
  for (const r of rows) {
    lines.push(`${t.id(pad(r.id, wId))}  ${t.muted(pad(r.when, wWhen))}  ${pad(truncate(r.thought, wThought, t.unicode ? '…' : '...'), wThought)}  ${t.accent(pad(truncate(r.patterns, wPat, t.unicode ? '…' : '...'), wPat))}  ${r.feel}`);
  }
  return lines.join('\n');
}
