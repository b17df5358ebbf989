// Standard output and standard error, written without Node's streams when they are a pipe, a file or a socket.
// process.stdout on a pipe loads Node's whole stream and net stack (~7 ms of every start, measured against
// `node -e 0`), and a command prints its few lines at the end: a blocking write(2) to the file descriptor does the
// same job. A terminal (or any other character device: /dev/null, /dev/full) keeps Node's own stream, which knows
// its width, its colours and raw mode, and which the prompts and the pager need.
//
// What the streams did and this keeps: a reader that goes away (EPIPE) or a write that fails (ENOSPC, EIO) is
// reported once, just after the write that met it returns, to the handler main.ts gives (`onOutputFailure`), and
// from then on every write is dropped and answers "full" (false) with no 'drain' to come, so a command that waits
// for room (an export) stops there until the handler ends the process. A descriptor someone left non-blocking
// (EAGAIN) hands over to Node's stream, which waits for room, from the first byte that did not fit: everything
// before it was already written, so order is kept.
// The main thread's only: a worker thread's own stdout is a stream to the main thread, and fd 1 here would skip it.
import { fstatSync, writeSync } from 'node:fs';
import type { Output } from '../context';

type Failure = (err: NodeJS.ErrnoException) => void;

let onFailure: Failure | undefined;
const made: Array<Output | undefined> = [];

/** Who hears of a failed write: main.ts's handler, the one Node's streams get too (`guardStreams`). */
export function onOutputFailure(fn: Failure): void {
  onFailure = fn;
}

function streamOf(fd: 1 | 2): NodeJS.WriteStream {
  return fd === 1 ? process.stdout : process.stderr;
}

/** Whether `fd` is best written directly: a pipe, a regular file or a socket. */
function writesDirectly(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    return st.isFIFO() || st.isFile() || st.isSocket();
  } catch {
    return false; // closed or unknown: Node's stream says so in its own way
  }
}

export class DirectOutput implements Output {
  readonly isTTY = false;
  readonly columns = undefined;
  private failed = false;
  private handedOver = false;

  /** `fd`: 1 or 2 (another descriptor only in tests, with `fallback` standing in for Node's stream). */
  constructor(private readonly fd: number, private readonly fallback: () => NodeJS.WritableStream = () => streamOf(fd as 1 | 2)) {}

  write(chunk: string | Uint8Array): boolean {
    if (this.failed) return false;
    if (this.handedOver) return this.fallback().write(chunk);
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let done = 0;
    while (done < bytes.length) {
      try {
        done += writeSync(this.fd, bytes, done, bytes.length - done);
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        if (e.code === 'EINTR') continue;
        if (e.code === 'EAGAIN') {
          this.handedOver = true;
          return this.fallback().write(bytes.subarray(done));
        }
        this.failed = true;
        // Told after this write returns, as a stream's 'error' event would be.
        const fn = onFailure;
        if (fn) process.nextTick(() => fn(e));
        return false;
      }
    }
    return true;
  }

  once(event: 'drain', fn: () => void): unknown {
    if (this.handedOver) return this.fallback().once(event, fn);
    // Written already, so there is room at once; after a failure there never will be.
    if (!this.failed) queueMicrotask(fn);
    return this;
  }
}

/** Standard output (1) or error (2) as an Output: one per process, decided at the first ask. */
export function stdOutput(fd: 1 | 2): Output {
  return (made[fd] ??= writesDirectly(fd) ? new DirectOutput(fd) : streamOf(fd));
}

/**
 * Gives `handler` every 'error' of process.stdout and process.stderr, whoever makes them and whenever: Node makes
 * each at its first mention, so they are wrapped rather than touched (touching one is what costs the time).
 */
export function guardStreams(handler: Failure): void {
  for (const name of ['stdout', 'stderr'] as const) {
    const desc = Object.getOwnPropertyDescriptor(process, name);
    const get = desc?.get;
    if (!desc || !get || !desc.configurable) {
      process[name].on('error', handler);
      continue;
    }
    let guarded = false;
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: desc.enumerable,
      get() {
        const stream = get.call(process) as NodeJS.WriteStream;
        if (!guarded) {
          guarded = true;
          stream.on('error', handler);
        }
        return stream;
      },
    });
  }
}
