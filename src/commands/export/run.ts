// reframe export: records as markdown, JSON, JSON Lines or CSV, to stdout, a file (--out), or one markdown
// file per record (--split --out DIR). Oldest first in every format. Streams: memory stays flat.
import { closeSync, constants, openSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Context } from '../../context';
import type { ThoughtRecord } from '../../domain/record';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { AtomicFile, ensurePrivateDir, exportTarget, fsyncDir, isJournalPath, writeFailure, writeFileAtomic } from '../../fsutil';
import { newKey } from '../../journal/cipher';
import type { RecordRatings } from '../../journal/journal';
import type { ListFilters } from '../../journal/query';
import { csvChunks, feelingColumns } from '../../render/csv';
import { renderSplitFile, splitFileName } from '../../render/frontmatter';
import { dropControls } from '../../render/width';
import { jsonArrayChunks, jsonlChunks } from '../../render/json-records';
import { MdSummary, markdownDocument } from '../../render/markdown';
import { FILTER_OPTIONS, toFilters } from '../../input/filters';
import { readOptions, type OptionsOf } from '../../input/options';
import { counted, directSink, fileSink, outputSink, Progress, pump } from '../../io/transfer';
import { normaliseTag } from '../../domain/tags';
import { whenStdoutClosed } from '../../io/pipe-closed';
import { planToJson, type SafetyPlan } from '../../domain/safety-plan';
import { planMarkdown } from '../../render/crisis';
import type { Journal } from '../../journal/journal';
import { beliefToJson, checkinToJson, experimentToJson, followUpToJson, reratingToJson } from '../../domain/progress';
import { progressMarkdown } from '../../render/progress-markdown';
import { withoutPretenuring } from '../../io/steady-heap';

const EXPORT_OPTIONS = { ...FILTER_OPTIONS, format: 'string', out: 'string', split: 'boolean', bom: 'boolean', encrypt: 'boolean' } as const;

const FORMATS: Record<string, 'md' | 'json' | 'jsonl' | 'csv'> = {
  md: 'md', markdown: 'md', json: 'json', jsonl: 'jsonl', ndjson: 'jsonl', csv: 'csv',
};

/**
 * Everything after the records in JSON and JSON Lines, each with a "kind": the re-ratings and plan follow-ups of
 * the records exported, every belief and experiment, the check-ins of the period, then the safety plan.
 */
function* progressTail(journal: Journal | undefined, ids: Set<string>, filters: ListFilters, plan: SafetyPlan | undefined): Generator<object> {
  if (journal) {
    for (const r of journal.progress.allReratings()) if (ids.has(r.record)) yield reratingToJson(r.record, r.rating);
    for (const f of journal.progress.followUps()) if (ids.has(f.record)) yield followUpToJson(f);
    for (const b of journal.progress.beliefs()) yield beliefToJson({ ...b, records: b.records.filter((id) => ids.has(id)) });
    for (const e of journal.progress.experiments()) yield experimentToJson(e);
    for (const c of journal.checkins(filters.since, filters.until)) yield checkinToJson(c);
  }
  if (plan) yield planToJson(plan);
}

function* noting(records: Iterable<ThoughtRecord>, ids: Set<string>): Generator<ThoughtRecord> {
  for (const r of records) {
    ids.add(r.id);
    yield r;
  }
}

