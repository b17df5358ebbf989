// Which words bring up the calm note about where to find help (src/domain/safety.ts).
import { describe, expect, it } from 'vitest';
import { mayBeInDanger } from '../../src/domain/safety';
import { assess } from '../../src/domain/safety/detect';
// The lists, and how the paraphrase probes were written and first measured: test/fixtures/safety-probes.ts.
import { NEGATIVE, POSITIVE, PROBE_ABUSE, PROBE_DANGER, PROBE_QUIET } from '../fixtures/safety-probes';

describe('mayBeInDanger', () => {
  it.each(POSITIVE)('shows the note for %j', (text) => {
    expect(mayBeInDanger([text])).toBe(true);
  });

  it.each(NEGATIVE)('not for %j', (text) => {
    expect(mayBeInDanger([text])).toBe(false);
  });

  it('looks at every text it is given', () => {
    expect(mayBeInDanger(['A quiet dinner', 'She seemed bored', 'I want to kill myself'])).toBe(true);
    expect(mayBeInDanger(['A quiet dinner', 'She seemed bored'])).toBe(false);
    expect(mayBeInDanger([])).toBe(false);
  });

  it('an idiom does not hide real words next to it', () => {
    expect(mayBeInDanger(['I want to die of embarrassment. Honestly I want to die.'])).toBe(true);
    expect(mayBeInDanger(['I could die of boredom, and I keep thinking about suicide'])).toBe(true);
  });

  it('stays fast on huge and hostile text', () => {
    const huge = 'I want to '.repeat(20_000) + ' x'.repeat(50_000) + 'kill my'.repeat(10_000);
    // Catastrophic backtracking would hit the test timeout here.
    expect(mayBeInDanger([huge, '\u0000\uffff\ud800', 'a'.repeat(1_000_000)])).toBe(false);
  });
});

describe('paraphrase probes', () => {
  it.each(PROBE_DANGER)('shows the crisis note for %j', (text) => {
    expect(assess([text]).danger).toBe(true);
  });
  it.each(PROBE_QUIET)('shows no note for %j', (text) => {
    const a = assess([text]);
    expect(a.danger || a.abuse).toBe(false);
  });
  it.each(PROBE_ABUSE)('shows the abuse note for %j', (text) => {
    expect(assess([text]).abuse).toBe(true);
  });
  // Known limits, kept visible: each of these fails today; when one starts passing, move it to the lists above.
  it.fails('known miss: a plan with no word for dying ("it will happen after the wedding")', () => {
    expect(assess(["it'll happen after the wedding, I won't ruin that for them"]).danger).toBe(true);
  });
  it.fails('known miss: not being here for a holiday, without more ("I\'m not going to be here for Christmas")', () => {
    expect(assess(["I'm not going to be here for Christmas"]).danger).toBe(true);
  });
  it.fails('known false alarm: "I want to die" as hyperbole about the heat', () => {
    expect(assess(["this heat is killing me, I want to die in a pool"]).danger).toBe(false);
  });
});
