// Checking an import file, in batches of records ready to save. A big file is read and checked on a worker
// thread while this one saves what is already checked: checking (JSON and the record schema) costs as much
// as saving, and a computer has more than one core. A small file (or a run without the reframe program around
// it, as in tests that call runImport directly) is checked right here: starting a thread costs ~50 ms.
// Either way the records come in file order, and the first bad one ends the stream with its usage error.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { checkRecords, readRecordsBytes, type CheckedRecord, type RawItem } from './parse';
import type { ThoughtRecord } from '../domain/record';
import { savedText, type SavedText } from '../journal/saved-text';
import { UsageError } from '../errors';
import { plansApart } from './plan';
import type { SafetyPlan } from '../domain/safety-plan';
import { mayBeInDangerAnywhere } from '../domain/safety/detect';
import { safetyTexts } from '../input/record';

export interface CheckJob {
  where: string;
  /** Every pattern id in the library (the worker has no library of its own). */
  known: string[];
  patternsFile: string;
  /** createdAt for records without one. */
  now: string;
}

/** Records per batch: big enough that a message costs little, small enough that memory stays flat. */
const BATCH = 1000;
/** How many batches the worker may run ahead of the saving. */
const AHEAD = 4;
/** From this size on, a worker pays for itself. */
export const WORKER_MIN_BYTES = 1 << 20;

/** The value the worker thread runs under (src/import/worker.ts). */
export const TASK = 'import-check';

export interface CheckStream {
  /** Where the file ends, once known, in the measure of each record's `end` (for progress). */
  total: number;
  /** The records came from a worker thread (known once the first arrived). */
  worker: boolean;
  /** Stop checking (a stream that is given up before its end). */
  close(): void;
  batches: AsyncGenerator<CheckedBatch>;
  /** Safety plans found in the file (objects with "kind": "safety-plan"), checked; complete once batches end. */
  plans: SafetyPlan[];
  /** Re-ratings, beliefs, experiments, follow-ups, check-ins (import/progress.ts checks them); complete once batches end. */
  progress: RawItem[];
}

