// The real prompter: @inquirer/prompts on the terminal. Loaded only by commands that ask.
import { input, select, checkbox, confirm, Separator } from '@inquirer/prompts';
import { Cancelled, isPromptCancel } from '../errors';
import { msg } from '../messages';
import type { Prompter } from './prompter';
import type { Output } from '../context';
import { textPrompt } from './text-prompt';
import { editInEditor } from './editor';

void Separator;

function cancelled(err: unknown): never {
  if (isPromptCancel(err)) throw Cancelled.stopped();
  throw err;
}

export function inquirerPrompter(stderr: Output, stdout: NodeJS.WritableStream, stdin: NodeJS.ReadableStream, env: NodeJS.ProcessEnv = {}): Prompter {
  const ctx = { input: stdin, output: stdout, clearPromptOnDone: false };
  return {
    async input(o) {
      if (o.long) {
        return textPrompt(
          {
            message: o.message,
            default: o.default,
            editor: (current) => editInEditor(current, env, stdin),
            validate: (s: string) => {
              if (o.required && s.trim() === '') return msg.flow.required;
              return o.validate ? o.validate(s) : true;
            },
          },
          ctx,
        ).catch(cancelled);
      }
      return input(
        {
          message: o.message,
          default: o.default,
          validate: (s: string) => {
            if (o.required && s.trim() === '') return msg.flow.required;
            return o.validate ? o.validate(s) : true;
          },
        },
        ctx,
      ).catch(cancelled);
    },
    async rating(o) {
      const s = await input(
        {
          message: o.message,
          default: o.default === undefined ? undefined : String(o.default),
          validate: (v: string) => (/^\s*(100|[1-9]?\d)\s*$/.test(v) ? true : msg.flow.ratingInvalid),
        },
        ctx,
      ).catch(cancelled);
      return Number(s.trim());
    },
    async select(o) {
      return select({ message: o.message, choices: o.choices, default: o.default, pageSize: 12 }, ctx).catch(cancelled);
    },
    async checkbox(o) {
      return checkbox({ message: o.message, choices: o.choices, pageSize: 12, loop: false }, ctx).catch(cancelled);
    },
    async confirm(o) {
      return confirm({ message: o.message, default: o.default }, ctx).catch(cancelled);
    },
    note(text: string) {
      stdout.write(text + '\n');
    },
  };
}