export async function runExport(raw: unknown, ctx: Context): Promise<void> {
  const opts = await readOptions(EXPORT_OPTIONS, raw);
  const format = FORMATS[(opts.format ?? 'md').trim().toLowerCase()];
  if (!format) throw new UsageError(msg.transfer.badFormat, msg.transfer.badFormatHint);
  if (opts.split && format !== 'md') throw new UsageError(msg.transfer.splitNeedsMd);
  if (opts.split && (opts.out === undefined || toStdout(opts.out))) throw new UsageError(msg.transfer.splitNeedsOut, msg.transfer.splitNeedsOutHint);
  if (opts.bom && format !== 'csv') throw new UsageError(msg.transfer.bomNeedsCsv);
  if (opts.encrypt && opts.split) throw new UsageError(msg.transfer.encryptNotSplit);
  // An age file is binary: never onto a terminal.
  if (opts.encrypt && (opts.out === undefined || toStdout(opts.out)) && ctx.io.stdout.isTTY) throw new UsageError(msg.transfer.encryptNotToTerminal);
  const filters: ListFilters = { ...(await toFilters(opts, ctx)), ascending: true };
  // Asked (or read) before anything is exported, so a prompt never waits halfway through.
  const key = opts.encrypt ? newKey(ctx.passphraseFile, ctx.env).passphrase : undefined;

  const journal = ctx.journalIfExists();
  const records = (): Iterable<ThoughtRecord> => (journal ? journal.iterate(filters) : []);
  const ratings = (): Iterable<RecordRatings> => (journal ? journal.iterateRatings(filters) : []);
  const toTerminal = (opts.out === undefined || toStdout(opts.out)) && Boolean(ctx.io.stdout.isTTY);
  const progress = new Progress(ctx.io.stderr, Boolean(ctx.io.stderr.isTTY) && !toTerminal, msg.transfer.progressExport, 0);
  const total = () => (journal && Boolean(ctx.io.stderr.isTTY) && !toTerminal ? journal.countMatching(filters) : 0);

  // The safety plan goes with the records (JSON, JSON Lines, markdown; a file of its own with --split), so a
  // whole export brought back with `reframe import` brings it back too. CSV is a table of records only.
  let plan: SafetyPlan | undefined;
  const work = async (): Promise<number> => {
    plan = journal?.safetyPlan();
    if (opts.split) return exportSplit(resolve(opts.out!), records, total(), progress, ctx, plan);
    return exportOne(format, opts, filters, records, ratings, total(), progress, ctx, plan, key);
  };
  let written: number;
  try {
    written = await withoutPretenuring(() => (journal ? journal.readSnapshot(work) : work()));
  } finally {
    progress.stop();
  }
  // No records, yet beliefs, experiments (and in JSON, check-ins) went out: not an empty export.
  const rest = written === 0 && format !== 'csv' && !opts.split && journal !== undefined
    && (journal.progress.beliefs().length > 0 || journal.progress.experiments().length > 0
      || (format !== 'md' && journal.checkins(filters.since, filters.until).length > 0));
  if (rest) ctx.say(msg.transfer.exportNoRecords);
  else if (written === 0 && !(plan && format !== 'csv')) ctx.say(msg.transfer.exportEmpty);
  else if (opts.split) ctx.say(msg.transfer.exportedSplit(written, resolve(opts.out!)));
  else if (opts.out !== undefined && !toStdout(opts.out)) ctx.say(msg.transfer.exported(written, resolve(opts.out)));
  // An encrypted journal exported to a plain file: say so, once, gently.
  if (journal?.encrypted && !opts.encrypt && opts.out !== undefined && !toStdout(opts.out)) ctx.say(msg.transfer.plainExportNote);
}

/**
 * export --encrypt: an age file (binary, age-encryption.org/v1) with a passphrase (scrypt), sealed as the export
 * is made: chunks of ~64 KB of text are pulled from the export only as fast as age-encryption's stream seals them
 * and the sealed bytes go out, so memory stays flat whatever the journal's size. The passphrase is the journal's
 * source: --passphrase-file or $REFRAME_PASSPHRASE_FILE, else a new one asked twice on a terminal. Written 0600
 * through a temp file and a rename (a failure leaves no file), or to a pipe.
 */
