// Drive reframe through a real pseudo-terminal with tmux: type with send-keys, read with capture-pane.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BIN, type Sandbox } from './run';

export function hasTmux(): boolean {
  return spawnSync('tmux', ['-V']).status === 0;
}

function shq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export class Terminal {
  private socket: string;
  private name = 'reframe';
  constructor(private sb: Sandbox, args: string[], env: Record<string, string> = {}) {
    this.socket = `reframe-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const vars = { ...sb.env, TERM: 'xterm-256color', ...env };
    const envArgs = Object.entries(vars).map(([k, v]) => shq(`${k}=${v}`)).join(' ');
    // After reframe exits, print its exit code and keep the pane open to be read.
    const cmd = `env -i ${envArgs} ${shq(process.execPath)} ${shq(BIN)} ${args.map(shq).join(' ')}; echo "[exit:$?]"; sleep 600`;
    execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', 'new-session', '-d', '-s', this.name, '-x', '120', '-y', '50', cmd]);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Any other tmux command on this terminal's server (load-buffer, paste-buffer for a paste). */
  tmuxCmd(...args: string[]): string {
    return this.tmux(...args);
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', this.name);
  }

  /** Type text literally, then optionally press Enter. */
  type(text: string, enter = true): void {
    if (text) this.tmux('send-keys', '-t', this.name, '-l', text);
    if (enter) this.tmux('send-keys', '-t', this.name, 'Enter');
  }

  key(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  /** Wait until the screen matches, counting occurrences so repeated prompts can be told apart. */
  async waitFor(re: RegExp | string, opts: { timeoutMs?: number; count?: number } = {}): Promise<string> {
    const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
    const count = opts.count ?? 1;
    let last = '';
    while (Date.now() < deadline) {
      last = this.screen();
      const n = typeof re === 'string' ? last.split(re).length - 1 : (last.match(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')) ?? []).length;
      if (n >= count) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${String(re)} (x${count}); screen was:\n${last}`);
  }

  async exitCode(timeoutMs = 15_000): Promise<number> {
    const s = await this.waitFor(/\[exit:(\d+)\]/, { timeoutMs });
    return Number(/\[exit:(\d+)\]/.exec(s)![1]);
  }

  /** The pid of reframe itself: the child of the pane's shell (for kill -9 tests). */
  programPid(): number {
    const shell = this.tmux('display-message', '-p', '-t', this.name, '#{pane_pid}').trim();
    const kids = readFileSync(`/proc/${shell}/task/${shell}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    if (kids.length !== 1) throw new Error(`expected one program in the pane, found ${kids.length}`);
    return Number(kids[0]);
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}
