// Worker threads that run reframe's own code (import checks a big file on one: src/import/check.ts).
// A worker starts the same script this process was started with (bin/reframe, whatever form the build gives it)
// with REFRAME_WORKER set in its environment; src/main.ts then serves that task instead of the command line.
// Which script that is reaches the work through the Context (ctx.workerEntry): main.ts names it when it runs as
// the program; anywhere else (tests that call a command in-process) there is none, and the work is done on the
// calling thread.

/**
 * In a worker thread started for `task`: serve it and return true. On the main thread (REFRAME_WORKER set by
 * hand in a shell, say) return false: the caller runs the command line as usual.
 */
export async function serveWorker(task: string): Promise<boolean> {
  // node:worker_threads is imported by the task's own module (the bundle can't import() a built-in lazily).
  if (task === 'import-check') return (await import('./check')).serveCheck();
  return false;
}
