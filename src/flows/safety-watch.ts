// What a guided flow is given to look after the person: after each free-text answer (saved first), the
// command shows the crisis note if the words call for it and asks how to go on (src/safety-note.ts).

export interface SafetyWatch {
  /** Look at the answer just saved; may show the note and ask how to go on. Throws StoppedHere to stop. */
  after(texts: (string | undefined)[]): Promise<void>;
  /** What the words suggest, without showing anything (awaited: the detector may still be loading). */
  assess(texts: (string | undefined)[]): { danger: boolean; abuse: boolean } | Promise<{ danger: boolean; abuse: boolean }>;
}

/** The person chose to stop here after the note: not an error; what was written is kept. */
export class StoppedHere extends Error {
  constructor() {
    super('stopped here');
    this.name = 'StoppedHere';
  }
}
