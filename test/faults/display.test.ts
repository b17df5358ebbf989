// What reaches readers: --split front matter that YAML 1.1 and 1.2 readers (and PyYAML,
// when installed) read back exactly; bidi and zero-width characters never reach a terminal, and are refused in
// tags and feeling names.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { run, recordArgs, sandbox, type Sandbox } from '../helpers/run';
import { frontMatter, frontMatterData, PlainDate } from '../../src/render/frontmatter';
import { recordAt } from '../helpers/generate';
import { STACK } from '../helpers/faults';
import { dropControls, truncate } from '../../src/render/width';

let sb: Sandbox;
beforeEach(() => { sb = sandbox(); });
afterEach(() => sb.cleanup());

const AWKWARD = ['<<', '=', 'yes', 'no', 'on', 'off', 'y', 'n', 'true', 'null', '~', '123', '0x1f', '1_000', '1:20', '1e3', '.5', '2026-11-22',
  '-', '?', ':', '#x', '&a', '*a', '!t', '|', '>', '%', '@', '`', '"', "'", '[a]', '{a}', 'a: b', 'a #b', 'Null', 'NO', '.inf', 'ça', 'día-1', '日本'];

function fmYaml(text: string): string {
  return text.slice(4, text.indexOf('\n---\n', 4) + 1);
}

describe('--split front matter', () => {
  it('reads back the same in YAML 1.1 (with merge keys) and 1.2, for every awkward tag and feeling name', () => {
    for (const word of AWKWARD) {
      const r = { ...recordAt(new Date(Date.UTC(2026, 10, 22, 19))), tags: [word], emotions: [{ name: word, before: 50 }] };
      const yaml = fmYaml(frontMatter(r));
      const want = Object.fromEntries(Object.entries(frontMatterData(r)).map(([k, v]) => [k, v instanceof PlainDate ? v.text : v]));
      // 1.1 reads the unquoted local dates as timestamps (what Obsidian and Jekyll want); the rest the same.
      const v11 = parse(yaml, { version: '1.1', merge: true });
      expect(v11.date, `1.1: ${word}\n${yaml}`).toBeInstanceOf(Date);
      expect({ ...v11, date: want.date, datetime: want.datetime, created: want.created }, `1.1: ${word}\n${yaml}`).toEqual(want);
      expect(parse(yaml, { version: '1.2' }), `1.2: ${word}\n${yaml}`).toEqual(want);
    }
  });

  it('PyYAML reads the files export --split writes (when python3 has yaml)', () => {
    const py = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' });
    if (py.status !== 0) return;
    const file = join(sb.dir, 'awkward.jsonl');
    require('node:fs').writeFileSync(file, AWKWARD.filter((w) => !/[\s,]/.test(w) && w !== '#x').map((w, i) => JSON.stringify({
      id: `01JD7X4Q9V6M2W8K3T5R${String(i).padStart(6, '0')}`, createdAt: '2026-11-20T20:00:00.000Z', situation: 's', thought: 't',
      emotions: [{ name: w, before: 50 }], tags: [w.replace(/^#+/, '') || 'x'] })).join('\n'));
    const imp = run(sb, ['import', file]);
    expect(imp.code, imp.stderr).toBe(0);
    const out = join(sb.dir, 'notes');
    expect(run(sb, ['export', '--split', '--out', out]).code).toBe(0);
    const script = `import sys, yaml, json\nfor p in sys.argv[1:]:\n  t = open(p, encoding='utf-8').read()\n  fm = t[4:t.index('\\n---\\n', 4)]\n  d = yaml.safe_load(fm)\n  print(json.dumps({'tags': d['tags'], 'emotions': [k for k in d if k.endswith('-before')], 'date': type(d['date']).__name__}))\n`;
    const files = readdirSync(out).map((f) => join(out, f));
    const r = spawnSync('python3', ['-c', script, ...files], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const got = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const mdTags = files.map((f) => /\ntags:\n([\s\S]*?)\n---/.exec(readFileSync(f, 'utf8')));
    expect(mdTags.every(Boolean)).toBe(true);
    for (const g of got) {
      expect(typeof g.tags[0]).toBe('string');
      expect(typeof g.emotions[0]).toBe('string');
      expect(g.date).toBe('date');
    }
    const want = new Set(JSON.parse(run(sb, ['list', '--json']).stdout).map((x: { tags: string[] }) => x.tags[0]));
    expect(new Set(got.map((g) => g.tags[0]))).toEqual(want);
  });
});

const BIDI = ['\u202e', '\u202a', '\u202d', '\u2066', '\u2067', '\u2069', '\u200b', '\u2060', '\ufeff', '\u200e'];

describe('bidi and zero-width characters', () => {
  it('are dropped on the way to a terminal, and kept in JSON', () => {
    for (const c of BIDI) {
      expect(dropControls(`a${c}b`)).toBe('ab');
      expect(truncate(`a${c}b`, 10)).toBe('ab');
    }
    expect(dropControls('👩\u200d👩\u200d👧 fine')).toBe('👩\u200d👩\u200d👧 fine');
    const r = run(sb, ['new', '--situation', `paid \u202eevil\u202c ok`, '--thought', `t\u200bx`, '--emotion', 'sad:40']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(run(sb, ['list', '--json']).stdout)[0];
    expect(json.situation).toBe('paid \u202eevil\u202c ok'); // kept exactly as typed
    expect(run(sb, ['show', json.id], { env: { FORCE_TTY: '1' } }).code).toBe(0);
  });

  it('are refused in tags and feeling names: exit 2, one line, nothing saved', () => {
    expect(run(sb, recordArgs()).code).toBe(0);
    for (const c of BIDI) {
      for (const args of [recordArgs(['--tag', `wo${c}rk`]), ['new', '--situation', 's', '--thought', 't', '--emotion', `sa${c}d:40`]]) {
        const r = run(sb, args);
        expect(r.code, `${JSON.stringify(c)} ${r.stderr}`).toBe(2);
        expect(r.stderr).toMatch(/invisible direction or zero-width characters/);
        expect(r.stderr).not.toMatch(STACK);
      }
    }
    expect(run(sb, recordArgs(['--tag', '👩\u200d👩\u200d👧'])).code).toBe(0);
    expect(JSON.parse(run(sb, ['list', '--json']).stdout)).toHaveLength(2);
  });
});
