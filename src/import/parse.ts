// Reading an import file: bytes -> text -> records, each with its 1-based position, then validated.
// Pure: no journal, no disk. Errors name the position and the field, never the text of a record.
import { isUtf8 } from 'node:buffer';
import { UsageError } from '../errors';
import { msg } from '../messages';
import { importInputSchema, type ThoughtRecord } from '../domain/record';
import { describeZodError } from '../domain/validate';

/** One record as found in the file: its number (1-based), the line it starts on, and the parsed JSON. */
export interface RawItem {
  n: number;
  line: number;
  value: unknown;
  /** Where it ends in the text (for progress). */
  end?: number;
  /**
   * Its JSON text spells no half of a surrogate pair (no escape from \uD800 to \uDFFF), so it has none: the text
   * itself came from a strict UTF-8 decode. Then repairText has nothing to do. Unset: not known.
   */
  noSurrogates?: boolean;
}

/** Could this JSON text spell a lone surrogate? (A false yes only costs a walk through the value.) */
const mayHaveSurrogate = (json: string) => json.includes('\\u') && /\\u[dD][89a-fA-F]/.test(json);

export type ImportFormat = 'array' | 'jsonl' | 'object';

/** UTF-8 bytes -> text. A UTF-8 byte-order mark is dropped; anything that is not UTF-8 is refused. */
export function decodeUtf8(bytes: Uint8Array, where: string): string {
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    throw new UsageError(msg.transfer.notUtf8(where), msg.transfer.notUtf8Hint);
  }
}

/** Refuse bytes that are not UTF-8 (as decodeUtf8 does), without decoding them: a quick look before anything else. */
export function checkUtf8(bytes: Uint8Array, where: string): void {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (!isUtf8(bytes.subarray(bom))) throw new UsageError(msg.transfer.notUtf8(where), msg.transfer.notUtf8Hint);
}

const WS = new Set([' ', '\t', '\n', '\r']);

/**
 * Text -> raw records. The first character that is not white space decides:
 * `[` a JSON array; `{` one JSON object (as `show --json` prints) when the whole text parses as one,
 * otherwise JSON Lines: one record per line, blank lines allowed, CRLF line ends allowed.
 */
export function readRecordsText(text: string, where: string): { format: ImportFormat; items: Iterable<RawItem> } {
  let i = 0;
  while (i < text.length && WS.has(text[i])) i++;
  if (i === text.length) return { format: 'jsonl', items: [] };
  if (text[i] === '[') return { format: 'array', items: parseArray(text, i, where) };
  if (text[i] === '{' && text.indexOf('\n', i) >= 0) {
    try {
      const v: unknown = JSON.parse(text);
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        return { format: 'object', items: [{ n: 1, line: lineAt(text, i), value: v, end: text.length, noSurrogates: !mayHaveSurrogate(text) }] };
      }
    } catch { /* not one object: read it as JSON Lines */ }
  }
  return { format: 'jsonl', items: parseJsonl(text, where) };
}

