// reframe doctor: look at the journal (never creating, migrating or changing it) and say what was found.
import * as z from '../../zod-mini';
import type { Context } from '../../context';
import { OperationError, UsageError } from '../../errors';
import { msg } from '../../messages';
import { canPrompt, keyForOpen, WrongPassphrase, type KeySource } from '../../journal/cipher';
import { inspectJournal, type FileMode, type Inspection } from '../../journal/inspect';
import { SCHEMA_VERSION } from '../../journal/schema-version';
import { parseOptions } from '../../input/options';
import { dirname, join } from 'node:path';
import { freeBytes, upgradeNeed } from '../../journal/upgrade-space';
import { ensureNative } from '../../journal/native';
import { findLeftovers } from '../../io/leftovers';
import { loadLibrary } from '../../library/library';
import { dataDir } from '../../library/data-dir';
import { loadPrompts } from '../../domain/prompts';
import { isDeepStrictEqual } from 'node:util';
import { readFileSync } from 'node:fs';

const schema = z.object({ json: z.optional(z.boolean()) });

export type Status = 'ok' | 'warning' | 'problem';

export interface Finding {
  check: string;
  status: Status;
  message: string;
  fix?: string;
}

const octal = (m: number) => m.toString(8).padStart(3, '0');

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function permissions(r: Inspection, add: (f: Finding) => void): void {
  const file = r.file!;
  if (!file.access) add({ check: 'access', status: 'problem', message: msg.doctor.noAccess, fix: msg.doctor.noAccessFix });
  if (file.ownedByOther) add({ check: 'owner', status: 'warning', message: msg.doctor.otherOwner(file.path), fix: msg.doctor.otherOwnerFix });
  const loose = (what: string, m: FileMode, want: string) => add({
    check: 'permissions', status: 'warning', message: msg.doctor.loose(what, m.path, octal(m.mode)), fix: msg.doctor.looseFix(`chmod ${want} ${m.path}`),
  });
  const files = [file, ...r.sidecars];
  files.filter((m) => m.mode & 0o077).forEach((m) => loose('The file', m, '600'));
  if (r.folder && r.folder.mode & 0o077) loose('The folder', r.folder, '700');
  r.backups.filter((m) => m.mode & 0o077).forEach((m) => loose('The backup', m, '600'));
  if (files.every((m) => !(m.mode & 0o077)) && !(r.folder && r.folder.mode & 0o077)) {
    const modes = [`file ${octal(file.mode)}`, ...(r.folder ? [`folder ${octal(r.folder.mode)}`] : [])].join(', ');
    add({ check: 'permissions', status: 'ok', message: msg.doctor.private('the journal', modes) });
  }
  const tight = r.backups.filter((m) => !(m.mode & 0o077));
  if (tight.length) add({ check: 'backups', status: 'ok', message: msg.doctor.backups(tight.length) });
}

/**
 * reframe's own files in data/, checked against their schemas: the everyday commands read them unchecked (the
 * library's built-in files, daily's prompts, the names daily and stats show), so a damaged install is found here.
 */
export function programFiles(dir = dataDir()): Finding {
  try {
    const library = loadLibrary({ dir });
    loadPrompts(join(dir, 'prompts.json'));
    const file = join(dir, 'pattern-names.json');
    let names: unknown;
    try {
      names = JSON.parse(readFileSync(file, 'utf8'));
    } catch { /* said below */ }
    if (!isDeepStrictEqual(names, { version: 1, names: Object.fromEntries(library.patterns.map((p) => [p.id, p.name])) })) {
      return { check: 'program', status: 'problem', message: msg.doctor.programBroken(msg.doctor.programNamesOut(file)), fix: msg.doctor.programFix };
    }
    return { check: 'program', status: 'ok', message: msg.doctor.programOk };
  } catch (err) {
    if (!(err instanceof UsageError || err instanceof OperationError)) throw err;
    return { check: 'program', status: 'problem', message: msg.doctor.programBroken(err.message), fix: msg.doctor.programFix };
  }
}

