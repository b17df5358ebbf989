// What goes into the sync folder when the journal is encrypted: every batch of change lines a sync writes is
// one age file (age-encryption.org/v1), base64 on one line, to an X25519 identity derived from the journal's
// passphrase: scrypt(passphrase, salt) -> 32 bytes -> the identity. The salt is the writing device's id (random,
// one per journal, the name of its folder), so each device's files have their own key, no key or salt file is
// shared (no file with two writers), and every device that knows the passphrase derives each writer's identity
// itself: once per device per sync. The folder then shows only how many lines, their sizes and times; never a
// word, an id or a kind. Plain journals use PLAIN: lines as they are.
import { scryptSync } from 'node:crypto';
import { Decrypter, Encrypter, identityToRecipient } from 'age-encryption';
import { bech32 } from '@scure/base';

export interface FolderCodec {
  readonly encrypted: boolean;
  /** The lines one sync of `device` appends, as they go into its file. */
  seal(lines: string[], device: string): Promise<string[]>;
  /** One line of `device`'s file back into change lines; throws when it cannot be opened (another key, damaged). */
  open(line: string, device: string): Promise<string[]>;
}

export const PLAIN: FolderCodec = {
  encrypted: false,
  seal: async (lines) => lines,
  open: async (line) => [line],
};

/** scrypt's cost: N = 2^15 (32 MiB, ~0.1 s here), once per sync. */
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** The age identity (AGE-SECRET-KEY-1...) a passphrase gives for one device's files. */
export function identityFor(passphrase: string, device: string): string {
  const key = scryptSync(passphrase.normalize('NFC'), Buffer.from(`reframe-sync/v1:${device}`, 'utf8'), 32, SCRYPT);
  return bech32.encode('age-secret-key-', bech32.toWords(new Uint8Array(key)), false).toUpperCase();
}

/**
 * The codec for an encrypted journal's folder. This is the one function the sync command calls with the
 * journal's passphrase (src/sync/key.ts says where the passphrase comes from).
 */
export function folderCipher(passphrase: string): FolderCodec {
  const keys = new Map<string, Promise<{ enc: Encrypter; dec: Decrypter }>>();
  const keysOf = (device: string) => {
    let k = keys.get(device);
    if (!k) {
      k = (async () => {
        const identity = identityFor(passphrase, device);
        const enc = new Encrypter();
        enc.addRecipient(await identityToRecipient(identity));
        const dec = new Decrypter();
        dec.addIdentity(identity);
        return { enc, dec };
      })();
      keys.set(device, k);
    }
    return k;
  };
  return {
    encrypted: true,
    async seal(lines, device) {
      if (lines.length === 0) return [];
      const box = await (await keysOf(device)).enc.encrypt(lines.join('\n'));
      return [JSON.stringify({ v: 1, age: Buffer.from(box).toString('base64') })];
    },
    async open(line, device) {
      const v = JSON.parse(line) as { age?: unknown };
      if (typeof v.age !== 'string') throw new Error('not sealed');
      const text = await (await keysOf(device)).dec.decrypt(new Uint8Array(Buffer.from(v.age, 'base64')), 'text');
      return text.split('\n');
    },
  };
}