/** The same, all at once (records are parsed lazily by readRecordsText, so a big file is never held twice). */
export function parseRecordsText(text: string, where: string): { format: ImportFormat; items: RawItem[] } {
  const r = readRecordsText(text, where);
  return { format: r.format, items: [...r.items].map(({ n, line, value }) => ({ n, line, value })) };
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let k = 0; k < index; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

function* parseJsonl(text: string, where: string): Generator<RawItem> {
  yield* jsonlLines(text, where, { n: 0, line: 0 }, true);
}

/**
 * The records of JSON Lines text, numbering on from `at` (records and lines before this text). `last`: the text
 * ends the file (else it ends with a line end, and the next piece goes on from there). `endAt`: the progress
 * position to give every record, instead of its end in this text.
 */
function* jsonlLines(text: string, where: string, at: { n: number; line: number }, last: boolean, endAt?: number): Generator<RawItem> {
  let start = 0;
  while (last ? start <= text.length : start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    at.line++;
    let s = text.slice(start, end);
    if (s.endsWith('\r')) s = s.slice(0, -1);
    start = end + 1;
    if (s.trim() === '') continue;
    const n = ++at.n;
    let value: unknown;
    try {
      value = JSON.parse(s);
    } catch {
      // The last line, with no line end after it: most likely a file cut short.
      const cut = last && end === text.length && !text.endsWith('\n') && /^\s*[[{]/.test(s);
      const pos = msg.transfer.position(n, at.line);
      throw new UsageError(cut ? msg.transfer.truncated(where, pos) : msg.transfer.notJson(where, pos), msg.transfer.formatHint);
    }
    yield { n, line: at.line, value, end: endAt ?? end, noSurrogates: !mayHaveSurrogate(s) };
  }
}

/** How much of a big JSON Lines file is decoded at a time. */
const PIECE = 1 << 20;
const isSpace = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/**
 * UTF-8 bytes -> raw records: the same records, positions and errors as readRecordsText(decodeUtf8(bytes)). A big
 * JSON Lines file (one record on its first line, more after it) is decoded a piece at a time as its records are
 * read, so the first ones are ready at once and the whole text is never held; anything else is decoded whole.
 * `total` and each record's `end` are positions in the same measure (for progress).
 */
export function readRecordsBytes(bytes: Uint8Array, where: string): { format: ImportFormat; items: Iterable<RawItem>; total: number } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(bom);
  // (Checked whole first, so a file that is not UTF-8 is refused as that, before any record, as when decoded whole.)
  const nl = body.length > PIECE && body[0] === 0x7b && isUtf8(body) ? body.indexOf(0x0a) : -1;
  if (nl > 0) {
    let first: unknown;
    try {
      first = JSON.parse(decodeUtf8(body.subarray(0, nl), where));
    } catch { /* not a record on one line: read it whole */ }
    let k = nl;
    while (k < body.length && isSpace(body[k])) k++;
    // A whole record on the first line and more after it: the text is not one JSON value, so it is JSON Lines.
    if (first !== null && typeof first === 'object' && !Array.isArray(first) && k < body.length) {
      return { format: 'jsonl', items: jsonlPieces(body, bom, where), total: bytes.length };
    }
  }
  const text = decodeUtf8(bytes, where);
  return { ...readRecordsText(text, where), total: text.length };
}

function* jsonlPieces(body: Uint8Array, bom: number, where: string): Generator<RawItem> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const at = { n: 0, line: 0 };
  for (let from = 0; from < body.length;) {
    // Each piece ends just after a line end (never inside a character: a line end is one byte of its own).
    let to = Math.min(from + PIECE, body.length);
    if (to < body.length) {
      const nl = body.lastIndexOf(0x0a, to - 1);
      to = nl >= from ? nl + 1 : body.indexOf(0x0a, to) + 1 || body.length;
    }
    let text: string;
    try {
      text = decoder.decode(body.subarray(from, to));
    } catch {
      throw new UsageError(msg.transfer.notUtf8(where), msg.transfer.notUtf8Hint);
    }
    yield* jsonlLines(text, where, at, to >= body.length, bom + to);
    from = to;
  }
}

/** Where a JSON string that opens at `i` ends (the index after its closing quote), or -1 at the end of the text. */
function skipString(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 92) j += 2; // backslash: skip the escaped character
    else if (c === 34) return j + 1;
    else j++;
  }
  return -1;
}

/** Where the JSON value that starts at `i` ends, or -1 when the text ends first. Validity is JSON.parse's job. */
function valueEnd(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return skipString(text, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    let j = i;
    while (j < text.length) {
      const d = text[j];
      if (d === '"') {
        j = skipString(text, j);
        if (j < 0) return -1;
        continue;
      }
      if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
      j++;
    }
    return -1;
  }
  let j = i;
  while (j < text.length && !WS.has(text[j]) && text[j] !== ',' && text[j] !== ']') j++;
  return j;
}

/** A JSON array, one element at a time, so an error can say which record and which line. */
function* parseArray(text: string, open: number, where: string): Generator<RawItem> {
  let count = 0;
  let line = lineAt(text, open);
  let pos = open + 1;
  const advance = (to: number) => {
    for (let k = pos; k < to; k++) if (text.charCodeAt(k) === 10) line++;
    pos = to;
  };
  const skipWs = () => {
    let k = pos;
    while (k < text.length && WS.has(text[k])) k++;
    advance(k);
  };
  skipWs();
  if (text[pos] === ']') {
    advance(pos + 1);
  } else {
    for (;;) {
      skipWs();
      if (pos >= text.length) throw new UsageError(msg.transfer.unclosed(where), msg.transfer.formatHint);
      const n = ++count;
      const startLine = line;
      const end = valueEnd(text, pos);
      if (end < 0) throw new UsageError(msg.transfer.truncated(where, msg.transfer.position(n, startLine)), msg.transfer.formatHint);
      let value: unknown;
      const json = text.slice(pos, end);
      try {
        value = JSON.parse(json);
      } catch {
        throw new UsageError(msg.transfer.notJson(where, msg.transfer.position(n, startLine)), msg.transfer.formatHint);
      }
      yield { n, line: startLine, value, end, noSurrogates: !mayHaveSurrogate(json) };
      advance(end);
      skipWs();
      if (pos >= text.length) throw new UsageError(msg.transfer.unclosed(where), msg.transfer.formatHint);
      if (text[pos] === ',') {
        advance(pos + 1);
        continue;
      }
      if (text[pos] === ']') {
        advance(pos + 1);
        break;
      }
      throw new UsageError(msg.transfer.expectedComma(where, line, n), msg.transfer.formatHint);
    }
  }
  skipWs();
  if (pos < text.length) throw new UsageError(msg.transfer.trailing(where, line), msg.transfer.formatHint);
}