/** Inspection -> findings, in the order a person would want to read them. */
export function diagnose(r: Inspection): Finding[] {
  const leftovers: Finding[] = r.leftovers.map((p) => ({ check: 'leftovers', status: 'warning', message: msg.doctor.leftover(p), fix: msg.doctor.leftoverFix(p) }));
  return [...diagnoseJournal(r), ...leftovers];
}

function diagnoseJournal(r: Inspection): Finding[] {
  const out: Finding[] = [];
  const perms: Finding[] = [];
  const add = (f: Finding) => out.push(f);
  const done = () => {
    // Permissions after what the file is; drafts (when known) last.
    const drafts = out.findIndex((f) => f.check === 'drafts');
    if (drafts < 0) return [...out, ...perms];
    return [...out.slice(0, drafts), ...perms, ...out.slice(drafts)];
  };
  if (!r.exists) {
    if (r.creatable?.ok) add({ check: 'exists', status: 'ok', message: msg.doctor.missing });
    else add({ check: 'exists', status: 'problem', message: msg.doctor.cantCreate(r.creatable?.at ?? r.path), fix: msg.doctor.cantCreateFix });
    return out;
  }
  if (r.entry === 'folder') return [{ check: 'file', status: 'problem', message: msg.doctor.folder, fix: msg.doctor.folderFix }];
  if (r.entry !== 'file') return [{ check: 'file', status: 'problem', message: msg.doctor.notFile, fix: msg.doctor.folderFix }];
  permissions(r, (f) => perms.push(f));
  if (r.sizeBytes === 0) {
    add({ check: 'file', status: 'ok', message: msg.doctor.emptyFile });
    return done();
  }
  if (r.encrypted !== undefined && r.sqlite) { // said of a database only, not of a file that isn't one
    add({ check: 'encryption', status: 'ok', message: r.encrypted && r.keySource ? msg.cipher.doctorUnlocked(r.keySource) : msg.cipher.doctorPlain });
  }
  if (r.sqlite === false) {
    add({ check: 'file', status: 'problem', message: msg.doctor.notSqlite, fix: msg.doctor.restoreFix });
    return done();
  }
  if (!r.file?.access) return done();
  if (r.openError === 'busy') add({ check: 'open', status: 'problem', message: msg.doctor.busy, fix: msg.doctor.busyFix });
  else if (r.openError === 'damaged') add({ check: 'open', status: 'problem', message: msg.doctor.damaged, fix: msg.doctor.restoreFix });
  else if (r.openError) add({ check: 'open', status: 'problem', message: msg.doctor.cantCheck, fix: msg.doctor.noAccessFix });
  if (r.ours === false) add({ check: 'identity', status: 'problem', message: msg.doctor.notOurs, fix: msg.doctor.restoreFix });
  if (r.openError || r.ours !== true) return done();

  if (r.version === 0) add({ check: 'schema', status: 'ok', message: msg.doctor.emptyDb });
  else {
    add({ check: 'identity', status: 'ok', message: msg.doctor.marked });
    if (r.version! > SCHEMA_VERSION) add({ check: 'schema', status: 'problem', message: msg.doctor.schemaNew(r.version!, SCHEMA_VERSION), fix: msg.doctor.schemaNewFix });
    else if (r.version! < SCHEMA_VERSION) {
      // An upgrade needs room for a copy and the rewrite (journal/upgrade-space.ts); without it, read-only.
      const need = upgradeNeed(r.path);
      const free = freeBytes(dirname(r.path));
      if (free < need) {
        add({ check: 'schema', status: 'problem', message: msg.faults.upgradeNoRoomDoctor(r.version!, SCHEMA_VERSION, msg.faults.mb(need), msg.faults.mb(free)), fix: msg.faults.upgradeNoRoomFix });
      } else add({ check: 'schema', status: 'ok', message: msg.doctor.schemaOld(r.version!, SCHEMA_VERSION) });
    }
    else add({ check: 'schema', status: 'ok', message: msg.doctor.schemaOk(r.version!) });
  }
  const integrity = r.integrity ?? [];
  if (integrity.length === 1 && integrity[0] === 'ok') add({ check: 'integrity', status: 'ok', message: msg.doctor.integrityOk });
  else {
    add({ check: 'integrity', status: 'problem', message: msg.doctor.integrityBad(integrity.length), fix: msg.doctor.restoreFix });
    return done();
  }
  if (r.orphans) add({ check: 'records', status: 'problem', message: msg.doctor.orphans(r.orphans), fix: msg.doctor.restoreFix });
  if (r.partial) add({ check: 'records', status: 'problem', message: msg.doctor.partial(r.partial), fix: msg.doctor.restoreFix });
  if (r.searchInStep === false) add({ check: 'search', status: 'warning', message: msg.doctor.searchOff });
  if (r.records !== undefined) add({ check: 'records', status: 'ok', message: msg.doctor.contents(r.records, size(r.sizeBytes ?? 0), r.checkins) });
  if (r.drafts) {
    const n = r.drafts.reduce((a, d) => a + d.count, 0);
    add({ check: 'drafts', status: 'ok', message: n ? msg.doctor.drafts(n, r.drafts.map((d) => msg.doctor.draftKind(d.kind, d.count)).join(', ')) : msg.doctor.noDrafts });
  }
  return done();
}

