// Looking at a journal without changing it: what `reframe doctor` reports.
// Never creates a journal, never migrates, never writes a byte into the file (SQL is query-only).
import Database from 'better-sqlite3-multiple-ciphers';
import { accessSync, closeSync, constants, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { classifyJournal, isSqliteHeader, readFacts } from './identity';
import { staleImports } from './fresh';
import { applyKey, isEncryptedFile, isNotADb, WrongPassphrase, type Key } from './cipher';
import { msg } from '../messages';

export interface FileMode {
  path: string;
  mode: number;
}

export interface Inspection {
  path: string;
  exists: boolean;
  /** What sits at the path, when something does. */
  entry?: 'file' | 'folder' | 'other';
  /** When there is no journal yet: the nearest existing folder, and whether a journal could be made there. */
  creatable?: { ok: boolean; at: string; reason?: 'notFolder' | 'noAccess' };
  sizeBytes?: number;
  file?: FileMode & { ownedByOther: boolean; access: boolean };
  /** The folder, checked only at the default location (a --db file may live in any folder). */
  folder?: FileMode;
  sidecars: FileMode[];
  backups: FileMode[];
  /** Private files a killed import left beside the journal (they hold records; the next import removes them). */
  leftovers: string[];
  sqlite?: boolean;
  openError?: 'busy' | 'damaged' | 'noAccess' | 'other';
  version?: number;
  appId?: number;
  ours?: boolean;
  /** 'ok', or SQLite's own lines (table and page numbers, never record text). */
  integrity?: string[];
  /** Part rows whose record is missing. */
  orphans?: number;
  /** Records with no feelings attached: a save that stopped half-way would look like this. */
  partial?: number;
  searchInStep?: boolean;
  /** The file is an encrypted journal (cipher.ts); keySource: where the passphrase that opened it came from. */
  encrypted?: boolean;
  keySource?: Key['source'];
  records?: number;
  checkins?: number;
  drafts?: { kind: string; count: number; targets: string[] }[];
}

function mode(p: string): FileMode | undefined {
  try {
    return { path: p, mode: statSync(p).mode & 0o777 };
  } catch {
    return undefined;
  }
}

function header(path: string): Buffer | undefined {
  try {
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(100);
      const n = readSync(fd, buf, 0, 100, 0);
      return buf.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

function nearestExisting(dir: string): string {
  let d = dir;
  while (!existsSync(d) && dirname(d) !== d) d = dirname(d);
  return d;
}

function creatable(path: string): Inspection['creatable'] {
  const at = nearestExisting(dirname(path));
  try {
    if (!statSync(at).isDirectory()) return { ok: false, at, reason: 'notFolder' };
    accessSync(at, constants.W_OK | constants.X_OK);
    return { ok: true, at };
  } catch {
    return { ok: false, at, reason: 'noAccess' };
  }
}

function classify(err: unknown): Inspection['openError'] {
  const code = String((err as { code?: string })?.code ?? '');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_IOERR')) return 'damaged';
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'EACCES') return 'noAccess';
  return 'other';
}

export function inspectJournal(path: string, opts: { defaultLocation: boolean; busyTimeoutMs?: number; key?: () => Key }): Inspection {
  const r: Inspection = { path, exists: false, sidecars: [], backups: [], leftovers: staleImports(path) };
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') r.creatable = { ok: false, at: nearestExisting(dirname(path)), reason: 'notFolder' };
    else if (code === 'EACCES') r.creatable = { ok: false, at: dirname(path), reason: 'noAccess' };
    else r.creatable = creatable(path);
    return r;
  }
  r.exists = true;
  r.entry = st.isDirectory() ? 'folder' : st.isFile() ? 'file' : 'other';
  if (r.entry !== 'file') return r;

  let access = true;
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
  } catch {
    access = false;
  }
  const uid = typeof process.getuid === 'function' ? process.getuid() : st.uid;
  r.file = { path, mode: st.mode & 0o777, ownedByOther: st.uid !== uid, access };
  if (opts.defaultLocation) r.folder = mode(dirname(path));
  r.sidecars = ['-wal', '-shm'].map((s) => mode(path + s)).filter((m): m is FileMode => m !== undefined);
  r.sizeBytes = st.size + (r.sidecars.find((s) => s.path.endsWith('-wal')) ? statSync(path + '-wal').size : 0);
  try {
    const dir = dirname(path);
    const base = basename(path);
    r.backups = readdirSync(dir)
      .filter((f) => f.startsWith(base + '.') && f.endsWith('.bak'))
      .map((f) => mode(join(dir, f)))
      .filter((m): m is FileMode => m !== undefined);
  } catch { /* the folder can't be listed: the file checks say enough */ }

  const head = header(path);
  if (st.size === 0) return r; // an empty file: reframe sets it up on first use
  r.encrypted = isEncryptedFile(path);
  r.sqlite = r.encrypted || (head !== undefined && isSqliteHeader(head));
  if (!r.sqlite || !access) return r;
  const key = r.encrypted && opts.key ? opts.key() : undefined;
  r.keySource = key?.source;

  // A journal in WAL mode with no -wal/-shm beside it: a read-only connection would leave new, empty ones
  // behind, so open it read-write but query-only; closing removes what opening made. Otherwise read-only.
  // (An encrypted header can't be read: read-write and query-only unless both sidecars are there.)
  const walMode = r.encrypted || (head!.length > 19 && head![18] === 2);
  const readonly = !walMode || r.sidecars.length === 2;
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true, readonly });
    if (key) applyKey(db, key.passphrase);
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs ?? 2000))}`);
    if (!readonly) db.pragma('query_only = 1');
    let facts;
    try {
      facts = readFacts(db);
    } catch (err) {
      if (key && isNotADb(err)) throw new WrongPassphrase(msg.cipher.wrong(path));
      throw err;
    }
    r.version = facts.version;
    r.appId = facts.appId;
    const tables = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')").pluck().all() as string[]));
    // Ours to look into: a journal of any version (doctor says when it is too new), or one not set up yet.
    r.ours = classifyJournal(facts) !== 'not-ours';
    if (!r.ours) return r;
    try {
      r.integrity = (db.prepare('PRAGMA integrity_check(20)').pluck().all() as string[]);
    } catch (err) {
      if (classify(err) !== 'damaged') throw err;
      r.integrity = [String((err as Error).message)];
    }
    if (r.integrity.length !== 1 || r.integrity[0] !== 'ok') return r;
    if (!tables.has('records')) return r;
    const count = (sql: string) => (db!.prepare(sql).pluck().get() as number);
    r.records = count('SELECT count(*) FROM records');
    r.orphans = (db.prepare('PRAGMA foreign_key_check').all() as unknown[]).length;
    r.partial = count('SELECT count(*) FROM records r WHERE NOT EXISTS (SELECT 1 FROM emotions e WHERE e.record_seq = r.seq)');
    if (tables.has('records_fts')) {
      r.searchInStep = count('SELECT count(*) FROM records_fts') === r.records
        && count('SELECT count(*) FROM records r WHERE NOT EXISTS (SELECT 1 FROM records_fts f WHERE f.rowid = r.seq)') === 0;
    }
    if (tables.has('checkins')) r.checkins = count('SELECT count(*) FROM checkins');
    if (tables.has('drafts')) {
      const rows = db.prepare('SELECT kind, target_id FROM drafts ORDER BY kind, updated_at').all() as { kind: string; target_id: string | null }[];
      const byKind = new Map<string, { kind: string; count: number; targets: string[] }>();
      for (const row of rows) {
        let k = byKind.get(row.kind);
        if (!k) byKind.set(row.kind, (k = { kind: row.kind, count: 0, targets: [] }));
        k.count++;
        if (row.target_id) k.targets.push(row.target_id);
      }
      r.drafts = [...byKind.values()];
    }
  } catch (err) {
    if (err instanceof WrongPassphrase) { try { db?.close(); } catch { /* best effort */ } throw err; }
    r.openError = classify(err);
  } finally {
    try { if (db?.open) db.close(); } catch { /* best effort */ }
  }
  return r;
}
