// Code a command needs a moment from now, not to draw its first question: loaded when first asked for, or once the
// question has had a moment on screen (`ms`), whichever comes first. Whoever needs it awaits it, so nothing that
// depends on it (the safety note above all) is ever skipped: at most it waits for the load.

/** A loader that starts by itself after `ms` (or at the first call) and always gives the same promise. */
export function soon<T>(load: () => Promise<T>, ms = 40): () => Promise<T> {
  let started: Promise<T> | undefined;
  const get = () => (started ??= load());
  const timer = setTimeout(() => { get().catch(() => { /* said to whoever awaits it */ }); }, ms);
  timer.unref?.();
  return get;
}
