// Typed errors. Only src/main.ts turns them into an exit code.
// Messages here are shown to the person: never put the text of a record in one.

export class ReframeError extends Error {
  readonly exitCode: number = 1;
  /** An optional second line: what to do about it. */
  readonly hint?: string;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.hint = hint;
  }
}

/** Bad flag, bad date, rating out of range, malformed file: exit 2, nothing written. */
export class UsageError extends ReframeError {
  override readonly exitCode = 2;
}

/** The journal could not be opened, read or written: exit 1. */
export class JournalError extends ReframeError {
  override readonly exitCode = 1;
}

/** Any other operation that failed for a reason outside the person's input: exit 1. */
export class OperationError extends ReframeError {
  override readonly exitCode = 1;
}

/** Ctrl-C or Esc out of a prompt: exit 130. */
export class Cancelled extends ReframeError {
  override readonly exitCode = 130;

  /** The person stopped a prompt themselves: nothing more to say than what the command said already. */
  static stopped(): Cancelled {
    return new Cancelled(STOPPED);
  }

  get silent(): boolean {
    return this.message === STOPPED;
  }
}
const STOPPED = 'Stopped.';

/** "Is this a cancel?", in one place: the errors a prompt library throws when someone presses Ctrl-C or Esc. */
export function isPromptCancel(err: unknown): boolean {
  const name = (err as Error | undefined)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError';
}

export function toExitCode(err: unknown): number {
  if (err instanceof ReframeError) return err.exitCode;
  return 1;
}
