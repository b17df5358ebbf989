// The free-text prompt of the guided flows (loaded only by flows/inquirer.ts): like @inquirer/input, but an
// answer may be several lines. A paste keeps every line (bracketed paste when the terminal speaks it, and
// otherwise any Enter that arrives in the same burst as more keys is a new line, not the end of the answer).
// Ctrl-E, or the answer "e" alone, opens $VISUAL / $EDITOR on the answer so far (editor.ts).
import { createPrompt, isEnterKey, isBackspaceKey, isTabKey, makeTheme, useEffect, useKeypress, usePrefix, useRef, useState } from '@inquirer/core';
import type { Status } from '@inquirer/core';
import { msg } from '../messages';

export interface TextConfig {
  message: string;
  default?: string;
  /** Offer the editor (Ctrl-E, or "e" alone). */
  editor?: (current: string) => { text?: string; problem?: string };
  validate?: (value: string) => true | string;
}

const PASTE_ON = '\u001b[?2004h';
const PASTE_OFF = '\u001b[?2004l';

export const textPrompt = createPrompt<string, TextConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<Status>('idle');
  const [lines, setLines] = useState<string[]>([]);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const prefix = usePrefix({ status, theme });
  // Kept across renders without re-rendering: inside a bracketed paste; keys seen since the last Enter.
  const paste = useRef({ inside: false, tick: 0 });

  // Ask the terminal to mark pastes (bracketed paste), and stop asking when the prompt is over.
  useEffect((rl) => {
    const raw = (s: string) => { rl.output.unmute(); rl.output.write(s); rl.output.mute(); };
    raw(PASTE_ON);
    return () => raw(PASTE_OFF);
  }, []);

  const finish = (answer: string) => {
    const checked = config.validate ? config.validate(answer) : true;
    if (checked !== true) {
      setError(checked);
      return false;
    }
    setStatus('done');
    done(answer);
    return true;
  };

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    const st = paste.current;
    if (key.name === 'paste-start') { st.inside = true; return; }
    if (key.name === 'paste-end') { st.inside = false; return; }
    st.tick++;
    if (key.ctrl && key.name === 'e' && config.editor) {
      openEditor(rl, [...lines, value].join('\n'));
      return;
    }
    if (isEnterKey(key)) {
      // readline has already cleared its line; `value` holds what was on it.
      if (st.inside) {
        setLines([...lines, value]);
        setValue('');
        return;
      }
      const tickAtEnter = st.tick;
      const all = [...lines, value];
      setLines(all);
      setValue('');
      // More keys in the same burst (a paste the terminal did not mark): this Enter was a new line.
      setImmediate(() => {
        if (paste.current.tick !== tickAtEnter) return;
        const answer = all.join('\n');
        if (config.editor && answer.trim() === 'e') {
          setLines([]);
          openEditor(rl, '');
          return;
        }
        const given = answer.trim() === '' && config.default !== undefined ? config.default : answer;
        if (!finish(given)) {
          // Keep what was written, so it can be fixed: the last line goes back on the line being typed.
          setLines(all.slice(0, -1));
          rl.write(all[all.length - 1]);
          setValue(all[all.length - 1]);
        }
      });
      return;
    }
    if (isTabKey(key) && value === '' && lines.length === 0 && config.default) {
      // Tab puts the current answer on the line to change it, as @inquirer/input does.
      const parts = config.default.split('\n');
      rl.clearLine(0);
      setLines(parts.slice(0, -1));
      rl.write(parts[parts.length - 1]);
      setValue(parts[parts.length - 1]);
      return;
    }
    if (isBackspaceKey(key) && value === '' && rl.line === '' && lines.length) {
      // Backspace at the start of a line joins it to the one above.
      const prev = lines[lines.length - 1];
      setLines(lines.slice(0, -1));
      rl.write(prev);
      setValue(prev);
      return;
    }
    setValue(rl.line);
    setError(undefined);
  });

  function openEditor(rl: Parameters<Parameters<typeof useKeypress>[0]>[1], current: string): void {
    const edited = config.editor!(current);
    if (edited.problem !== undefined) {
      setError(edited.problem);
      return;
    }
    const text = (edited.text ?? '').replace(/\r\n/g, '\n').replace(/\n+$/, '');
    if (text.trim() === '') {
      setError(msg.flow.editorEmpty);
      return;
    }
    rl.clearLine(0);
    const parts = text.split('\n');
    setLines(parts);
    setValue('');
    if (!finish(text)) {
      setLines(parts.slice(0, -1));
      rl.write(parts[parts.length - 1]);
      setValue(parts[parts.length - 1]);
    }
  }

  const message = theme.style.message(config.message, status);
  if (status === 'done') {
    const shown = [...lines, value].filter((l, i, a) => !(i === a.length - 1 && l === '')).join('\n');
    const answer = shown.trim() === '' && config.default !== undefined ? config.default : shown;
    const [first, ...rest] = answer.split('\n');
    return [[prefix, message, theme.style.answer(first)].join(' ') + rest.map((l) => '\n  ' + theme.style.answer(l)).join(''), ''];
  }
  const def = config.default !== undefined && lines.length === 0 && value === '' ? ' ' + theme.style.defaultAnswer(config.default) : '';
  const head = [prefix, message].join(' ') + def;
  const body = lines.length ? [head, ...lines.map((l) => '  ' + l), '  ' + value].join('\n') : `${head} ${value}`;
  const hint = config.editor && !error ? theme.style.help(msg.flow.editorHint) : '';
  return [body, error ? theme.style.error(error) : hint];
});