function* batchesOf(bytes: Uint8Array, job: CheckJob, onTotal: (n: number) => void, onPlan: (p: SafetyPlan) => void,
  onProgress: (item: RawItem) => void): Generator<CheckedRecord[]> {
  const read = readRecordsBytes(bytes, job.where);
  const { total } = read;
  const items = plansApart(read.items, job.where, onPlan, onProgress);
  onTotal(total);
  const known = new Set(job.known);
  let batch: CheckedRecord[] = [];
  // Ids of records without one are given by the caller as it saves them (in order, from its clock).
  for (const c of checkRecords(items, { ...job, knownPattern: (id) => known.has(id), newId: () => '' })) {
    batch.push(c);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/**
 * A regular file's bytes in memory a worker thread can share (a SharedArrayBuffer): handing them over then copies
 * nothing. Undefined for anything else (standard input, a pipe, a file that can't be read: readInput says why).
 */
export function readFileShared(path: string): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const st = fstatSync(fd);
    if (!st.isFile() || st.size < WORKER_MIN_BYTES) return undefined;
    const bytes = new Uint8Array(new SharedArrayBuffer(st.size));
    let at = 0;
    for (let n = 1; n > 0 && at < st.size; at += n) n = readSync(fd, bytes, at, st.size - at, at);
    // A file that grew meanwhile is read the ordinary way, to its end.
    if (at < st.size || readSync(fd, Buffer.alloc(1), 0, 1, at) !== 0) return undefined;
    return bytes;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Check `bytes` (UTF-8 JSON or JSON Lines), here or on a worker thread. `entry` is the script a worker thread
 * starts (ctx.workerEntry; none: check here); `worker` forces the choice the file's size would make.
 */
export function checkStream(bytes: Uint8Array, job: CheckJob, o: { entry?: string; worker?: boolean } = {}): CheckStream {
  const stream: CheckStream = {
    total: bytes.length, worker: false, batches: undefined as unknown as AsyncGenerator<CheckedBatch>, close: () => {}, plans: [], progress: [],
  };
  const entry = o.entry;
  const here = async function* () {
    yield* batchesOf(bytes, job, (n) => { stream.total = n; }, (p) => { stream.plans.push(p); }, (i) => { stream.progress.push(i); });
  };
  // The thread starts now, so it gets going while the journal is opened.
  const thread = entry && (o.worker ?? bytes.length >= WORKER_MIN_BYTES) ? startThread(entry, bytes, job) : undefined;
  if (thread) stream.close = () => { void thread.worker.terminate(); };
  stream.batches = thread ? fromThread(thread, stream, here) : here();
  return stream;
}

type FromWorker =
  | { t: 'total'; total: number }
  | { t: 'batch'; flat: unknown[]; dangerAt?: number[] }
  | { t: 'plan'; plan: SafetyPlan }
  | { t: 'progress'; item: RawItem }
  | { t: 'done' }
  | { t: 'fail'; usage: boolean; message: string; hint?: string };

interface Thread {
  worker: Worker;
  /** Batches the saving thread has finished with, counted where the checking thread can read it at any moment. */
  done: Int32Array;
  inbox: FromWorker[];
  gone?: 'exit' | Error;
  wake?: () => void;
}

function startThread(entry: string, bytes: Uint8Array, job: CheckJob): Thread | undefined {
  let worker: Worker;
  try {
    // Checking makes many short-lived objects: a larger young generation collects them in fewer, cheaper
    // passes (~0.3 s less at 100,000 records, for ~30 MB more memory).
    worker = new Worker(entry, { env: { ...process.env, REFRAME_WORKER: TASK }, stdout: true, stderr: true, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  } catch {
    return undefined;
  }
  const t: Thread = { worker, inbox: [], done: new Int32Array(new SharedArrayBuffer(4)) };
  worker.on('message', (m: FromWorker) => { t.inbox.push(m); t.wake?.(); });
  worker.on('error', (err) => { t.gone ??= err; t.wake?.(); });
  worker.on('exit', () => { t.gone ??= 'exit'; t.wake?.(); });
  worker.postMessage({ bytes, job, done: t.done });
  return t;
}

async function* fromThread(t: Thread, stream: CheckStream, here: () => AsyncGenerator<CheckedBatch>): AsyncGenerator<CheckedBatch> {
  let heard = false;
  try {
    for (;;) {
      while (t.inbox.length === 0 && t.gone === undefined) await new Promise<void>((res) => { t.wake = res; });
      t.wake = undefined;
      const m = t.inbox.shift();
      if (!m) {
        // The thread could not start (or died) before it said anything: check here instead.
        if (!heard) {
          yield* here();
          return;
        }
        throw t.gone instanceof Error ? t.gone : new Error('the checking thread stopped');
      }
      heard = true;
      stream.worker = true;
      if (m.t === 'total') stream.total = m.total;
      else if (m.t === 'plan') stream.plans.push(m.plan);
      else if (m.t === 'progress') stream.progress.push(m.item);
      else if (m.t === 'batch') {
        const batch: CheckedBatch = decodeBatch(m.flat);
        if (m.dangerAt) batch.dangerAt = m.dangerAt;
        yield batch;
        Atomics.add(t.done, 0, 1);
        t.worker.postMessage('next');
      } else if (m.t === 'done') return;
      else if (m.usage) throw new UsageError(m.message, m.hint);
      else throw new Error(m.message);
    }
  } finally {
    void t.worker.terminate();
  }
}

// A batch crosses between threads as one flat array of strings and numbers: copying it costs a third of what
// copying the same records as objects does, and the saving thread is the one that waits for it. The worker also
// works out the text columns the journal writes (savedText), so the saving thread doesn't; the free-text lists
// then travel as that JSON only, and become arrays again on the saving side only if something reads them.

/** A checked record, with the text columns the journal writes, when the checking thread worked them out. */
export type Checked = CheckedRecord & { text?: SavedText };

/**
 * A batch, and, when the checking thread looked, which of its records' words suggest danger (their places in the
 * batch: dangerPlaces). The saving thread then needs to look only at whether it added one of them.
 */
export type CheckedBatch = Checked[] & { dangerAt?: number[] };

/**
 * Do a record's words suggest danger? Each field on its own, as when the record is saved by `reframe new` or `edit`
 * (input/saved.ts), and a field longer than the detector reads at once in overlapping pieces (mayBeInDangerAnywhere).
 * The detector reads at most the first 20,000 characters of a text: a batch's words joined into one text were looked
 * at only in part (about the first 25 records of 1,000), and words read beside others' can score differently.
 */
export function recordInDanger(c: Pick<CheckedRecord, 'record'>): boolean {
  return mayBeInDangerAnywhere(safetyTexts(c.record));
}

/** The places in a batch of the records whose words suggest danger (recordInDanger). */
export function dangerPlaces(records: Pick<CheckedRecord, 'record'>[]): number[] {
  const at: number[] = [];
  for (let i = 0; i < records.length; i++) if (recordInDanger(records[i])) at.push(i);
  return at;
}

function encodeBatch(items: CheckedRecord[]): unknown[] {
  const out: unknown[] = [];
  for (const { record: r, n, end, newId, repaired } of items) {
    const t = savedText(r);
    out.push(n, end, newId, repaired, r.id, r.createdAt, r.occurredAt, r.situation, r.thought, r.beliefBefore, r.reframe,
      r.reframeBelief, r.beliefAfter, r.actionPlan, r.whenTrue, t.otherThoughts, t.evidenceFor, t.evidenceAgainst, t.answers, t.body, r.emotions.length);
    for (const e of r.emotions) out.push(e.name, e.before, e.after);
    out.push(r.distortions.length, ...r.distortions, r.tags.length, ...r.tags);
  }
  return out;
}

/**
 * A record as the saving thread gets it: its free-text lists stay the JSON they travelled as until something reads
 * them (saving doesn't: it writes that JSON), then are parsed once. Getters on the class, so every record keeps
 * the same fast shape. Spread or structured-clone it and the lists are left behind: only read it by field (toJson).
 */
class Received {
  id!: string;
  createdAt!: string;
  occurredAt!: string;
  situation!: string;
  thought!: string;
  beliefBefore?: number;
  reframe?: string;
  reframeBelief?: number;
  beliefAfter?: number;
  actionPlan?: string;
  whenTrue?: ThoughtRecord['whenTrue'];
  emotions: ThoughtRecord['emotions'] = [];
  distortions: string[] = [];
  tags: string[] = [];
  private lists: Partial<Pick<ThoughtRecord, 'otherThoughts' | 'evidenceFor' | 'evidenceAgainst' | 'answers'>> = {};
  constructor(private readonly text: SavedText) {}
  private parsed(json: string | null): string[] {
    return json === null ? [] : (JSON.parse(json) as string[]);
  }
  get otherThoughts(): string[] { return (this.lists.otherThoughts ??= this.parsed(this.text.otherThoughts)); }
  set otherThoughts(v: string[]) { this.lists.otherThoughts = v; }
  get evidenceFor(): string[] { return (this.lists.evidenceFor ??= this.parsed(this.text.evidenceFor)); }
  set evidenceFor(v: string[]) { this.lists.evidenceFor = v; }
  get evidenceAgainst(): string[] { return (this.lists.evidenceAgainst ??= this.parsed(this.text.evidenceAgainst)); }
  set evidenceAgainst(v: string[]) { this.lists.evidenceAgainst = v; }
  get answers(): ThoughtRecord['answers'] {
    return (this.lists.answers ??= (this.text.answers === null ? [] : (JSON.parse(this.text.answers) as [string, string][]))
      .map(([question, answer]) => ({ question, answer })));
  }
  set answers(v: ThoughtRecord['answers']) { this.lists.answers = v; }
}

function decodeBatch(f: unknown[]): Checked[] {
  const out: Checked[] = [];
  let i = 0;
  const next = <T>() => f[i++] as T;
  const list = () => {
    const k = next<number>();
    const xs = f.slice(i, i + k) as string[];
    i += k;
    return xs;
  };
  while (i < f.length) {
    const n = next<number>();
    const end = next<number>();
    const newId = next<boolean>();
    const repaired = next<boolean>();
    const at = i;
    i += 11;
    const text: SavedText = { otherThoughts: next(), evidenceFor: next(), evidenceAgainst: next(), answers: next(), body: next() };
    const record = new Received(text);
    const field = <T>(k: number) => f[at + k] as T;
    record.id = field(0);
    record.createdAt = field(1);
    record.occurredAt = field(2);
    record.situation = field(3);
    record.thought = field(4);
    record.beliefBefore = field(5);
    record.reframe = field(6);
    record.reframeBelief = field(7);
    record.beliefAfter = field(8);
    record.actionPlan = field(9);
    const whenTrue = field<ThoughtRecord['whenTrue']>(10);
    if (whenTrue !== undefined) record.whenTrue = whenTrue;
    for (let k = next<number>(); k > 0; k--) record.emotions.push({ name: next(), before: next(), after: next() });
    record.distortions = list();
    record.tags = list();
    out.push({ record, n, end, newId, repaired, text });
  }
  return out;
}

/** The worker thread's side: check the file it is sent, post batches, never run more than AHEAD ahead. */
export function serveCheck(): boolean {
  const port = parentPort;
  if (isMainThread || !port) return false;
  port.once('message', async ({ bytes, job, done }: { bytes: Uint8Array; job: CheckJob; done: Int32Array }) => {
    let ahead = 0;
    let posted = 0;
    // The safety detector (which costs more than checking or saving) runs on a batch here when the saving thread
    // has another waiting behind the one in hand (this thread is ahead), and is left to the saving thread otherwise:
    // the batches share themselves out so the two threads end about together (100,000 records: ~6 of 10 read here;
    // 7.8 s, where every other batch here took 8.4 s and "whenever one is in hand" 9.8 s). Until one is found.
    let found = false;
    let wake: (() => void) | undefined;
    port.on('message', () => { ahead--; wake?.(); });
    try {
      for (const items of batchesOf(bytes, job, (total) => port.postMessage({ t: 'total', total }), (plan) => port.postMessage({ t: 'plan', plan }),
        (item) => port.postMessage({ t: 'progress', item }))) {
        // (Read from the shared count: this thread hears the saving thread's messages only when it waits.)
        const dangerAt = found || posted - Atomics.load(done, 0) < 2 ? undefined : dangerPlaces(items);
        if (dangerAt?.length) found = true;
        port.postMessage({ t: 'batch', flat: encodeBatch(items), dangerAt });
        ahead++;
        posted++;
        while (ahead >= AHEAD) await new Promise<void>((res) => { wake = res; });
      }
      port.postMessage({ t: 'done' });
    } catch (err) {
      const usage = err instanceof UsageError;
      // A usage error's message names a position and a field, never a record's text; anything else is a bug.
      port.postMessage({ t: 'fail', usage, message: usage ? err.message : 'checking failed', hint: usage ? err.hint : undefined });
    }
    port.close();
  });
  return true;
}
