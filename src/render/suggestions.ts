// Suggested patterns for a thought, as text. Pure: (suggestions, theme) -> string.
import type { PatternSuggestion } from '../domain/suggest';
import type { Theme } from './theme';
import { msg } from '../messages';

/** On a terminal: a short list with the words that led to each. Piped: one tab-separated line each. */
export function renderSuggestions(list: PatternSuggestion[], t: Theme): string {
  if (!t.fancy) {
    return list
      .map((s) => [s.id, s.name, s.score.toFixed(2), s.because, s.fromHistory ? 'history' : ''].join('\t').replace(/\t+$/, ''))
      .join('\n');
  }
  const out = [t.heading(msg.suggest.header)];
  for (const s of list) {
    out.push('', `  ${t.label(s.name)} ${t.muted(`(${s.id})`)}  ${t.accent(bar(s.score, t.unicode))} ${t.muted(`${Math.round(s.score * 100)}%`)}`);
    if (s.because) out.push(`    ${msg.suggest.because} ${s.because}`);
    if (s.fromHistory) out.push(`    ${t.muted(msg.suggest.fromHistory)}`);
  }
  out.push('', t.muted(msg.suggest.more));
  return out.join('\n');
}

function bar(score: number, unicode = true): string {
  const n = Math.max(0, Math.min(5, Math.round(score * 5)));
  return unicode ? '●'.repeat(n) + '○'.repeat(5 - n) : '#'.repeat(n) + '.'.repeat(5 - n);
}