async function writeEncrypted(chunks: Iterable<string>, dest: { path: string; direct: boolean } | undefined, ctx: Context, passphrase: string): Promise<void> {
  const { Encrypter } = await import('age-encryption');
  const enc = new Encrypter();
  enc.setPassphrase(passphrase.normalize('NFC'));
  const text = chunks[Symbol.iterator]();
  const utf8 = new TextEncoder();
  const plain = new ReadableStream<Uint8Array>({
    pull(controller) {
      const parts: string[] = [];
      let size = 0;
      let done = false;
      while (size < 65536) {
        const next = text.next();
        if (next.done) { done = true; break; }
        parts.push(next.value);
        size += next.value.length;
      }
      if (size > 0) controller.enqueue(utf8.encode(parts.join('')));
      if (done) controller.close();
    },
    cancel() { text.return?.(); },
  }, { highWaterMark: 0 });
  const sealed = (await enc.encrypt(plain)).getReader();
  const sink = byteSink(dest, ctx);
  try {
    for (;;) {
      const { done, value } = await sealed.read();
      if (done) break;
      await sink.write(value);
    }
    sink.finish();
  } catch (err) {
    sink.abort();
    try { await sealed.cancel(); } catch { /* ended already */ }
    throw err;
  }
}

/** Where sealed bytes go: standard output (waiting for 'drain'), a 0600 file by rename, or a device or pipe by name. */
function byteSink(dest: { path: string; direct: boolean } | undefined, ctx: Context): { write(b: Uint8Array): Promise<void> | void; finish(): void; abort(): void } {
  if (!dest) {
    const out = ctx.io.stdout as unknown as { write(b: Uint8Array): boolean; once?(e: 'drain', f: () => void): unknown };
    return {
      async write(b) { if (!out.write(b) && out.once) await new Promise<void>((res) => out.once!('drain', res)); },
      finish() { /* written as it went */ },
      abort() { /* what went out is out */ },
    };
  }
  if (!dest.direct) {
    const f = new AtomicFile(dest.path);
    return { write: (b) => f.write(b), finish: () => f.commit(), abort: () => f.abort() };
  }
  let fd: number;
  try {
    fd = openSync(dest.path, constants.O_WRONLY | constants.O_NOCTTY);
  } catch (err) {
    throw writeFailure(dest.path, err);
  }
  return {
    write(b) {
      try {
        let off = 0;
        while (off < b.length) off += writeSync(fd, b, off, b.length - off);
      } catch (err) {
        throw writeFailure(dest.path, err);
      }
    },
    finish() { closeSync(fd); },
    abort() { try { closeSync(fd); } catch { /* closed already */ } },
  };
}

async function exportOne(
  format: 'md' | 'json' | 'jsonl' | 'csv', opts: OptionsOf<typeof EXPORT_OPTIONS>, filters: ListFilters,
  records: () => Iterable<ThoughtRecord>, ratings: () => Iterable<RecordRatings>, total: number, progress: Progress, ctx: Context,
  plan?: SafetyPlan, key?: string,
): Promise<number> {
  const dest = opts.out !== undefined && !toStdout(opts.out) ? exportTarget(opts.out, ctx.paths.db) : undefined;
  const journal = ctx.journalIfExists();
  let written = 0;
  const tick = (n: number) => { written = n; progress.tick(n); };
  let chunks: Iterable<string>;
  if (format === 'md') {
    // The summary at the top needs a first pass (ratings and patterns only); both passes read the same snapshot.
    const summary = new MdSummary();
    progress.phase(msg.transfer.progressCheck, total);
    for (const r of counted(ratings(), (n) => progress.tick(n))) summary.add(r);
    progress.phase(msg.transfer.progressExport, summary.count);
    chunks = markdownDocument(counted(records(), tick), summary, {
      library: ctx.library(), now: ctx.clock.now(), since: filters.since, until: filters.until, filters: filterWords(filters, ctx),
    });
    const more = journal ? progressMarkdown(journal.progress.beliefs(), journal.progress.experiments(), ctx.theme.fancy) : '';
    if (more) chunks = withTail(chunks, `\n${more}`);
    if (plan) chunks = withTail(chunks, `\n${planMarkdown(plan)}`);
  } else {
    // CSV has a pair of number columns per feeling, so the header needs a first pass for their names.
    const feelings = new Map<string, number>();
    if (format === 'csv') {
      progress.phase(msg.transfer.progressCheck, total);
      for (const r of counted(ratings(), (n) => progress.tick(n))) for (const e of r.emotions) feelings.set(e.name, (feelings.get(e.name) ?? 0) + 1);
    }
    progress.phase(msg.transfer.progressExport, total);
    // The records' ids are noted as they go out, so the tail carries the re-ratings and follow-ups of those.
    const ids = new Set<string>();
    const recs = noting(counted(records(), tick), ids);
    const tail = format === 'csv' ? [] : progressTail(journal, ids, filters, plan);
    chunks = format === 'json' ? jsonArrayChunks(recs, tail) : format === 'jsonl' ? jsonlChunks(recs, tail) : csvChunks(recs, { bom: opts.bom, feelings: feelingColumns(feelings) });
  }
  // On a terminal, text from a record must not drive it (escape sequences, bells): the rule `show` keeps.
  // JSON escapes them already; markdown and CSV would pass them through.
  // `--out /dev/tty` (any character device) counts as a terminal too.
  const terminal = dest ? dest.direct && statSync(dest.path).isCharacterDevice() : Boolean(ctx.io.stdout.isTTY);
  if (terminal && (format === 'md' || format === 'csv')) chunks = mapChunks(chunks, dropControls);
  if (!dest) whenStdoutClosed(`reframe: ${msg.faults.exportCutShort}`);
  if (key !== undefined) {
    if (terminal) throw new UsageError(msg.transfer.encryptNotToTerminal);
    await writeEncrypted(chunks, dest, ctx, key);
    return written;
  }
  await pump(chunks, !dest ? outputSink(ctx.io.stdout) : dest.direct ? directSink(dest.path) : fileSink(dest.path));
  return written;
}

