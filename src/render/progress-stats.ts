// `stats` on a terminal, issue 15's part: each belief's conviction over time (a chart when rated 2+ times), and
// the experiments. Loaded only for people, like render/stats.ts.
import { plot } from 'asciichart';
import type { Theme } from './theme';
import type { BeliefTrend, ExperimentFigures } from '../domain/progress-stats';
import { arrow } from './card';
import { truncate, wrap } from './text';
import { msg } from '../messages';

const p = msg.progress;

export function renderProgressStats(beliefs: BeliefTrend[], ex: ExperimentFigures, t: Theme, width = 80): string {
  const W = Math.max(60, Math.min(width, 120));
  const lines: string[] = [];
  const rated = beliefs.filter((b) => b.ratings.length > 0);
  if (rated.length) {
    lines.push('', t.heading(p.beliefsHeading));
    for (const b of rated) {
      const path = b.first === b.latest ? `${b.latest}` : `${b.first} ${arrow(t)} ${b.latest}`;
      lines.push(`  ${truncate(b.text.split('\n')[0], W - 16)}  ${b.latest! < b.first! ? t.good(path) : path}`);
      if (b.ratings.length >= 2) {
        const series = b.ratings.slice(-Math.max(10, W - 14)).map((r) => r.conviction);
        const chart = plot(series, {
          min: 0, max: 100, height: 4, offset: 2,
          format: (x: number) => String(Math.round(x)).padStart(5),
          symbols: t.fancy ? undefined : ['+', '|', '-', '-', '-', '\\', '/', '\\', '/', '|'],
        });
        lines.push(...chart.split('\n').map((l) => `  ${t.accent(l)}`));
      }
    }
  }
  if (ex.planned > 0) {
    lines.push('', t.heading(p.experimentsHeading), wrap(p.experimentsLine(ex.planned, ex.done), W - 4, '  '));
    lines.push(wrap(ex.meanCameTrue === null ? p.cameTrueNone : p.cameTrueLine(ex.meanCameTrue), W - 4, '  '));
  }
  return lines.join('\n');
}
