// fast-check arbitraries for records full of awkward text: markdown and CSV syntax, line ends of every kind,
// emoji and joiners, right-to-left text and marks, NUL and other control characters, any Unicode code point.
import fc from 'fast-check';
import { hasInvisible, recordSchema, toJson, type ThoughtRecord } from '../../src/domain/record';
import { FIXED_IDS } from '../../src/library/library';

export const AWKWARD_PIECES = [
  '\n', '\r\n', '\r', '\n\n\n', '"', "'", '`', '```', '~~~', '---', '***', '___', '===', '# ', '#', '## x', '> ', '- ', '* ', '+ ',
  '1. ', '2) ', '|', '| a | b |\n|---|---|', '\\', '\\\n', '<b>', '</div>', '<!-- x -->', '<http://x.y>', '&amp;', '&#32;', '&copy;',
  '[x](http://y)', '![i](j)', '[^1]: note', '[[wiki]]', '*a*', '_b_', '**c**', '~~d~~', '$x$', '==h==', '#tag', '    code',
  '\t', '  ', ' ', '💔', '👩‍👩‍👧', '🏳️‍🌈', 'שלום', 'مرحبا', '\u200f', '\u202e', '\u2066', '日本語', '\u2028', '\u2029', '\u0085',
  '\u0000', '\u0007', '\u001b[31m', '\ufeff', 'é', 'e\u0301', '=1+1', '+1', '-1', '@SUM(A1)', '=HYPERLINK("x")', ',', ';', '\u00a0',
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...AWKWARD_PIECES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
);

/** Any text a person could type or paste (always valid Unicode). */
export const awkwardText = fc.array(piece, { minLength: 1, maxLength: 10 }).map((xs) => xs.join(''));

/** Required text: not blank. */
export const someText = awkwardText.filter((s) => s.trim().length > 0 && s.length <= 50_000);

export const rating = fc.integer({ min: 0, max: 100 });
const optRating = fc.option(rating, { nil: undefined });

export const emotionName = fc.oneof(
  fc.constantFrom('anxious', 'Sad', ' let down ', 'déçu', '日本', '💔', '# x', '- =1', 'a|b', '*', 'yes', 'no'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
).filter((s) => { const t = s.trim().toLowerCase(); return t.length >= 1 && t.length <= 40 && !/\p{Cc}/u.test(t) && !hasInvisible(t); });

export const tag = fc.oneof(
  fc.constantFrom('work', 'Partner', '#family', '##deep', 'café', '日本', '💔', '=cmd', '-x', 'on', 'no', '2026-11-22', '123'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }),
).filter((s) => /^[^\s,\p{Cc}]{1,40}$/u.test(s.trim().replace(/^#+/, '').toLowerCase()) && !hasInvisible(s.trim().replace(/^#+/, '').toLowerCase()));

const instant = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

const ULID_CHARS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const recordId = fc.oneof(
  fc.tuple(fc.constantFrom(...'01234567'), fc.array(fc.constantFrom(...ULID_CHARS), { minLength: 25, maxLength: 25 }))
    .map(([a, b]) => a + b.join('')),
  fc.uuid(),
);

/** A record as someone might hand it to import: every field, optional ones sometimes missing. */
export const recordInput = fc.record({
  id: recordId,
  createdAt: instant,
  occurredAt: instant,
  situation: someText,
  emotions: fc.array(fc.record({ name: emotionName, before: rating, after: optRating }, { requiredKeys: ['name', 'before'] }), { minLength: 1, maxLength: 3 }),
  thought: someText,
  beliefBefore: optRating,
  otherThoughts: fc.array(someText, { maxLength: 2 }),
  distortions: fc.uniqueArray(fc.constantFrom(...FIXED_IDS), { maxLength: 3 }),
  evidenceFor: fc.array(someText, { maxLength: 2 }),
  evidenceAgainst: fc.array(someText, { maxLength: 2 }),
  answers: fc.array(fc.record({ question: someText, answer: someText }), { maxLength: 2 }),
  reframe: fc.option(someText, { nil: undefined }),
  reframeBelief: optRating,
  beliefAfter: optRating,
  actionPlan: fc.option(someText, { nil: undefined }),
  whenTrue: fc.option(fc.record({ help: someText, friend: someText }, { requiredKeys: [] }), { nil: undefined }),
  tags: fc.array(tag, { maxLength: 3 }),
}, { requiredKeys: ['id', 'createdAt', 'occurredAt', 'situation', 'emotions', 'thought'] });

/** A valid record, as the journal keeps it (the schema's normal form). */
export const validRecord: fc.Arbitrary<ThoughtRecord> = recordInput.map((r) => recordSchema.parse(JSON.parse(JSON.stringify(r))));

/** Records with distinct ids. */
export const validRecords = (maxLength = 6) => fc.uniqueArray(validRecord, { selector: (r) => r.id, minLength: 0, maxLength });

/** Oldest first, as export writes them. */
export function exportOrder(rs: ThoughtRecord[]): Record<string, unknown>[] {
  return [...rs].sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(toJson);
}