async function exportSplit(dir: string, records: () => Iterable<ThoughtRecord>, total: number, progress: Progress, ctx: Context, plan?: SafetyPlan): Promise<number> {
  if (isJournalPath(dir, ctx.paths.db)) throw new UsageError(msg.transfer.isJournal(dir), msg.transfer.isJournalHint);
  ensurePrivateDir(dir);
  const library = ctx.library();
  const used = new Set<string>();
  progress.phase(msg.transfer.progressExport, total);
  let n = 0;
  for (const r of records()) {
    writeFileAtomic(join(dir, splitFileName(r, used)), renderSplitFile(r, library), { syncDir: false });
    progress.tick(++n);
    if (n % 200 === 0) await new Promise<void>((res) => setImmediate(res)); // let Ctrl-C and the bar through
  }
  if (plan) writeFileAtomic(join(dir, 'safety-plan.md'), planMarkdown(plan), { syncDir: false });
  const j = ctx.journalIfExists();
  const more = j ? progressMarkdown(j.progress.beliefs(), j.progress.experiments(), false) : '';
  if (more) writeFileAtomic(join(dir, 'beliefs-and-experiments.md'), more, { syncDir: false });
  fsyncDir(dir);
  return n;
}

function* withTail(chunks: Iterable<string>, tail: string): Iterable<string> {
  yield* chunks;
  yield tail;
}

function* mapChunks(chunks: Iterable<string>, f: (s: string) => string): Iterable<string> {
  for (const c of chunks) yield f(c);
}

/** `--out -` and `--out /dev/stdout` mean standard output (which may be a socket that can't be opened by name). */
function toStdout(out: string): boolean {
  return out === '-' || out === '/dev/stdout';
}

/** The filters other than the period (the title shows that), in words for the markdown. */
function filterWords(f: ListFilters, ctx: Context): string[] {
  const w: string[] = [];
  if (f.distortion) w.push(`pattern ${ctx.library().nameOf(f.distortion)}`);
  if (f.emotion) w.push(`feeling ${f.emotion.trim().toLowerCase()}`);
  if (f.tag) w.push(`tag ${normaliseTag(f.tag)}`);
  if (f.search !== undefined) w.push(`search "${f.search}"`);
  if (f.limit !== undefined) w.push(`the newest ${f.limit}`);
  return w;
}
