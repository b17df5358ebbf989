// A very small D-Bus client: just enough for the keyring helper (keyring-helper.ts) to ask the session bus,
// before the keyring library is ever loaded, whether a real Secret Service is running there (NameHasOwner on
// org.freedesktop.secrets: never started on demand) and what it holds for one journal (SearchItems: which
// matching items are unlocked and which are locked, without unlocking anything, so no unlock dialog is ever
// raised), and whether its default collection is unlocked. Unix sockets only (path= or abstract=), EXTERNAL
// authentication, little-endian messages out; both byte orders in. It never sends or reads a secret.
import { createConnection, type Socket } from 'node:net';

/** The socket of the first unix: address in DBUS_SESSION_BUS_ADDRESS ('\0...' for an abstract one). */
export function busSocketPath(address: string | undefined): string | undefined {
  if (!address) return undefined;
  for (const part of address.split(';')) {
    const m = /^unix:(.*)$/.exec(part.trim());
    if (!m) continue;
    const kv = new Map<string, string>();
    for (const pair of m[1].split(',')) {
      const i = pair.indexOf('=');
      if (i > 0) kv.set(pair.slice(0, i), unescapeValue(pair.slice(i + 1)));
    }
    const path = kv.get('path');
    if (path) return path;
    const abstract = kv.get('abstract');
    if (abstract) return '\0' + abstract;
  }
  return undefined;
}

