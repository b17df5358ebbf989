// mayBeInDangerAnywhere (src/domain/safety/detect.ts): import reads every part of a long text. The detector reads at
// most MAX_CHARS characters of a text at once; a longer one is read in overlapping pieces, so words at its end, or
// across the place where one piece ends, are read like words anywhere else.
import { describe, expect, it } from 'vitest';
import { mayBeInDanger, mayBeInDangerAnywhere } from '../../src/domain/safety/detect';
import { MAX_CHARS } from '../../src/domain/safety/normalise';

const WORDS = 'Some nights I want to die';
const ordinary = 'Went for a walk after work and the rain held off, then dinner with my sister and we talked about the trip. ';
const filler = (n: number) => ordinary.repeat(Math.ceil(n / ordinary.length)).slice(0, n);

describe('reading a long text whole', () => {
  it('the words are short enough to be read on their own, and ordinary text is not', () => {
    expect(mayBeInDanger([WORDS])).toBe(true);
    expect(mayBeInDanger([filler(MAX_CHARS)])).toBe(false);
  });

  it('words past the first 20,000 characters: missed by one reading, found by the pieces', () => {
    for (const before of [MAX_CHARS + 10, 3 * MAX_CHARS + 777, 200_000]) {
      const text = `${filler(before)} ${WORDS}. ${filler(5_000)}`;
      expect(mayBeInDanger([text]), `${before}`).toBe(false);
      expect(mayBeInDangerAnywhere([text]), `${before}`).toBe(true);
    }
  });

  it('words across the place where each piece ends are read whole in the next one', () => {
    // Pieces start every MAX_CHARS - 2,000 characters: put the words across the first few cuts, at every offset.
    const step = MAX_CHARS - 2_000;
    for (const cut of [MAX_CHARS, step + MAX_CHARS, 2 * step + MAX_CHARS]) {
      for (let k = 1; k < WORDS.length; k += 3) {
        const start = cut - k;
        const text = `${filler(start - 1)} ${WORDS}. ${filler(3_000)}`;
        expect(text.slice(start, start + WORDS.length), `${cut} ${k}`).toBe(WORDS);
        expect(mayBeInDangerAnywhere([text]), `${cut} ${k}`).toBe(true);
      }
    }
  });

  it('a long ordinary text stays quiet, and a short text reads as it always did', () => {
    expect(mayBeInDangerAnywhere([filler(5 * MAX_CHARS)])).toBe(false);
    for (const t of [WORDS, 'this commute is killing me', 'I want to die of embarrassment', '', undefined]) {
      expect(mayBeInDangerAnywhere([t]), String(t)).toBe(mayBeInDanger([t]));
    }
  });
});
