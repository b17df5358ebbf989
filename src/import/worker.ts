// Worker threads that run reframe's own code (import checks a big file on one: src/commands/import-check.ts).
// A worker starts the same script this process was started with (bin/reframe, whatever form the build gives it)
// with REFRAME_WORKER set in its environment; src/main.ts then serves that task instead of the command line.
// Only main.ts, when it runs as the program, says which script that is: anywhere else (tests that call a
// command in-process) there is none, and the work is done on the calling thread.

let entry: string | undefined;

/** Called by main.ts with the script that started this process. */
export function setWorkerEntry(script: string | undefined): void {
  entry = script;
}

/** The script a worker thread can start to run reframe code, when this process is reframe itself. */
export function workerEntry(): string | undefined {
  return entry;
}

/**
 * In a worker thread started for `task`: serve it and return true. On the main thread (REFRAME_WORKER set by
 * hand in a shell, say) return false: the caller runs the command line as usual.
 */
export async function serveWorker(task: string): Promise<boolean> {
  // node:worker_threads is imported by the task's own module (the bundle can't import() a built-in lazily).
  if (task === 'import-check') return (await import('./check')).serveCheck();
  return false;
}