/** D-Bus address values escape bytes as %XX. */
function unescapeValue(v: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < v.length; i++) {
    if (v[i] === '%' && /^[0-9a-fA-F]{2}$/.test(v.slice(i + 1, i + 3))) {
      bytes.push(parseInt(v.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(v[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Marshals values with D-Bus alignment, counted from the start of what it writes. */
class Writer {
  private bytes: number[] = [];
  get length(): number { return this.bytes.length; }
  align(n: number): void { while (this.bytes.length % n) this.bytes.push(0); }
  byte(b: number): void { this.bytes.push(b & 0xff); }
  u32(v: number): void {
    this.align(4);
    this.bytes.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  }
  setU32(at: number, v: number): void {
    this.bytes[at] = v & 0xff; this.bytes[at + 1] = (v >>> 8) & 0xff; this.bytes[at + 2] = (v >>> 16) & 0xff; this.bytes[at + 3] = (v >>> 24) & 0xff;
  }
  str(s: string): void {
    const b = Buffer.from(s, 'utf8');
    this.u32(b.length);
    for (const x of b) this.bytes.push(x);
    this.bytes.push(0);
  }
  sig(s: string): void {
    this.byte(s.length);
    for (const x of Buffer.from(s, 'latin1')) this.bytes.push(x);
    this.bytes.push(0);
  }
  /** a{ss} */
  dict(entries: [string, string][]): void {
    this.u32(0);
    const at = this.length - 4;
    this.align(8);
    const start = this.length;
    for (const [k, v] of entries) {
      this.align(8);
      this.str(k);
      this.str(v);
    }
    this.setU32(at, this.length - start);
  }
  buffer(): Buffer { return Buffer.from(this.bytes); }
}

/** Reads values from one whole message (alignment counted from the message's start). */
class Reader {
  constructor(private buf: Buffer, public pos: number, private le: boolean) {}
  align(n: number): void { this.pos = Math.ceil(this.pos / n) * n; }
  byte(): number { return this.buf[this.pos++]; }
  u32(): number {
    this.align(4);
    const v = this.le ? this.buf.readUInt32LE(this.pos) : this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  str(): string {
    const n = this.u32();
    const s = this.buf.toString('utf8', this.pos, this.pos + n);
    this.pos += n + 1;
    return s;
  }
  sig(): string {
    const n = this.byte();
    const s = this.buf.toString('latin1', this.pos, this.pos + n);
    this.pos += n + 1;
    return s;
  }
  /** ao */
  paths(): string[] {
    const n = this.u32();
    this.align(4);
    const end = this.pos + n;
    const out: string[] = [];
    while (this.pos < end) out.push(this.str());
    return out;
  }
}

interface Call {
  path: string;
  iface: string;
  member: string;
  dest: string;
  signature?: string;
  body?: (w: Writer) => void;
}

function encode(serial: number, c: Call): Buffer {
  const body = new Writer();
  c.body?.(body);
  const b = body.buffer();
  const h = new Writer();
  h.byte(0x6c); // 'l': little-endian
  h.byte(1); // a method call
  h.byte(0);
  h.byte(1); // protocol version
  h.u32(b.length);
  h.u32(serial);
  h.u32(0);
  const lenAt = h.length - 4;
  const start = h.length;
  const field = (code: number, type: string, value: string) => {
    h.align(8);
    h.byte(code);
    h.sig(type);
    if (type === 'g') h.sig(value);
    else h.str(value);
  };
  field(1, 'o', c.path);
  field(2, 's', c.iface);
  field(3, 's', c.member);
  field(6, 's', c.dest);
  if (c.signature) field(8, 'g', c.signature);
  h.setU32(lenAt, h.length - start);
  h.align(8);
  return Buffer.concat([h.buffer(), b]);
}

interface Reply {
  error?: string;
  signature: string;
  body: Reader;
}

/** One connection to a bus: calls answered in order of their serials. Closed by close() or on any error. */
class Bus {
  private socket: Socket;
  private pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  private data = Buffer.alloc(0);
  private authed = false;
  private serial = 0;
  private failed: Error | undefined;
  private ready: Promise<void>;

  constructor(socketPath: string) {
    this.socket = createConnection({ path: socketPath });
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', () => {
        const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
        this.socket.write(Buffer.concat([Buffer.from([0]), Buffer.from(`AUTH EXTERNAL ${Buffer.from(String(uid)).toString('hex')}\r\n`, 'latin1')]));
      });
      this.socket.on('data', (chunk: Buffer) => {
        this.data = Buffer.concat([this.data, chunk]);
        if (!this.authed) {
          const eol = this.data.indexOf('\r\n');
          if (eol < 0) return;
          const line = this.data.toString('latin1', 0, eol);
          this.data = this.data.subarray(eol + 2);
          if (!line.startsWith('OK ')) { this.fail(new Error('the session bus refused to talk')); reject(this.failed!); return; }
          this.authed = true;
          this.socket.write('BEGIN\r\n');
          resolve();
        }
        this.drain();
      });
      this.socket.on('error', (err) => { this.fail(err); reject(err); });
      this.socket.on('close', () => { this.fail(new Error('the session bus closed the connection')); reject(this.failed!); });
    });
    this.ready.catch(() => { /* said through the calls */ });
  }

  private fail(err: Error): void {
    if (!this.failed) this.failed = err;
    for (const p of this.pending.values()) p.reject(this.failed);
    this.pending.clear();
  }

  private drain(): void {
    while (this.data.length >= 16) {
      const le = this.data[0] === 0x6c;
      const bodyLen = le ? this.data.readUInt32LE(4) : this.data.readUInt32BE(4);
      const fieldsLen = le ? this.data.readUInt32LE(12) : this.data.readUInt32BE(12);
      const bodyStart = Math.ceil((16 + fieldsLen) / 8) * 8;
      const total = bodyStart + bodyLen;
      if (this.data.length < total) return;
      const msg = this.data.subarray(0, total);
      this.data = this.data.subarray(total);
      const type = msg[1];
      if (type !== 2 && type !== 3) continue; // signals (NameAcquired) and anything else: not ours
      const r = new Reader(msg, 16, le);
      let replyTo: number | undefined;
      let error: string | undefined;
      let signature = '';
      try {
        while (r.pos < 16 + fieldsLen) {
          r.align(8);
          const code = r.byte();
          const t = r.sig();
          const value = t === 'u' ? r.u32() : t === 'g' ? r.sig() : t === 'o' || t === 's' ? r.str() : undefined;
          if (value === undefined) break; // a field of a type this client never needs: the rest is skipped
          if (code === 5) replyTo = value as number;
          if (code === 4) error = value as string;
          if (code === 8) signature = value as string;
        }
      } catch {
        continue;
      }
      if (replyTo === undefined) continue;
      const p = this.pending.get(replyTo);
      if (!p) continue;
      this.pending.delete(replyTo);
      p.resolve({ error, signature, body: new Reader(msg, bodyStart, le) });
    }
  }

  async call(c: Call): Promise<Reply> {
    await this.ready;
    if (this.failed) throw this.failed;
    const serial = ++this.serial;
    return new Promise((resolve, reject) => {
      this.pending.set(serial, { resolve, reject });
      this.socket.write(encode(serial, c));
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

const DBUS = { path: '/org/freedesktop/DBus', iface: 'org.freedesktop.DBus', dest: 'org.freedesktop.DBus' };
const SECRETS = { path: '/org/freedesktop/secrets', iface: 'org.freedesktop.Secret.Service', dest: 'org.freedesktop.secrets' };

export interface SecretServiceView {
  /** A Secret Service owns org.freedesktop.secrets on this bus now. */
  present: boolean;
  /** Matching items, by state (only when present and attributes were given). */
  unlocked: number;
  locked: number;
  /** The default collection exists and is unlocked (only when present). */
  defaultUnlocked: boolean;
}

/**
 * Look at the Secret Service on the bus at `socketPath` without changing or unlocking anything. Rejects when the
 * bus can't be reached or doesn't answer within timeoutMs.
 */
export async function viewSecretService(socketPath: string, attributes: Record<string, string>, timeoutMs: number): Promise<SecretServiceView> {
  const bus = new Bus(socketPath);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('the session bus did not answer in time')), timeoutMs); });
  const work = async (): Promise<SecretServiceView> => {
    const hello = await bus.call({ ...DBUS, member: 'Hello' });
    if (hello.error) throw new Error(hello.error);
    const owner = await bus.call({ ...DBUS, member: 'NameHasOwner', signature: 's', body: (w) => w.str(SECRETS.dest) });
    if (owner.error || owner.signature !== 'b') throw new Error(owner.error ?? 'an unexpected answer from the session bus');
    const present = owner.body.u32() !== 0;
    const view: SecretServiceView = { present, unlocked: 0, locked: 0, defaultUnlocked: false };
    if (!present) return view;
    const found = await bus.call({ ...SECRETS, member: 'SearchItems', signature: 'a{ss}', body: (w) => w.dict(Object.entries(attributes)) });
    if (found.error || found.signature !== 'aoao') throw new Error(found.error ?? 'an unexpected answer from the Secret Service');
    view.unlocked = found.body.paths().length;
    view.locked = found.body.paths().length;
    const alias = await bus.call({ ...SECRETS, member: 'ReadAlias', signature: 's', body: (w) => w.str('default') });
    if (alias.error || alias.signature !== 'o') throw new Error(alias.error ?? 'an unexpected answer from the Secret Service');
    const collection = alias.body.str();
    if (collection !== '/') {
      const locked = await bus.call({
        path: collection, iface: 'org.freedesktop.DBus.Properties', member: 'Get', dest: SECRETS.dest, signature: 'ss',
        body: (w) => { w.str('org.freedesktop.Secret.Collection'); w.str('Locked'); },
      });
      if (!locked.error && locked.signature === 'v' && locked.body.sig() === 'b') view.defaultUnlocked = locked.body.u32() === 0;
    }
    return view;
  };
  try {
    return await Promise.race([work(), deadline]);
  } finally {
    clearTimeout(timer);
    bus.close();
  }
}
