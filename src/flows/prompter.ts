// The only way the guided flows ask questions. The real one wraps @inquirer/prompts;
// tests pass a fake that answers by prompt name.

export interface Choice<T> {
  value: T;
  name: string;
  description?: string;
  checked?: boolean;
}

export interface Prompter {
  /**
   * Free text. `long`: an answer may be several lines (a paste keeps all of them) and Ctrl-E, or "e" alone,
   * opens $VISUAL / $EDITOR on it.
   */
  input(o: { name: string; message: string; default?: string; required?: boolean; long?: boolean; validate?: (s: string) => true | string }): Promise<string>;
  rating(o: { name: string; message: string; default?: number }): Promise<number>;
  select<T>(o: { name: string; message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  checkbox<T>(o: { name: string; message: string; choices: Choice<T>[] }): Promise<T[]>;
  confirm(o: { name: string; message: string; default?: boolean }): Promise<boolean>;
  /** Show a line between questions (goes to the terminal, never to a pipe). */
  note(text: string): void;
}
