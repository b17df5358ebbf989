// Long streaming work (export) with V8's allocation-site pretenuring off, and back on after.
//
// Why: export makes a record at a time and drops it once written, a million times over. Early in a run, while
// V8's young generation is still small, a collection can find most of what a line of code made still alive;
// V8 then decides that the line makes long-lived objects and allocates them in the old generation from then on,
// where they pile up as garbage until a full collection: a markdown export's peak memory went from ~130 MB to
// ~200 MB in the runs where that happened (timing decides, so some runs and not others, more often the longer the
// export). Making records one at a time from a batch (journal/batches.ts) made it rare (2 of 50 runs at 100,000
// records) but not gone (1 of 2 at a million). With the decision off, 0 of 16. The flag is one V8 reads at each
// collection; it is not part of what V8 checks a code cache against (checked), and it is set back when the work
// ends, so the rest of the process runs as usual.
import { setFlagsFromString } from 'node:v8';

export async function withoutPretenuring<T>(work: () => Promise<T>): Promise<T> {
  setFlagsFromString('--no-allocation-site-pretenuring');
  try {
    return await work();
  } finally {
    setFlagsFromString('--allocation-site-pretenuring');
  }
}
