// The detector's short cuts (src/domain/safety): it runs only the phrases whose key words are in a text
// (prefilter.ts), scores pairs of words from a cache, and folds ASCII texts with ASCII expressions. Each must give
// exactly what the long way gives: a short cut that left out a phrase that matches would withhold the crisis note.
// Checked here on every labelled text, the hand-written probes, the everyday thoughts and generated records.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { abuseRulesSay, assess, compilePhrase, explain, groupsSay, mayBeInDanger, mayBeInDangerAnywhere, plainForModel, rulesSay, trustedRulesSay } from '../../src/domain/safety/detect';
import { DANGER_THRESHOLD, RULE_THRESHOLD, modelSaysAbuse, modelScore } from '../../src/domain/safety/model';
import { fold, foldAscii, foldAsciiByExpressions, foldByExpressions, normalise, normaliseByExpressions, plainWords } from '../../src/domain/safety/normalise';
import { ABUSE, DANGER, QUIET, type PhraseGroup } from '../../src/domain/safety/phrases';
import { keySets, keySetsText, lookupKeys, needOfSource, sourceHash, type Need } from '../../src/domain/safety/prefilter';
import { PHRASE_KEYS } from '../../src/domain/safety/phrase-keys';
import * as probes from '../fixtures/safety-probes';
import { generateRecords } from '../../src/dev/generate';
import { safetyTexts } from '../../src/input/record';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8')) as unknown;

function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

const labelled = (fixture('danger.json') as { items: { text: string }[] }).items.map((x) => x.text);
const TEXTS = [
  ...labelled,
  ...strings(probes),
  ...strings(fixture('thoughts.json')),
  ...generateRecords({ records: 400, days: 200, seed: 5 }).flatMap((r) => safetyTexts(r)),
  // Several labelled texts as one entry, as a long journal entry or an imported note reads.
  ...Array.from({ length: 60 }, (_, i) => labelled.slice(i * 41, i * 41 + 2 + (i % 9)).join(i % 2 ? ' ' : '. ')),
];

/** Whether a text meets a condition, the plain way: each string is somewhere in it. */
function holds(need: Need, s: string): boolean {
  if (need === true) return true;
  if (typeof need === 'string') return s.includes(need);
  if ('all' in need) return need.all.every((x) => holds(x, s));
  return need.any.some((x) => holds(x, s));
}

/** Whether a text has one of the keys: a word, a word starting so ("suicid*"), or two words in a row ("do+it"). */
function hasKey(keys: string[], s: string): boolean {
  const words = s.split(' ');
  return keys.some((k) => {
    const [a, b] = k.split('+');
    if (b !== undefined) return words.some((w, i) => w === a && words[i + 1] === b);
    return k.endsWith('*') ? words.some((w) => w.startsWith(k.slice(0, -1))) : words.includes(k);
  });
}

/** The plain form the long way: every quiet phrase cut out with one expression, as before the short cut. */
const quietAll = new RegExp(QUIET.flatMap((g) => g.phrases.map((p) => `(?:${compilePhrase(p).source})`)).join('|'), 'g');
const longWayPlain = (text: string) => (' .' + normalise(text)).replace(quietAll, ' | ');
const EXPR = new Map<PhraseGroup, RegExp>(
  [...DANGER, ...ABUSE].map((g) => [g, new RegExp(g.phrases.map((p) => `(?:${compilePhrase(p).source})`).join('|'))]),
);
const longWaySays = (groups: PhraseGroup[], s: string) => groups.some((g) => EXPR.get(g)!.test(s));