export interface ValidateOptions {
  where: string;
  /** Is this pattern id in the library? */
  knownPattern: (id: string) => boolean;
  /** Where the person's own patterns live (named in the hint for an unknown id). */
  patternsFile: string;
  newId: () => string;
  /** Now, as an ISO string: createdAt for records without one. */
  now: string;
  /** Called after each record is checked (progress), with where it ends in the text. */
  onRecord?: (n: number, end: number) => void;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * JSON can spell half of a surrogate pair ("\ud83d"), which is not a character and which the journal (UTF-8)
 * can't keep. Each one becomes U+FFFD, the replacement character, and the caller is told how many records had one.
 */
export function repairText(value: unknown): { value: unknown; repaired: boolean } {
  let repaired = false;
  // A record nests three levels deep; deeper values are left for the schema to refuse (and a hostile file
  // nested 100,000 levels deep must not overflow the stack here).
  const walk = (v: unknown, depth = 0): unknown => {
    if (typeof v === 'string') {
      LONE_SURROGATE.lastIndex = 0;
      if (!LONE_SURROGATE.test(v)) return v;
      repaired = true;
      return v.replace(LONE_SURROGATE, '\ufffd');
    }
    if (depth > 16) return v;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      // Own keys stay own keys: a "__proto__" key set with `=` would become the copy's prototype, and its
      // fields would pass for the record's own (the schema refuses it as an unknown field instead).
      for (const [k, x] of Object.entries(v)) {
        if (k === '__proto__') Object.defineProperty(out, k, { value: walk(x, depth + 1), enumerable: true, writable: true, configurable: true });
        else out[k] = walk(x, depth + 1);
      }
      return out;
    }
    return v;
  };
  const out = walk(value);
  return { value: out, repaired };
}

export interface CheckedRecord {
  record: ThoughtRecord;
  n: number;
  /** Where the record ends in the text (for progress). */
  end: number;
  /** It had no id, and was given a new one. */
  newId: boolean;
  /** It held half of a surrogate pair, now U+FFFD. */
  repaired: boolean;
}

/**
 * Raw records -> records ready to save, one at a time, in file order. The first bad one throws (a usage error
 * with its position and field), so a caller that goes through them all before writing writes all or nothing.
 */
export function* checkRecords(items: Iterable<RawItem>, o: ValidateOptions): Generator<CheckedRecord> {
  for (const item of items) {
    const pos = msg.transfer.position(item.n, item.line);
    const fixed = item.noSurrogates ? { value: item.value, repaired: false } : repairText(item.value);
    const r = importInputSchema.safeParse(fixed.value);
    if (!r.success) {
      throw new UsageError(msg.transfer.invalidAt(o.where, pos, describeZodError(r.error, fixed.value)), msg.transfer.fixAndRetry);
    }
    const d = r.data;
    d.distortions.forEach((id, k) => {
      if (!o.knownPattern(id)) {
        throw new UsageError(msg.transfer.unknownPatternAt(o.where, pos, `distortions[${k}]`, id), msg.transfer.unknownPatternHint(o.patternsFile));
      }
    });
    const createdAt = d.createdAt ?? o.now;
    const record = { ...d, id: d.id ?? o.newId(), createdAt, occurredAt: d.occurredAt ?? createdAt };
    o.onRecord?.(item.n, item.end ?? 0);
    yield { record, n: item.n, end: item.end ?? 0, newId: d.id === undefined, repaired: fixed.repaired };
  }
}

/** All of them at once (small files, tests). */
export function validateItems(items: Iterable<RawItem>, o: ValidateOptions): { records: ThoughtRecord[]; withoutId: number; repaired: number } {
  const records: ThoughtRecord[] = [];
  let withoutId = 0;
  let repaired = 0;
  for (const c of checkRecords(items, o)) {
    records.push(c.record);
    if (c.newId) withoutId++;
    if (c.repaired) repaired++;
  }
  return { records, withoutId, repaired };
}
