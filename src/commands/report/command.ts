// reframe report: wiring (flags, help, examples). The work is in ./run.ts, loaded only when the command runs.
import type { Wiring } from '../kit';

export function wireReport(w: Wiring): void {
  w.filterFlags(w.program.command('report'), 'only the newest N records')
    .description('A printable HTML report to bring to therapy; with an ID, that record as a 7-column worksheet')
    .argument('[id]', 'a record id (or its first 6+ characters): that record as a worksheet')
    .option('--out <file>', 'write here (0600, replaced whole); - for standard output (default: a dated name in this folder)')
    .option('--blank', 'an empty 7-column worksheet to print and fill in by hand')
    .option('--json', "the summary's numbers as JSON on standard output (with an ID: the record)")
    .addHelpText('after', w.examples(
      'reframe report --since 4w',
      'reframe report --tag work --out work.html',
      'reframe report 01JD7X',
      'reframe report --blank --out worksheet.html',
      'reframe report --since 30d --out - | wc -c',
    ))
    .action(w.action(async (ctx, opts, id) => (await import('./run')).runReport(id, opts, ctx)));
}
