// The sync folder of an encrypted journal (src/sync/cipher.ts): every line sealed with age to an identity derived
// from the passphrase and the writing device's id. Two journals with the same passphrase exchange everything;
// the folder holds none of their words, ids or kinds; another passphrase cannot read it and changes nothing;
// a plain journal is told the folder is encrypted; a plain line slipped into the folder is not taken in.
import { describe, expect, it } from 'vitest';
import { appendFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Decrypter } from 'age-encryption';
import { folderCipher, identityFor } from '../../src/sync/cipher';
import { OperationError } from '../../src/errors';
import { world, sync, record, state } from '../helpers/sync';

const PASS = 'correct horse battery staple';
const WORDS = 'ZEBRA-SECRET-4711';

function folderText(root: string): string {
  let out = '';
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) for (const f of readdirSync(p)) walk(join(p, f));
    else out += `${p}\n${readFileSync(p, 'utf8')}\n`;
  };
  walk(root);
  return out;
}

describe('sync folder encryption', () => {
  it('derives the same identity from the same passphrase and device, another from another', () => {
    const a = identityFor(PASS, '0123456789abcdef');
    expect(a).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+$/);
    expect(identityFor(PASS, '0123456789abcdef')).toBe(a);
    expect(identityFor(PASS, 'fedcba9876543210')).not.toBe(a);
    expect(identityFor('another passphrase', '0123456789abcdef')).not.toBe(a);
  });

  it('seals lines into standard age files that the identity opens', async () => {
    const c = folderCipher(PASS);
    const [line] = await c.seal(['{"a":1}', '{"b":2}'], '0123456789abcdef');
    const box = Buffer.from((JSON.parse(line) as { age: string }).age, 'base64');
    expect(box.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    const d = new Decrypter();
    d.addIdentity(identityFor(PASS, '0123456789abcdef'));
    expect(await d.decrypt(new Uint8Array(box), 'text')).toBe('{"a":1}\n{"b":2}');
    expect(await c.open(line, '0123456789abcdef')).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('two encrypted journals exchange everything, and the folder shows none of it', async () => {
    const w = world(2);
    try {
      const [a, b] = w.devices;
      const r = record(`${WORDS} thought`, { situation: `${WORDS} situation`, tags: ['zebra-secret-tag'] });
      a.j.insert(r);
      a.j.saveSafetyPlan({ kind: 'safety-plan', updatedAt: new Date().toISOString(), warningSigns: [], copingAlone: [], peoplePlaces: [],
        askForHelp: [`${WORDS} Sam`], professionals: [], safeSurroundings: [], reasonsForLiving: [] } as never);
      await sync(a, PASS);
      await sync(b, PASS);
      b.j.update({ ...r, thought: `${WORDS} edited` }, new Date().toISOString());
      await sync(b, PASS);
      await sync(a, PASS);
      expect(state(a.j)).toEqual(state(b.j));
      expect(a.j.get(r.id)!.thought).toBe(`${WORDS} edited`);
      const text = folderText(w.folder);
      expect(text).not.toContain(WORDS);
      expect(text.toLowerCase()).not.toContain('zebra');
      expect(text).not.toContain(r.id);
      for (const kind of ['record', 'safety-plan', 'thought', 'situation', 'stamp']) expect(text).not.toContain(`"${kind}`);
    } finally {
      w.cleanup();
    }
  });

  it('another passphrase cannot read it and changes nothing; a plain journal is told it is encrypted', async () => {
    const w = world(3);
    try {
      const [a, b, c] = w.devices;
      a.j.insert(record(`${WORDS} one`));
      await sync(a, PASS);
      await expect(sync(b, 'not the passphrase')).rejects.toThrow(/passphrase/);
      expect(b.j.count()).toBe(0);
      await expect(sync(c)).rejects.toThrow(OperationError);
      expect(c.j.count()).toBe(0);
      await sync(b, PASS);
      expect(b.j.count()).toBe(1);
    } finally {
      w.cleanup();
    }
  });

  it('a plain line put into an encrypted folder is not taken in', async () => {
    const w = world(2);
    try {
      const [a, b] = w.devices;
      const r = record('real');
      a.j.insert(r);
      await sync(a, PASS);
      const dir = join(w.folder, 'reframe-sync', 'v1', 'devices', a.device);
      const forged = { ...r, id: record('x').id, thought: 'forged' };
      appendFileSync(join(dir, readdirSync(dir)[0]), JSON.stringify({ v: 1, stamp: `999999999999999.00000.${a.device}`, base: null, kind: 'record', id: forged.id, data: forged }) + '\n');
      const res = await sync(b, PASS);
      expect(res.skipped).toBe(1);
      expect(b.j.list().map((x) => x.thought)).toEqual(['real']);
    } finally {
      w.cleanup();
    }
  });
});
