// Writes dist/man/reframe.1, the man page (`man reframe` after a global install), from the program's own help:
// `reframe --help`, `reframe help environment` and every command's and subcommand's `--help`, so the page never
// says something the program doesn't. Run by scripts/build.mjs once the bundle is built.
// Why not a generator package: the well-kept ones (marked-man, remark-man) turn markdown into roff, and
// commander's help is not markdown; a man page of plain, indented help is a dozen lines of roff.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

export function writeManPage(out = join(root, 'dist', 'man', 'reframe.1')) {
  const home = mkdtempSync(join(tmpdir(), 'reframe-man-'));
  const help = (...args) => {
    const r = spawnSync(process.execPath, [join(root, 'bin', 'reframe'), ...args], {
      encoding: 'utf8',
      cwd: home,
      env: { PATH: process.env.PATH ?? '', HOME: home, NO_COLOR: '1', COLUMNS: '78', LANG: 'C.UTF-8', REFRAME_PAGER: 'cat' },
    });
    if (r.status !== 0) throw new Error(`man: \`reframe ${args.join(' ')}\` exited ${r.status}: ${r.stderr}`);
    return r.stdout.replace(/\s+$/, '');
  };
  const commandsOf = (text) => {
    const m = /\nCommands:\n([\s\S]*?)(\n\n|$)/.exec(text);
    if (!m) return [];
    return m[1].split('\n').map((l) => /^ {2}([a-z][a-z-]*)\b/.exec(l)?.[1]).filter((c) => c && c !== 'help');
  };
  try {
    const top = help('--help');
    const sections = [];
    for (const cmd of commandsOf(top)) {
      const text = help(cmd, '--help');
      sections.push([`reframe ${cmd}`, text]);
      for (const sub of commandsOf(text)) sections.push([`reframe ${cmd} ${sub}`, help(cmd, sub, '--help')]);
    }
    const esc = (s) => s.replace(/\\/g, '\\e').replace(/^([.'])/gm, '\\&$1').replace(/-/g, '\\-');
    const block = (s) => `.nf\n${esc(s)}\n.fi\n`;
    const date = new Date(Number(process.env.SOURCE_DATE_EPOCH ?? 0) * 1000 || Date.now()).toISOString().slice(0, 10);
    let roff = `.TH REFRAME 1 "${date}" "${pkg.name} ${pkg.version}" "User Commands"\n`;
    roff += `.SH NAME\nreframe \\- ${esc(pkg.description)}\n`;
    roff += `.SH SYNOPSIS\n.B reframe\n[\\fIoptions\\fR] [\\fIcommand\\fR]\n`;
    roff += `.SH DESCRIPTION\n${block(top)}`;
    roff += `.SH ENVIRONMENT AND EXIT CODES\n${block(help('help', 'environment'))}`;
    roff += `.SH COMMANDS\n`;
    for (const [name, text] of sections) roff += `.SS ${esc(name)}\n${block(text)}`;
    roff += `.SH SEE ALSO\nThe README that comes with ${esc(pkg.name)}, and https://findahelpline.com for crisis lines near you.\n`;
    mkdirSync(join(out, '..'), { recursive: true });
    writeFileSync(`${out}.${process.pid}.tmp`, roff);
    renameSync(`${out}.${process.pid}.tmp`, out);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) writeManPage();