export async function runDoctor(raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  ensureNative();
  const busy = Number(ctx.env.REFRAME_BUSY_TIMEOUT_MS);
  // The key as every command gets it; a stale keyring entry: one line, then the prompt (or exit 2 without one).
  let source: KeySource | undefined;
  const inspect = (keyring: boolean) => inspectJournal(ctx.paths.db, {
    defaultLocation: !ctx.paths.dbExplicit, busyTimeoutMs: Number.isFinite(busy) && busy >= 0 ? busy : 2000,
    key: () => {
      const k = keyForOpen({ passphraseFile: ctx.passphraseFile, env: ctx.env, attempt: 0, path: ctx.paths.db, stateDir: ctx.paths.stateDir, helper: ctx.workerEntry, keyring, say: (l) => ctx.say(ctx.errTheme.muted(l)) });
      source = k.source;
      return k;
    },
  });
  let r: Inspection;
  try {
    r = inspect(true);
  } catch (err) {
    if (!(err instanceof WrongPassphrase) || source !== 'keyring') throw err;
    if (!canPrompt()) throw new UsageError(msg.cipher.keyringWrongNoTerminal(ctx.paths.db));
    ctx.say(ctx.errTheme.warn(msg.cipher.keyringWrong));
    r = inspect(false);
  }
  // What killed exports, backups, upgrades and restores left (leftovers.ts): named, never removed here.
  const findings = [...diagnose(r), ...findLeftovers(ctx.paths.db).files.map((f): Finding => ({
    check: 'leftovers', status: 'warning', message: msg.faults.leftover(f.kind, f.path), fix: msg.faults.leftoverFix(f.path),
  })), programFiles()];
  const problems = findings.filter((f) => f.status === 'problem').length;
  const warnings = findings.filter((f) => f.status === 'warning').length;
  if (opts.json) {
    const drafts = r.drafts?.map(({ kind, count }) => ({ kind, count })) ?? [];
    ctx.out(JSON.stringify({
      path: r.path, exists: r.exists, healthy: problems === 0,
      schema: { found: r.version ?? null, expected: SCHEMA_VERSION },
      records: r.records ?? null, drafts, sizeBytes: r.sizeBytes ?? null, findings,
    }, null, 2));
  } else {
    const t = ctx.theme;
    const paint = { ok: t.good, warning: t.warn, problem: t.bad };
    const lines = [t.heading(msg.doctor.heading(r.path))];
    for (const f of findings) {
      lines.push(`  ${paint[f.status](msg.doctor.status[f.status].padEnd(8))} ${f.message}`);
      if (f.fix) lines.push(`  ${' '.repeat(8)} ${t.muted(f.fix)}`);
    }
    if (!problems) lines.push('', warnings ? msg.doctor.warningsOnly(warnings) : msg.doctor.healthy);
    ctx.out(lines.join('\n'));
  }
  if (problems) throw new OperationError(msg.doctor.problems(problems), msg.doctor.problemsHint);
}
