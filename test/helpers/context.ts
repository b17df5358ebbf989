// A Context for running commands in-process: captured output, a fixed clock, a fake prompter.
import { PassThrough } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from '../../src/context';
import type { Prompter, Choice } from '../../src/flows/prompter';
import { makeContext } from '../../src/runtime';
import { Cancelled } from '../../src/errors';

export class Captured {
  text = '';
  isTTY: boolean;
  columns = 100;
  constructor(isTTY: boolean) {
    this.isTTY = isTTY;
  }
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

export type Answer = string | number | boolean | string[] | number[] | typeof CTRL_C;
export const CTRL_C = Symbol('ctrl-c');

/**
 * Answers prompts by name, in order: answers.thought = ['first', 'second', ''] gives one per call.
 * An unexpected prompt (no answer left) fails the test.
 */
export class FakePrompter implements Prompter {
  asked: string[] = [];
  notes: string[] = [];
  /** The message of every prompt asked, by name. */
  messages: Record<string, string[]> = {};
  constructor(private answers: Record<string, Answer[]>) {}
  private next(name: string, message?: string): Answer {
    this.asked.push(name);
    if (message !== undefined) (this.messages[name] ??= []).push(message);
    const q = this.answers[name];
    if (!q || q.length === 0) throw new Error(`unexpected prompt: ${name}`);
    const a = q.shift()!;
    if (a === CTRL_C) throw Cancelled.stopped();
    return a;
  }
  async input(o: { name: string; message?: string; default?: string; validate?: (s: string) => true | string }) {
    const a = this.next(o.name, o.message);
    const s = a === '' && o.default !== undefined ? o.default : String(a);
    if (o.validate && o.validate(s) !== true) throw new Error(`invalid answer for ${o.name}`);
    return s;
  }
  async rating(o: { name: string; message?: string }) {
    return Number(this.next(o.name, o.message));
  }
  async select<T>(o: { name: string; choices: Choice<T>[] }): Promise<T> {
    const a = this.next(o.name);
    const c = o.choices.find((x) => x.value === (a as unknown) || x.name === a);
    if (!c) throw new Error(`no choice ${String(a)} for ${o.name}`);
    return c.value;
  }
  lastCheckbox: Choice<unknown>[] = [];
  async checkbox<T>(o: { name: string; choices: Choice<T>[] }): Promise<T[]> {
    this.lastCheckbox = o.choices as Choice<unknown>[];
    const a = this.next(o.name);
    // 'suggested': the person ticks what the flow marked as suggested (nothing comes ticked).
    if (a === 'suggested') return o.choices.filter((c) => /\(suggested/.test(String(c.name))).map((c) => c.value);
    return (a as unknown[]).map((v) => o.choices.find((c) => c.value === v)!.value);
  }
  async confirm(o: { name: string }) {
    return Boolean(this.next(o.name));
  }
  note(text: string) {
    this.notes.push(text);
  }
}

export interface TestContext {
  ctx: Context;
  stdout: Captured;
  stderr: Captured;
  dir: string;
  cleanup(): void;
}

export function testContext(o: { tty?: boolean; prompter?: Prompter; now?: Date; env?: Record<string, string> } = {}): TestContext {
  const dir = mkdtempSync(join(tmpdir(), 'reframe-ctx-'));
  const stdout = new Captured(Boolean(o.tty));
  const stderr = new Captured(Boolean(o.tty));
  const env = {
    HOME: join(dir, 'home'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_STATE_HOME: join(dir, 'state'),
    NO_COLOR: '1',
    ...o.env,
  };
  const now = o.now ?? new Date('2026-11-22T21:30:00.000Z');
  const ctx = makeContext({}, {
    io: { stdout, stderr, stdin: new PassThrough(), interactive: Boolean(o.tty) },
    env,
    now: () => now,
    prompter: o.prompter,
  });
  return {
    ctx, stdout, stderr, dir,
    cleanup: () => {
      try { ctx.journalIfExists()?.close(); } catch { /* ignore */ }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
