// reframe completion SHELL, and the answers to `reframe __complete WORDS...` (see command.ts and scripts.ts).
import type { Command, Option } from 'commander';
import type { Context } from '../../context';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { SCRIPTS, SHELLS, type Shell } from './scripts';

export function runCompletion(shell: string, ctx: Context): void {
  const name = shell.trim().toLowerCase();
  if (!(SHELLS as readonly string[]).includes(name)) throw new UsageError(msg.shell.unknownShell(shell), msg.shell.unknownShellHint);
  ctx.io.stdout.write(SCRIPTS[name as Shell]);
}

interface Candidate { value: string; note?: string }
type Answer = Candidate[] | 'files';

/** Prints the candidates for the last word (one a line, `value\tnote`), then `:files` or `:`. Never fails loudly:
 * a Tab that finds nothing offers nothing. */
export async function runComplete(program: Command, words: string[], ctx: Context): Promise<void> {
  let answer: Answer = [];
  try {
    answer = complete(program, words.length ? words : [''], ctx);
  } catch { /* a locked or damaged journal: nothing to offer */ }
  const lines = answer === 'files' ? [':files'] : [...answer.map((c) => (c.note ? `${oneLine(c.value)}\t${oneLine(c.note)}` : oneLine(c.value))), ':'];
  ctx.io.stdout.write(lines.join('\n') + '\n');
}

const oneLine = (s: string) => s.replace(/[\t\n\r]+/g, ' ');

/** The options a command accepts there: its own, then every parent's (the global --db, --no-color). */
function optionsOf(cmd: Command): Option[] {
  const out: Option[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) out.push(...c.options.filter((o) => !o.hidden));
  return out;
}

const takesValue = (o: Option) => o.required || o.optional;

export function complete(program: Command, words: string[], ctx: Context): Answer {
  const done = words.slice(0, -1);
  const cur = words[words.length - 1] ?? '';
  let cmd = program;
  let expecting: Option | undefined;
  let positional = 0;
  let afterDashes = false;
  for (const w of done) {
    if (expecting) { expecting = undefined; continue; }
    if (w === '--') { afterDashes = true; continue; }
    if (!afterDashes && w.startsWith('-') && w !== '-') {
      if (w.includes('=')) continue;
      const o = optionsOf(cmd).find((x) => x.long === w || x.short === w);
      if (o && o.required) expecting = o;
      continue;
    }
    const sub = positional === 0 ? cmd.commands.find((c) => c.name() === w || c.aliases().includes(w)) : undefined;
    if (sub && !(sub as unknown as { _hidden?: boolean })._hidden) { cmd = sub; continue; }
    positional++;
  }
  const path = commandWords(cmd);
  if (expecting) return valuesFor(expecting, path, ctx);
  if (!afterDashes && cur.startsWith('--') && cur.includes('=')) {
    const flag = cur.slice(0, cur.indexOf('='));
    const o = optionsOf(cmd).find((x) => x.long === flag);
    if (!o || !takesValue(o)) return [];
    const vals = valuesFor(o, path, ctx);
    return vals === 'files' ? 'files' : vals.map((v) => ({ ...v, value: `${flag}=${v.value}` }));
  }
  if (!afterDashes && cur.startsWith('-')) {
    const flags: Candidate[] = optionsOf(cmd).map((o) => ({ value: o.long ?? o.short ?? '', note: o.description }));
    flags.push({ value: '--help', note: 'show help' });
    return flags.filter((f) => f.value);
  }
  const out: Candidate[] = [];
  if (positional === 0) {
    for (const c of cmd.commands) {
      if ((c as unknown as { _hidden?: boolean })._hidden) continue;
      out.push({ value: c.name(), note: c.description() });
    }
    if (cmd === program) out.push({ value: 'help', note: 'show help for a command' });
  }
  const args = cmd.registeredArguments;
  const arg = args[Math.min(positional, args.length - 1)];
  if (arg && (positional < args.length || arg.variadic)) {
    const more = valuesForArgument(arg.name(), path, ctx);
    if (more === 'files') return out.length ? out : 'files';
    out.push(...more);
  }
  return out;
}

function commandWords(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c && c.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

function patternIds(ctx: Context): Candidate[] {
  return ctx.library().patterns.map((p) => ({ value: p.id, note: p.name }));
}

function fromJournal(kind: 'tags' | 'emotions' | 'ids', ctx: Context): Candidate[] {
  // Never makes a journal: a Tab before the first record offers nothing from it.
  return ctx.journalIfExists()?.completionNames(kind) ?? [];
}

function valuesFor(o: Option, path: string, ctx: Context): Answer {
  if (o.argChoices) return o.argChoices.map((v) => ({ value: v }));
  switch (o.long) {
    case '--distortion': return patternIds(ctx);
    case '--emotion': return fromJournal('emotions', ctx);
    case '--tag': return fromJournal('tags', ctx);
    case '--format': return ['md', 'json', 'jsonl', 'csv'].map((value) => ({ value }));
    case '--by': return ['day', 'week', 'month'].map((value) => ({ value }));
    case '--db': case '--input': case '--out': case '--restore': case '--passphrase-file': case '--new-passphrase-file': return 'files';
    default: return path === 'backup' ? 'files' : [];
  }
}

function valuesForArgument(name: string, path: string, ctx: Context): Answer {
  if (path === 'distortions show') return patternIds(ctx);
  if (path === 'completion') return ['bash', 'zsh', 'fish'].map((value) => ({ value }));
  if (name === 'id') return fromJournal('ids', ctx);
  if (name === 'file') return 'files';
  return [];
}
