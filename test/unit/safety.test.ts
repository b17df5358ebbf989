// Which words bring up the calm note about where to find help (src/domain/safety.ts).
import { describe, expect, it } from 'vitest';
import { mayBeInDanger } from '../../src/domain/safety';
import { assess, explain, rulesSay } from '../../src/domain/safety/detect';
// The lists, and how the paraphrase probes were written and first measured: test/fixtures/safety-probes.ts.
import { CHECK_EVERYDAY, CHECK_KIND, LEARN_DANGER, NEGATIVE, POSITIVE, PROBE_ABUSE, PROBE_DANGER, PROBE_QUIET } from '../fixtures/safety-probes';

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
    // Catastrophic backtracking would hit the test timeout here. (What it answers for "I want to" 2,000 times
    // over is the classifier's call: the words of most danger texts, so it leans towards the note. Allowed: a
    // note shown once too often costs little.)
    expect(typeof mayBeInDanger([huge])).toBe('boolean');
    expect(mayBeInDanger(['\u0000\uffff\ud800', 'a'.repeat(1_000_000), ' x'.repeat(50_000)])).toBe(false);
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
  // Kind, supportive and affectionate texts the classifiers never learnt from (the fourth pass raised a note on
  // such texts in the command tests): no note.
  it.each(CHECK_KIND)('no note for a kind or affectionate text it never learnt from: %j', (text) => {
    const a = assess([text]);
    expect(a.danger || a.abuse).toBe(false);
  });
  it('shows the crisis note for most of the fifth pass\'s learning texts (a fit, not a measure)', () => {
    const caught = LEARN_DANGER.filter((t) => assess([t]).danger).length;
    console.log(`LEARN_DANGER: ${caught}/${LEARN_DANGER.length} caught`);
    expect(caught / LEARN_DANGER.length).toBeGreaterThanOrEqual(0.85);
  });
  // Ordinary painful thoughts (batch 6, the sixth pass), never learnt from: counted, not each a test (a note on an
  // ordinary bad day is noise, not harm; the lean is towards help).
  it('shows no note for nearly all of the everyday painful thoughts it never learnt from (CHECK_EVERYDAY)', () => {
    const noted = CHECK_EVERYDAY.filter((t) => { const a = assess([t]); return a.danger || a.abuse; }).length;
    console.log(`CHECK_EVERYDAY: ${noted}/${CHECK_EVERYDAY.length} raise a note`);
    expect(noted / CHECK_EVERYDAY.length).toBeLessThanOrEqual(0.05);
  });
  it.each(PROBE_ABUSE)('shows the abuse note for %j', (text) => {
    expect(assess([text]).abuse).toBe(true);
  });
  // Known limits, kept visible: each of these fails today; when one starts passing, make it a plain test.
  it.fails('known miss: a plan with no word for dying ("it will happen after the wedding")', () => {
    expect(assess(["it'll happen after the wedding, I won't ruin that for them"]).danger).toBe(true);
  });
  // The fifth pass (the classifier's thresholds chosen at the false-alarm budget) catches this known miss,
  // by the classifier.
  it('not being here for a holiday, without more ("I\'m not going to be here for Christmas"), once a known miss', () => {
    expect(explain("I'm not going to be here for Christmas").danger).toBe('classifier');
  });
  // The fifth pass gates only the rule groups that fire on idioms (phrases.ts, `gated`): this one's group
  // (shape-wish) hardly ever does, so its hit raises the note whatever the classifier says. A known false alarm
  // again, as before the fourth pass.
  it.fails('known false alarm: "I want to die" as hyperbole about the heat', () => {
    expect(assess(['this heat is killing me, I want to die in a pool']).danger).toBe(false);
  });
  // A known false alarm until the seventh pass: "grab me a ..." (fetching something) is now a quiet turn of
  // phrase (phrases.ts, not-about-dying), taken out before the rules and the classifiers read the text.
  it('"grabbed me a coffee" is fetching, not harm: no abuse note (once a known false alarm)', () => {
    expect(assess(['He grabbed me a coffee on his way home']).abuse).toBe(false);
    expect(assess(['He grabbed me by the arm and shoved me']).abuse).toBe(true);
  });
});
