// Reading an import's input safely: opened once (a named pipe's writer is read, not
// discarded by a second open), refused when it is a device (/dev/zero, /dev/urandom never end) or a folder,
// and never more than a cap (256 MB by default, `--max-size` lifts it): a 1 GB file would need more memory
// than that to check. Text that is not UTF-8 is named for what it is (UTF-16, binary, or the first bad byte).
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from '../errors';
import { msg } from '../messages';
import { WORKER_MIN_BYTES } from './check';

export const DEFAULT_MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/** "256M", "1G", "500k", "1048576" -> bytes; "0" or "none" -> no cap. */
export function parseMaxSize(s: string | undefined): number {
  if (s === undefined) return DEFAULT_MAX_IMPORT_BYTES;
  const t = s.trim().toLowerCase();
  if (t === 'none' || t === '0') return Number.POSITIVE_INFINITY;
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?$/.exec(t);
  if (!m) throw new UsageError(msg.faults.badMaxSize(s), msg.faults.badMaxSizeHint);
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[m[2] as '' | 'k' | 'm' | 'g' | 't'];
  return Math.floor(Number(m[1]) * mult);
}

const tooBig = (where: string, max: number) => new UsageError(msg.faults.importTooBig(where, msg.faults.size(max)), msg.faults.importTooBigHint);

/** All of `fd` up to max bytes (a pipe or a file that grows), or a usage error past it. */
function readAll(fd: number, max: number, where: string): Buffer {
  const parts: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buf = Buffer.allocUnsafe(1 << 20);
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10); continue; }
      throw err;
    }
    if (n === 0) break;
    total += n;
    if (total > max) throw tooBig(where, max);
    parts.push(buf.subarray(0, n));
  }
  return Buffer.concat(parts, total);
}

/** The bytes of FILE (or standard input for `-`), read once. A big regular file in shared memory (for the worker). */
export async function readImportInput(file: string, max: number, stdin: NodeJS.ReadableStream & { isTTY?: boolean }, say: (l: string) => void): Promise<Uint8Array> {
  if (file === '-') {
    if (stdin.isTTY) say(msg.transfer.readingStdin);
    const parts: Buffer[] = [];
    let total = 0;
    for await (const chunk of stdin) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array);
      total += b.length;
      if (total > max) throw tooBig('standard input', max);
      parts.push(b);
    }
    return Buffer.concat(parts, total);
  }
  let fd: number;
  try {
    fd = openSync(file, 'r'); // a named pipe waits here for its writer, as `cat` would
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EISDIR') throw new UsageError(msg.faults.importNotAFile(file), msg.faults.importNotAFileHint);
    throw new UsageError(msg.errors.cantReadFile(file), 'Check the path, then try again.');
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory() || st.isCharacterDevice() || st.isBlockDevice() || st.isSocket()) {
      throw new UsageError(msg.faults.importNotAFile(file), msg.faults.importNotAFileHint);
    }
    if (st.isFile()) {
      if (st.size > max) throw tooBig(file, max);
      if (st.size >= WORKER_MIN_BYTES) {
        const bytes = new Uint8Array(new SharedArrayBuffer(st.size));
        let at = 0;
        for (let n = 1; n > 0 && at < st.size; at += n) n = readSync(fd, bytes, at, st.size - at, at);
        if (at === st.size && readSync(fd, Buffer.alloc(1), 0, 1, at) === 0) return bytes;
        // It grew (or shrank) meanwhile: read it the ordinary way, to its end.
        return readAll(fd, max, file);
      }
    }
    return readAll(fd, max, file);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(msg.errors.cantReadFile(file), 'Check the path, then try again.');
  } finally {
    closeSync(fd);
  }
}

/** An honest word for input that is not UTF-8 text: UTF-16, binary, or where the first bad byte is. */
export function describeNotUtf8(bytes: Uint8Array, where: string): UsageError | undefined {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return new UsageError(msg.faults.importUtf16(where), msg.faults.importUtf16Hint(where));
  }
  // Buffer's indexOf searches natively (a 40 MB file: ~3 ms; a typed array's own indexOf: ~80 ms, before anything else).
  const nul = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(0);
  if (nul >= 0) return new UsageError(msg.faults.importBinary(where, nul), msg.transfer.notUtf8Hint);
  if (isUtf8(bytes)) return undefined;
  {
    // Find the first bad byte (and its line) for the message.
    let line = 1;
    for (let i = 0; i < bytes.length;) {
      const b = bytes[i];
      const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
      let ok = len > 0 && i + len <= bytes.length;
      for (let k = 1; ok && k < len; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
      if (ok && len > 1) ok = isUtf8(bytes.subarray(i, i + len));
      if (!ok) return new UsageError(msg.faults.importNotUtf8At(where, i, line), msg.transfer.notUtf8Hint);
      if (b === 0x0a) line++;
      i += len;
    }
    return undefined;
  }
}
