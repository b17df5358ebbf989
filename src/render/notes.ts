// Notes (entries from jrnl and Day One, cbt-toolkit-app's experiments): a list, one note in full, and the JSON
// form `notes list --json` and `notes show --json` print.
import type { Note } from '../journal/notes';
import { msg } from '../messages';
import type { Theme } from './theme';
import { localDateTime, relativeTime, wrap } from './text';
import { truncate } from './width';

/** A note's JSON (docs/CONTRACT.md, "Notes"). */
export function noteJson(n: Note): Record<string, unknown> {
  return {
    id: n.id, kind: n.kind, writtenAt: n.writtenAt, title: n.title ?? null, body: n.body, tags: n.tags, starred: n.starred,
    source: n.source ?? null, sourceId: n.sourceId ?? null, importedAt: n.importedAt,
  };
}

/** What a note is called in a list: its title, or its first line. */
export function noteHeadline(n: Note): string {
  const first = (n.title ?? n.body.split('\n').find((l) => l.trim()) ?? '').replace(/\s+/g, ' ').trim();
  return first;
}

/** Piped: one tab-separated line per note (id, time, kind, source, headline). */
export function renderNotesPlain(notes: Note[]): string {
  return notes.map((n) => [n.id, n.writtenAt, n.kind, n.source ?? '', truncate(noteHeadline(n), 200, '...')].join('\t')).join('\n');
}

/** In a terminal: one line per note. */
export function renderNotesList(notes: Note[], t: Theme, width = 100): string {
  return notes.map((n) => {
    const star = n.starred ? '* ' : '';
    const head = `${t.id(n.id)}  ${t.muted(localDateTime(n.writtenAt))}  `;
    const kind = n.kind === 'experiment' ? t.muted(`[${msg.notes.kind.experiment}] `) : '';
    const room = Math.max(20, width - 40);
    return `${head}${kind}${star}${truncate(noteHeadline(n), room)}`;
  }).join('\n');
}

export function renderNote(n: Note, o: { theme: Theme; now: Date; width?: number }): string {
  const t = o.theme;
  const w = Math.max(40, Math.min(o.width ?? 80, 100)) - 4;
  const app = n.source ? msg.imports.appName[n.source] ?? n.source : undefined;
  const meta = [msg.notes.kind[n.kind], app ? msg.notes.from(app) : '', n.starred ? '*' : ''].filter(Boolean).join(', ');
  const lines = [`${t.id(n.id)}  ${t.muted(`${localDateTime(n.writtenAt)} (${relativeTime(n.writtenAt, o.now)})`)}  ${t.muted(meta)}`];
  if (n.title) lines.push('', t.label(n.title));
  if (n.body.trim()) lines.push('', wrap(n.body, w, '  '));
  if (n.tags.length) lines.push('', `  ${n.tags.map((x) => '#' + x).join(' ')}`);
  return lines.join('\n');
}
