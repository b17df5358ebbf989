// The pattern library, as text.
import type { Library, Pattern, Strategy } from '../library/library';
import type { Theme } from './theme';
import { pad, wrap } from './text';
import { msg } from '../messages';

/** A pattern's kind in words ("core belief"); an unknown one shows as written. */
export function kindName(kind: string): string {
  return msg.patterns.kinds[kind]?.name ?? kind;
}

const GROUPS: [Pattern['group'], string][] = [
  ['thinking-error', 'Thinking patterns'],
  ['closeness', 'Closeness and trust'],
  ['defence', 'Ways we protect ourselves'],
  ['custom', 'Your own patterns'],
];

export function renderPatternList(lib: Library, t: Theme): string {
  const out: string[] = [];
  const wId = Math.max(...lib.patterns.map((p) => p.id.length));
  const wKind = Math.max(...lib.patterns.map((p) => kindName(p.kind).length));
  for (const [g, title] of GROUPS) {
    const ps = lib.patterns.filter((p) => p.group === g);
    if (!ps.length) continue;
    if (!t.fancy) {
      // The columns scripts know first; the kind was added after them.
      for (const p of ps) out.push([p.id, p.name, p.group, p.summary, p.kind].join('\t'));
      continue;
    }
    if (out.length) out.push('');
    out.push(t.heading(title));
    for (const p of ps) out.push(`  ${t.accent(pad(p.id, wId))}  ${t.muted(pad(kindName(p.kind), wKind))}  ${p.summary}`);
  }
  if (t.fancy) out.push('', t.muted('More about one: reframe distortions show ID'));
  return out.join('\n');
}

export function renderPattern(p: Pattern, strategies: Strategy[], t: Theme, columns: number): string {
  const w = Math.max(40, Math.min(columns, 100)) - 4;
  const bullet = t.unicode ? '•' : '-';
  const out = [`${t.heading(p.name)} ${t.muted(`(${p.id})`)}`, wrap(p.summary, w, '  ')];
  out.push(wrap(msg.patterns.kinds[p.kind]?.about ?? `${msg.patterns.kindLabel}: ${p.kind}`, w, '  '), '', wrap(p.description, w, '  '));
  out.push('', t.label('For example'), ...p.examples.map((e) => wrap(`"${e}"`, w, '    ').replace(/^ {4}/, `  ${bullet} `)));
  out.push('', t.label('Questions to ask'), ...p.questions.map((q) => wrap(q, w, '    ').replace(/^ {4}/, `  ${bullet} `)));
  out.push('', t.label('How to reframe it'), wrap(p.reframe, w, '  '));
  if (strategies.length) {
    out.push('', t.label('What can help'));
    for (const s of strategies.slice(0, 3)) out.push(wrap(`${s.name}: ${s.summary}`, w, '    ').replace(/^ {4}/, `  ${bullet} `));
  }
  return out.join('\n');
}
