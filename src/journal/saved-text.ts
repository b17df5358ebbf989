// What a record is saved with besides its fields: its free-text lists as JSON (migration 7) and its searchable
// text. Pure (no journal, no SQLite), so the thread that checks an import can work these out.
import type { ThoughtRecord } from '../domain/record';
import { recordTexts } from '../domain/record-fields';

/** A free-text list as its column on records (migration 7): a JSON array, NULL when empty. */
const jsonList = (xs: string[]): string | null => (xs.length ? JSON.stringify(xs) : null);
const jsonAnswers = (as: { question: string; answer: string }[]): string | null =>
  (as.length ? JSON.stringify(as.map((a) => [a.question, a.answer])) : null);

/** Searchable text of a record: everything a person wrote. */
export function ftsBody(r: ThoughtRecord): string {
  const parts = recordTexts(r);
  for (const a of r.answers) parts.push(a.question);
  return parts.join('\n');
}

/**
 * The text columns saving a record writes besides its fields: the free-text lists as JSON (migration 7) and the
 * searchable text. Pure, so the thread that checks an import can work them out while this one saves.
 */
export interface SavedText {
  otherThoughts: string | null;
  evidenceFor: string | null;
  evidenceAgainst: string | null;
  answers: string | null;
  body: string;
}

export function savedText(r: ThoughtRecord): SavedText {
  return {
    otherThoughts: jsonList(r.otherThoughts),
    evidenceFor: jsonList(r.evidenceFor),
    evidenceAgainst: jsonList(r.evidenceAgainst),
    answers: jsonAnswers(r.answers),
    body: ftsBody(r),
  };
}

