// readOptions (src/input/options.ts) takes options that fit their shape as they are and leaves the rest to zod:
// both ways must give the same options, or the same one-line error, for anything a caller could pass.
import { describe, expect, it } from 'vitest';
import { parseOptions, readOptions, type OptionShape } from '../../src/input/options';
import { schemaOf } from '../../src/input/option-schema';
import { FILTER_OPTIONS } from '../../src/input/filters';
import { UsageError } from '../../src/errors';

const SHAPES: OptionShape[] = [
  { ...FILTER_OPTIONS, json: 'boolean' },
  { since: 'string', until: 'string', by: 'string', json: 'boolean' },
  { json: 'boolean', notify: 'boolean' },
  {},
];

async function outcome(f: () => unknown): Promise<unknown> {
  try {
    return { value: await f() };
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return { error: (err as Error).message, hint: (err as UsageError).hint };
  }
}

async function same(shape: OptionShape, raw: unknown): Promise<void> {
  const fast = await outcome(() => readOptions(shape, raw));
  const zod = await outcome(() => parseOptions(schemaOf(shape), raw));
  expect(fast, JSON.stringify(raw)).toEqual(zod);
}

describe('readOptions', () => {
  it('takes what the command line gives as it is, a copy, with nothing added', async () => {
    const raw = { since: '7d', limit: '5', json: true };
    const got = await readOptions(SHAPES[0], raw);
    expect(got).toEqual(raw);
    expect(got).not.toBe(raw);
    expect(await readOptions(SHAPES[0], {})).toEqual({});
  });

  it('says what is wrong as zod says it, for options that do not fit', async () => {
    await expect(readOptions(SHAPES[0], { limit: 5 })).rejects.toThrow(UsageError);
    await expect(readOptions(SHAPES[2], { json: 'yes' })).rejects.toThrow(UsageError);
  });

  it('gives what zod gives on every kind of input (fitting or not)', async () => {
    const values: unknown[] = ['x', '', ' 7d ', true, false, 0, 5, null, undefined, [], ['a'], {}, { a: 1 }, NaN];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (const shape of SHAPES) {
      const keys = [...Object.keys(shape), 'extra', 'other'];
      for (let n = 0; n < 400; n++) {
        const raw: Record<string, unknown> = {};
        const count = rand(4);
        for (let k = 0; k < count; k++) {
          const key = keys[rand(keys.length)];
          // Half the time a value of the right type, so the fitting path is taken often.
          raw[key] = rand(2) && Object.hasOwn(shape, key) ? (shape[key] === 'string' ? ['7d', '', 'a b'][rand(3)] : rand(2) === 1) : values[rand(values.length)];
        }
        await same(shape, raw);
      }
      for (const odd of [null, undefined, 'list', 3, [], [{ json: true }], Object.assign(Object.create(null), { json: true }), new Map()]) {
        await same(shape, odd);
      }
    }
  });
});
