// What export and import share: writing chunks with backpressure, reading all of an input, a progress bar.
import { closeSync, constants, openSync, readFileSync, writeSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Output } from '../context';
import { UsageError } from '../errors';
import { msg } from '../messages';
import { AtomicFile, writeFailure } from '../fsutil';

/** Where export chunks go. */
export interface Sink {
  write(chunk: string): Promise<void> | void;
  /** Everything written: make it visible (a file is renamed into place). */
  finish(): Promise<void> | void;
  /** Something failed: leave nothing behind. */
  abort(): void;
}

/** Standard output: chunks gathered to ~64 KB, and a full pipe (write() false) waits for 'drain'. */
export function outputSink(out: Output): Sink {
  let buf: string[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const s = buf.join('');
    buf = [];
    size = 0;
    if (!out.write(s) && out.once) await new Promise<void>((res) => out.once!('drain', res));
  };
  return {
    async write(chunk) {
      buf.push(chunk);
      size += chunk.length;
      if (size >= 65536) await flush();
    },
    finish: flush,
    abort() {
      buf = [];
      size = 0;
    },
  };
}

/** A file written 0600 through a temp file beside it, renamed into place by finish(). */
export function fileSink(path: string): Sink {
  const f = new AtomicFile(path);
  let buf: string[] = [];
  let size = 0;
  const flush = () => {
    if (size === 0) return;
    f.write(buf.join(''));
    buf = [];
    size = 0;
  };
  return {
    write(chunk) {
      buf.push(chunk);
      size += chunk.length;
      if (size >= 65536) flush();
    },
    finish() {
      flush();
      f.commit();
    },
    abort() {
      f.abort();
    },
  };
}

/** Something that is not a regular file (/dev/stdout, a named pipe): written straight through. */
export function directSink(path: string): Sink {
  let fd: number;
  try {
    // Never creates (O_CREAT would follow a dangling link): the target is there already, not a regular file.
    fd = openSync(path, constants.O_WRONLY | constants.O_NOCTTY);
  } catch (err) {
    throw writeFailure(path, err);
  }
  const put = (s: string) => {
    const buf = Buffer.from(s, 'utf8');
    let off = 0;
    try {
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    } catch (err) {
      throw writeFailure(path, err);
    }
  };
  let buf: string[] = [];
  let size = 0;
  return {
    write(chunk) {
      buf.push(chunk);
      size += chunk.length;
      if (size >= 65536) {
        put(buf.join(''));
        buf = [];
        size = 0;
      }
    },
    finish() {
      if (size) put(buf.join(''));
      closeSync(fd);
    },
    abort() {
      try { closeSync(fd); } catch { /* already closed */ }
    },
  };
}

/** Write every chunk, then finish; on any error the sink is aborted (no half file). */
export async function pump(chunks: Iterable<string>, sink: Sink): Promise<void> {
  try {
    for (const c of chunks) await sink.write(c);
    await sink.finish();
  } catch (err) {
    sink.abort();
    throw err;
  }
}

/** Count the items going through, for a progress bar. */
export function* counted<T>(items: Iterable<T>, tick: (n: number) => void): Generator<T> {
  let n = 0;
  for (const x of items) {
    yield x;
    tick(++n);
  }
}

/** All of a file, or of standard input for "-", as bytes. A file that can't be read is a usage error. */
export async function readInput(file: string, stdin: NodeJS.ReadableStream & { isTTY?: boolean }, say: (l: string) => void): Promise<Buffer> {
  if (file !== '-') {
    try {
      return readFileSync(file);
    } catch {
      throw new UsageError(msg.errors.cantReadFile(file), 'Check the path, then try again.');
    }
  }
  if (stdin.isTTY) say(msg.transfer.readingStdin);
  const parts: Buffer[] = [];
  for await (const chunk of stdin) parts.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(parts);
}

/**
 * A progress bar on stderr that appears only on a terminal and only once the work has taken over a second,
 * so quick runs and pipes never see one. The clock is the process's own monotonic one: this is decoration,
 * not data, and a test's fixed clock must not hide or force it.
 */
export class Progress {
  private bar: SingleBar | undefined;
  private readonly started: number;
  private label: string;

  constructor(
    private readonly stream: Output,
    private readonly enabled: boolean,
    label: string,
    private total: number,
    private readonly elapsed: () => number = () => performance.now(),
    private readonly delayMs = 1000,
  ) {
    this.started = this.elapsed();
    this.label = label;
  }

  /** Start a new phase (e.g. checking, then importing) with its own total. */
  phase(label: string, total: number): void {
    this.label = label;
    this.total = total;
    this.bar?.setTotal(total);
    this.bar?.update(0, { label });
  }

  tick(value: number): void {
    if (!this.enabled) return;
    if (!this.bar) {
      if (this.elapsed() - this.started < this.delayMs) return;
      this.bar = new SingleBar({
        stream: this.stream as unknown as NodeJS.WritableStream,
        format: '{label} [{bar}] {percentage}%',
        barsize: 30,
        hideCursor: false,
        clearOnComplete: true,
        gracefulExit: false,
        fps: 10,
      });
      this.bar.start(this.total, value, { label: this.label });
      return;
    }
    this.bar.update(value, { label: this.label });
  }

  /** Remove the bar (before the summary line is printed). */
  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }

  get shown(): boolean {
    return this.bar !== undefined;
  }
}