describe('what a phrase needs (prefilter.ts)', () => {
  it('reads what any match must contain, across optional words, gaps, alternatives and word starts', () => {
    const cases: [string, string[], string][] = [
      // [phrase as written in phrases.ts, texts (plain forms) it matches, a key it must be found by]
      ['want to die', [' . i want to die . '], 'die'],
      ['(want|wish) ~3 to die', [' i wish so much to die . ', ' want to die '], 'die'],
      ['[really] want to (die|be dead)', [' really want to be dead ', ' want to die '], 'dead'],
      ['suicid* ~2 (thoughts|plans)', [' suicidal thoughts ', ' suicide and plans '], 'suicid*'],
      ['(stockpil*|saving) ~3 (pills|tablets)', [' stockpiling all my tablets ', ' saving pills '], 'pills'],
      ['end things(?! with)', [' i will end things . '], 'end'],
      ['\\. ~2! want to die', [' . wanna want to die . ', ' . want to die '], 'die'],
      ['(not|never) (to )?wake up', [' never to wake up ', ' not wake up '], 'wake'],
      // Two words in a row, when each is common: rarer together.
      ['(will|must) do it when', [' i will do it when . ', ' must do it when '], 'will+do'],
      // A word that is also the name of an object's own machinery is costed as a word.
      ['a constructor', [' a constructor '], 'constructor'],
    ];
    for (const [phrase, texts, key] of cases) {
      const re = compilePhrase(phrase);
      const need = needOfSource(re.source);
      // Without word shares (word-shares.ts, which the tune texts decide), so the key it picks stays the same.
      const keys = lookupKeys(need, {});
      expect(keys, phrase).toBeDefined();
      expect(keys, phrase).toContain(key);
      for (const s of texts) {
        expect(re.test(s), `${phrase} on "${s}"`).toBe(true);
        expect(holds(need, s), `${phrase} on "${s}"`).toBe(true);
        expect(hasKey(keys!, s), `${phrase} on "${s}"`).toBe(true);
      }
    }
  });

  it('says nothing (run it on every text) for an expression it cannot read or that may match anything', () => {
    for (const src of [' (\\d+) ', ' a\\1 ', '(?<=x) y', ' (?:[^ .]+ ){0,3}', '.*', ' (?:a|b)? ']) {
      expect(lookupKeys(needOfSource(src)), src).toBeUndefined();
    }
  });

  it('never leaves out a phrase that matches: on every text, each matching phrase has its keys there', () => {
    const phrases = [...DANGER, ...ABUSE, ...QUIET].flatMap((g) =>
      g.phrases.map((p) => {
        const re = compilePhrase(p);
        const need = needOfSource(re.source);
        return { id: g.id, p, re, need, keys: lookupKeys(need), sets: keySets(need) };
      }),
    );
    // Looked up by a key (not run on every text): nearly all; the test is worth little if few phrases ever match.
    expect(phrases.filter((x) => x.keys === undefined).length).toBeLessThanOrEqual(5);
    const matched = new Set<string>();
    const wrong: string[] = [];
    for (const text of TEXTS) {
      const plainForms = [' .' + normalise(text), plainForModel(text)];
      for (const s of plainForms) {
        for (const x of phrases) {
          if (!x.re.test(s)) continue;
          matched.add(x.p);
          if (!holds(x.need, s) || (x.keys && !hasKey(x.keys, s)) || x.sets.some((set) => !hasKey(set, s))) wrong.push(`${x.id}: ${x.p.slice(0, 60)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(matched.size).toBeGreaterThan(250);
  });

  it('ships each phrase\'s keys as the phrases give them today (after changing phrases.ts: node scripts/safety-keys.mjs)', () => {
    const today: Record<string, string> = {};
    for (const g of [...DANGER, ...ABUSE, ...QUIET]) {
      for (const p of g.phrases) {
        const source = compilePhrase(p).source;
        today[sourceHash(source)] = keySetsText(keySets(needOfSource(source)));
      }
    }
    expect(PHRASE_KEYS).toEqual(today);
    // Named by a fingerprint: two different phrases must never share one (one would take the other's keys).
    const sources = new Set([...DANGER, ...ABUSE, ...QUIET].flatMap((g) => g.phrases.map((p) => compilePhrase(p).source)));
    expect(new Set([...sources].map(sourceHash)).size).toBe(sources.size);
  });
});

// Random expressions in the phrases' syntax, each with a way to make texts it matches: the keys worked out for an
// expression must be in every such text (the reader's reasoning, checked on shapes no phrase has yet).
let seed = 20261207;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
const letters = (n: number) => Array.from({ length: n }, () => pick([...'abcdxyz'])).join('');
interface Shape { src: string; make: () => string; spaced?: boolean }
function item(depth: number): Shape {
  const w = letters(1 + Math.floor(rnd() * 3));
  const kind = pick(depth > 2 ? ['word', 'start', 'class'] : ['word', 'word', 'start', 'class', 'repeat', 'alt', 'look', 'optional', 'gap']);
  if (kind === 'start') return { src: `${w}[^ .]*`, make: () => w + letters(Math.floor(rnd() * 3)) };
  if (kind === 'class') {
    const v = letters(1);
    return { src: `${w}[^ .]${v}`, make: () => w + letters(1) + v };
  }
  if (kind === 'repeat') return { src: `(?:${w})+`, make: () => w.repeat(1 + Math.floor(rnd() * 3)) };
  if (kind === 'alt') {
    const alts = Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => sequence(depth + 1));
    return { src: `(?:${alts.map((a) => a.src).join('|')})`, make: () => pick(alts).make() };
  }
  if (kind === 'look') return { src: `${w}(?! (?:qq|q))`, make: () => w }; // no word here has a q
  if (kind === 'optional') {
    const x = sequence(depth + 1);
    return { src: `(?:${x.src} )?`, make: () => (rnd() < 0.5 ? '' : x.make() + ' '), spaced: true };
  }
  const n = Math.floor(rnd() * 4);
  return { src: `(?:[^ .]+ ){0,${n}}`, make: () => Array.from({ length: Math.floor(rnd() * (n + 1)) }, () => letters(2) + ' ').join(''), spaced: true };
}
function sequence(depth: number): Shape {
  const items = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => item(depth));
  const end = letters(1 + Math.floor(rnd() * 2)); // ends with a word, as a phrase does
  return {
    src: items.map((x) => x.src + (x.spaced ? '' : ' ')).join('') + end,
    make: () => items.map((x) => x.make() + (x.spaced ? '' : ' ')).join('') + end,
  };
}

describe('what a phrase needs, on random expressions', () => {
  it('finds the keys in every text each expression matches', () => {
    const wrong: string[] = [];
    for (let i = 0; i < 6_000; i++) {
      const x = sequence(0);
      const re = new RegExp(` ${x.src} `);
      const need = needOfSource(re.source);
      const keys = lookupKeys(need);
      const sets = keySets(need);
      for (let j = 0; j < 8; j++) {
        const s = ` ${letters(2)} ${x.make()} ${letters(2)} `;
        expect(re.test(s), `${re.source} on "${s}"`).toBe(true);
        if (!holds(need, s) || (keys && !hasKey(keys, s)) || sets.some((set) => !hasKey(set, s))) wrong.push(`${re.source} on "${s}": ${JSON.stringify(sets)}`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('runs a phrase it can find no keys for on every text', () => {
    const says = groupsSay([
      { id: 'digits', about: 'a number word', phrases: ['a\\d+ b'] },
      { id: 'words', about: 'plain words', phrases: ['want to rest'] },
    ]);
    expect(lookupKeys(needOfSource(compilePhrase('a\\d+ b').source))).toBeUndefined();
    expect(says(' . x a12 b y . ')).toBe('digits');
    expect(says(' . i want to rest . ')).toBe('words');
    expect(says(' . x a b y . ')).toBeUndefined();
  });
});

describe('how a phrase is written (compilePhrase)', () => {
  it('reads [x] at the start of a word as optional words, and inside a word as one of those letters', () => {
    expect(compilePhrase('[really] want to die').test(' want to die ')).toBe(true);
    expect(compilePhrase('[really] want to die').test(' really want to die ')).toBe(true);
    expect(compilePhrase('(a|[so] b)').test(' b ')).toBe(true);
    const f = compilePhrase('fantasi[sz]e');
    expect(f.test(' fantasise ')).toBe(true);
    expect(f.test(' fantasize ')).toBe(true);
    expect(f.test(' fantasie ')).toBe(false);
    // Read as an optional word, "fantasi[sz]e" matched neither spelling, and these brought no note at all.
    expect(mayBeInDanger(['I fantasise about dying'])).toBe(true);
    expect(mayBeInDanger(['I fantasize about being dead'])).toBe(true);
  });
});

describe('the detector with its short cuts', () => {
  it('cuts out the quiet phrases and sees the same in each text as every group run whole', () => {
    const trusted = DANGER.filter((g) => g.gated !== true);
    let danger = 0;
    for (const text of TEXTS) {
      const s = longWayPlain(text);
      expect(plainForModel(text)).toBe(s);
      const says = longWaySays(DANGER, s);
      if (says) danger++;
      expect(rulesSay(text), text.slice(0, 40)).toBe(says);
      expect(trustedRulesSay(text)).toBe(longWaySays(trusted, s));
      expect(abuseRulesSay(text)).toBe(longWaySays(ABUSE, s));
    }
    expect(danger).toBeGreaterThan(2_000); // the labelled danger texts are among them
  });

  it('says the same as the long way: which rule or the classifier, for danger and for abuse, in every text', () => {
    const trusted = DANGER.filter((g) => g.gated !== true);
    const gated = DANGER.filter((g) => g.gated === true);
    const first = (groups: PhraseGroup[], s: string) => groups.find((g) => EXPR.get(g)!.test(s))?.id;
    const longWayDanger = (s: string): string | undefined => {
      const sure = first(trusted, s);
      if (sure !== undefined) return sure;
      const z = modelScore(s);
      if (z > DANGER_THRESHOLD) return 'classifier';
      if (z <= RULE_THRESHOLD) return undefined;
      for (const g of gated) {
        const m = EXPR.get(g)!.exec(s);
        if (!m) continue;
        const from = s.lastIndexOf(' . ', m.index);
        const to = s.indexOf(' . ', m.index + m[0].length - 1);
        if (modelScore(' ' + s.slice(from < 0 ? 0 : from + 3, to < 0 ? s.length : to + 1)) > RULE_THRESHOLD) return g.id;
      }
      return undefined;
    };
    const counts = { danger: 0, gated: 0, abuse: 0 };
    for (const text of TEXTS) {
      const s = longWayPlain(text);
      const danger = longWayDanger(s);
      const abuse = first(ABUSE, s) ?? (modelSaysAbuse(s) ? 'classifier' : undefined);
      if (danger) counts.danger++;
      if (danger && gated.some((g) => g.id === danger)) counts.gated++;
      if (abuse) counts.abuse++;
      expect(explain(text), text.slice(0, 40)).toEqual({ danger, abuse });
      expect(assess([text])).toEqual({ danger: danger !== undefined, abuse: abuse !== undefined });
      expect(mayBeInDanger([text])).toBe(danger !== undefined);
      expect(mayBeInDangerAnywhere([text])).toBe(danger !== undefined);
    }
    // Every path is taken: rules on their own, the classifier, a gated group the classifier vouches for, abuse.
    expect(counts.danger).toBeGreaterThan(2_000);
    expect(counts.gated).toBeGreaterThan(5);
    expect(counts.abuse).toBeGreaterThan(300);
  });

  it('has ASCII expressions that fold an ASCII text exactly as the Unicode ones do', () => {
    const ascii = TEXTS.filter((t) => /^[\x00-\x7f]*$/.test(t));
    expect(ascii.length).toBeGreaterThan(5_000);
    // And odd ones: apostrophes, elisions, digits in words, repeated letters, "kms" after a number, marks.
    const odd = ["J'ai l'ho d'en QU'il", "don`t can't", 'k1ll mysellllf 5kms 5 kms', 'SOOOO... tired!?!; yes:no', 'a\nb\tc', '', ' . '];
    let seed7 = 7;
    const rnd7 = () => (seed7 = (seed7 * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = "abcXYZ019 '`.!?;:\n\t-_()kmsjldnt";
    for (let i = 0; i < 2_000; i++) odd.push(Array.from({ length: 1 + Math.floor(rnd7() * 40) }, () => alphabet[Math.floor(rnd7() * alphabet.length)]).join(''));
    for (const t of [...ascii, ...odd]) expect(foldAsciiByExpressions(t), JSON.stringify(t)).toBe(foldByExpressions(t));
  });

  it('reads an ASCII text once (foldAscii) to exactly what the six expressions make of it', () => {
    // The corner cases of the expressions: an elision right after another ("d'l'a": the first match took the mark
    // before "l"), one at the start, a number before it, "kms" after a number across an apostrophe ("5 k'ms"),
    // "kms" followed by "_" (a word character for \b), runs of sentence ends split by other marks, three or more of a
    // letter against exactly two, digits repeated (left alone).
    const cases = ["d'l'a", "l'a", "5d'a", "qu'il dell'arte nell'x all'y un'z", "5 k'ms", '5kms_x', '5 kms.', '5\tkms', '.,!?  ;:',
      'aaab aab bbbb 1111', "x'", "'x", '``a`b', "j'j'j'", "it's l'amour", '', ' ', 'a', '.'];
    let seed = 3;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const alphabet of ["abcXYZ019 '`.!?;:\n\t-_()kmsjldnt", "dlj'`' ..aaa", "aAbB''`` .\n!kms5 \r\t\x0b\f_", "qunelaldl'`'x "]) {
      for (let i = 0; i < 20_000; i++) cases.push(Array.from({ length: 1 + Math.floor(rnd() * 30) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(''));
    }
    for (const t of [...TEXTS.filter((x) => /^[\x00-\x7f]*$/.test(x)), ...cases]) expect(foldAscii(t), JSON.stringify(t)).toBe(foldAsciiByExpressions(t));
  });

  it('reads any text once (fold) to exactly what the expressions make of it: accents, curly apostrophes, emoji', () => {
    // Accents and marks (composed and not), the apostrophes an elision ends with (\u2019 \u02bc) and the ones only
    // dropped (\u2018 \u2032 \u00b4), the sentence ends beyond ASCII (\u2026 \u3002), letters and numbers of
    // other scripts, the letters folded by hand (ß ø æ œ), a final sigma (lower-cased by its place), ligatures and
    // wide letters NFKD takes apart, emoji, and letters written as two characters (left to the expressions).
    const alphabets = ['aé\u2019\u02bc\u2018\u2032\u00b4\'`l d j qu.!\u2026\u3002\n kms5 ', 'L\u2019ÉCOLE d\u2019été ßøæœ ŉ ﬁ İı',
      '\u{1f494}\u{1f600}\u{1d400}\u{10400}\u{10428} aaa l\u2019a \u2019\u2019', '中文。ΣσςΑ ١٢٣ ² ½ ⅷ', 'e\u0301e\u0301e\u0301 a\u0300 n\u0303',
      'dlj\u2019\u02bc\'`\u2018 ..aaaééé', '\u00a0\u2028kms 5\u00a0kms x\u200b y\ufeff', 'ǅǆǄ ﬀ ㎏ ①② ＡＢ ｋｍｓ'];
    let seed = 5;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const cases = TEXTS.filter((t) => /[^\x00-\x7f]/.test(t));
    expect(cases.length).toBeGreaterThan(500);
    for (const alphabet of alphabets) {
      const chars = [...alphabet];
      for (let i = 0; i < 10_000; i++) cases.push(Array.from({ length: 1 + Math.floor(rnd() * 25) }, () => chars[Math.floor(rnd() * chars.length)]).join(''));
    }
    for (const t of cases) expect(fold(t, false), JSON.stringify(t)).toBe(foldByExpressions(t));
  });

  it('gives the plain form (as the expressions and each word put right give it) and its words, split at its spaces', () => {
    for (const t of [...TEXTS, 'my self my self esteem', "I'm ok", 'Im gonna kms', '', '...', 'x'.repeat(25_000)]) {
      for (const opening of [false, true]) {
        const p = plainWords(t, opening);
        expect(p.words, JSON.stringify(t)).toEqual(p.s.split(' ').filter((w) => w !== ''));
        expect(p.s).toBe((opening ? ' .' : '') + normaliseByExpressions(t));
        expect(normalise(t)).toBe(normaliseByExpressions(t));
      }
    }
  });
});
