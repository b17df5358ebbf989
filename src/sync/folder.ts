// The sync folder on disk: DIR/reframe-sync/v1/ holds format.json (`{"format":1}`, the same bytes from every
// device, so two devices making it at once agree, even in git) and devices/<deviceId>/changes-YYYY-MM.jsonl, one per device and
// month, each written only by its own device (appended, fsynced). Readers keep a cursor per file; a last line
// without its newline (a file half-copied by the sync engine) is left for next time. A sync engine's conflict
// copy of a file (`*.sync-conflict-*`, `(conflicted copy ...)`) is read as more input: every line in it is
// checked like any other and applied only if it is news.
import { closeSync, fchmodSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, readSync, statSync, writeSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { OperationError } from '../errors';
import { msg } from '../messages';
import { writeFileAtomic, fsyncDir } from '../fsutil';

export const FORMAT = 1;
export const ROOT = join('reframe-sync', `v${FORMAT}`);

export interface FolderInfo { format: number }

/** Device ids: 16 hex characters, random; the name of the device's folder. */
export function newDeviceId(): string {
  return randomBytes(8).toString('hex');
}
export const isDeviceId = (s: string): boolean => /^[0-9a-f]{16}$/.test(s);

const MAIN = /^changes-(\d{4}-\d{2})\.jsonl$/;
// Syncthing: changes-2026-12.sync-conflict-20261206-101010-ABCDEFG.jsonl; Dropbox, Nextcloud, ownCloud:
// "changes-2026-12 (conflicted copy 2026-12-06).jsonl", "changes-2026-12 (Sam's conflicted copy ...).jsonl";
// Resilio, OneDrive and others put "conflict" in the name somewhere.
const COPY = /^changes-(\d{4}-\d{2}).*(sync-conflict|conflicted copy|conflict).*\.jsonl$/i;

export function fileKind(name: string): 'main' | 'copy' | undefined {
  if (MAIN.test(name)) return 'main';
  if (COPY.test(name)) return 'copy';
  return undefined;
}

export function monthFile(now: Date): string {
  return `changes-${now.toISOString().slice(0, 7)}.jsonl`;
}

export class SyncFolder {
  readonly root: string;
  constructor(readonly dir: string) {
    this.root = join(dir, ROOT);
  }

  /** The folder the person named must be there (a drive unmounted, a sync app's folder moved: say so). */
  checkThere(): void {
    let st;
    try { st = statSync(this.dir); } catch { throw new OperationError(msg.sync.folderMissing(this.dir), msg.sync.folderMissingHint); }
    if (!st.isDirectory()) throw new OperationError(msg.sync.folderNotDir(this.dir), msg.sync.folderMissingHint);
  }

  /** format.json, or undefined when no device has written one yet. A newer format is refused. */
  info(): FolderInfo | undefined {
    let text: string;
    try {
      text = readSmall(join(this.root, 'format.json'));
    } catch {
      return this.newerThere() ? this.refuseNewer() : undefined;
    }
    let v: Partial<FolderInfo>;
    try { v = JSON.parse(text) as Partial<FolderInfo>; } catch { throw new OperationError(msg.sync.formatDamaged(join(this.root, 'format.json')), msg.sync.formatDamagedHint); }
    if (typeof v.format !== 'number' || v.format > FORMAT) return this.refuseNewer();
    return { format: v.format };
  }

  private newerThere(): boolean {
    try {
      return readdirSync(join(this.dir, 'reframe-sync')).some((n) => /^v\d+$/.test(n) && Number(n.slice(1)) > FORMAT);
    } catch {
      return false;
    }
  }

  private refuseNewer(): never {
    throw new OperationError(msg.sync.newerFormat, msg.sync.newerFormatHint);
  }

  /** Make the folder's layout (0700 folders) and, when none is there yet, its format.json (0600). */
  prepare(device: string): FolderInfo {
    this.checkThere();
    for (const d of [join(this.dir, 'reframe-sync'), this.root, join(this.root, 'devices'), this.deviceDir(device)]) privateDir(d);
    const have = this.info();
    if (have) return have;
    const info: FolderInfo = { format: FORMAT };
    writeFileAtomic(join(this.root, 'format.json'), JSON.stringify(info) + '\n');
    return this.info() ?? info;
  }

  deviceDir(device: string): string {
    return join(this.root, 'devices', device);
  }

  /** Every device folder (own included), by id; other names are ignored. */
  devices(): string[] {
    try {
      return readdirSync(join(this.root, 'devices')).filter(isDeviceId).sort();
    } catch {
      return [];
    }
  }

  /** A device's change files, main ones by month, then its conflict copies. */
  files(device: string): { name: string; kind: 'main' | 'copy' }[] {
    let names: string[];
    try { names = readdirSync(this.deviceDir(device)); } catch { return []; }
    const out: { name: string; kind: 'main' | 'copy' }[] = [];
    for (const name of names.sort()) {
      const kind = fileKind(name);
      if (kind) out.push({ name, kind });
    }
    return out.sort((a, b) => (a.kind === b.kind ? (a.name < b.name ? -1 : 1) : a.kind === 'main' ? -1 : 1));
  }

  /**
   * Append whole lines to this device's file for the month, and flush them to disk. A line left half-written by
   * a sync killed before (no newline at the end) is cut off first: only this device writes here.
   */
  append(device: string, now: Date, lines: string[]): string {
    const path = join(this.deviceDir(device), monthFile(now));
    let fd: number | undefined;
    try {
      fd = openSync(path, 'a+', 0o600);
      fchmodSync(fd, 0o600);
      const size = fstatSync(fd).size;
      if (size > 0) {
        const keep = wholeLinesLength(fd, size);
        if (keep < size) ftruncateSync(fd, keep);
      }
      const buf = Buffer.from(lines.map((l) => l + '\n').join(''), 'utf8');
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
      fsyncSync(fd);
    } catch (err) {
      throw new OperationError(msg.sync.cannotWrite(path), msg.sync.cannotWriteHint);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    fsyncDir(this.deviceDir(device));
    return path;
  }

  stat(device: string, name: string): { size: number; mtime: number } | undefined {
    try {
      const st = statSync(join(this.deviceDir(device), name));
      return { size: st.size, mtime: st.mtimeMs };
    } catch {
      return undefined;
    }
  }

  /**
   * The whole lines of a file from `offset` on, and the offset after the last whole one (a torn last line is
   * left for next time). A file now shorter than the cursor was replaced: it is read from the start.
   */
  readFrom(device: string, name: string, offset: number): { lines: string[]; next: number; size: number } {
    const path = join(this.deviceDir(device), name);
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      const size = fstatSync(fd).size;
      const from = offset > size ? 0 : offset;
      const buf = Buffer.alloc(size - from);
      let got = 0;
      while (got < buf.length) {
        const n = readSync(fd, buf, got, buf.length - got, from + got);
        if (n === 0) break;
        got += n;
      }
      const last = buf.lastIndexOf(0x0a, got - 1);
      if (last < 0) return { lines: [], next: from, size };
      const text = buf.subarray(0, last).toString('utf8');
      return { lines: text.split('\n').filter((l) => l.trim() !== ''), next: from + last + 1, size };
    } catch {
      return { lines: [], next: offset, size: offset };
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}

/** The length of a file's whole lines (up to and including its last newline). */
function wholeLinesLength(fd: number, size: number): number {
  const chunk = 64 * 1024;
  let end = size;
  const buf = Buffer.alloc(chunk);
  while (end > 0) {
    const start = Math.max(0, end - chunk);
    const n = readSync(fd, buf, 0, end - start, start);
    const i = buf.subarray(0, n).lastIndexOf(0x0a);
    if (i >= 0) return start + i + 1;
    end = start;
  }
  return 0;
}

function privateDir(d: string): void {
  try {
    mkdirSync(d, { mode: 0o700 });
    chmodSync(d, 0o700);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new OperationError(msg.sync.cannotWrite(d), msg.sync.cannotWriteHint);
  }
}

function readSmall(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const size = Math.min(fstatSync(fd).size, 64 * 1024);
    const buf = Buffer.alloc(size);
    readSync(fd, buf, 0, size, 0);
    return buf.toString('utf8');
  } finally {
    closeSync(fd);
  }
}
