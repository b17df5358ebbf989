// The learning half of the safety classifier, shared by scripts/safety-model.mjs (which writes the shipped
// weights) and scripts/safety-cv.mjs (which measures how well it generalises). The run-time half, the
// features and the scoring, is in src/domain/safety (features.ts, model.ts); this file loads those from the
// source with esbuild, so training and the program always see the same features.
//
// The models: logistic regression on binary features (words, word pairs, pairs with a word between, 3-5
// character runs of the plain form), trained by gradient descent (AdaGrad) with an L2 penalty, on one label
// against everything else: "danger" (against idioms, everyday pain, abuse by someone else) and "abuse" (against
// the rest). The positive texts count positiveWeight times (2: leaning towards help). Features seen in fewer
// than minDf training texts are dropped. A text is scored as the program scores it: its highest window.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** The detector's own modules (rules, the plain form, the features), bundled from src, with an empty model in
 * place of the shipped weights and no shipped keys for the rules: what is measured, trained or written here never
 * depends on what was written before. */
export async function detector() {
  const out = await build({
    absWorkingDir: root,
    stdin: {
      contents: `export * from './src/domain/safety/detect';
export { normalise } from './src/domain/safety/normalise';
export { features, windowFeatures } from './src/domain/safety/features';
export * as probes from './test/fixtures/safety-probes';
export { generateRecords } from './src/dev/generate';
export { recordTexts } from './src/domain/record-fields';
export { ABUSE, DANGER, QUIET } from './src/domain/safety/phrases';
export { keySets, keySetsText, lookupKeys, needOfSource, sourceHash } from './src/domain/safety/prefilter';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'warning',
    plugins: [{
      name: 'no-shipped-model',
      setup(b) {
        b.onResolve({ filter: /^\.\/model-weights$/ }, () => ({ path: 'model-weights', namespace: 'empty-model' }));
        // Nor on the rules' shipped keys (scripts/safety-keys.mjs writes them from this): worked out at start.
        b.onResolve({ filter: /^\.\/phrase-keys$/ }, () => ({ path: 'phrase-keys', namespace: 'no-keys' }));
        b.onLoad({ filter: /.*/, namespace: 'no-keys' }, () => ({ contents: 'export const PHRASE_KEYS = {};', loader: 'js' }));
        b.onLoad({ filter: /.*/, namespace: 'empty-model' }, () => ({
          contents: 'export const SETTINGS = {}; export const THRESHOLD = Infinity; export const RULE_THRESHOLD = -Infinity; export const BIAS = 0; export const WEIGHTS = "";'
            + ' export const ABUSE_THRESHOLD = Infinity; export const ABUSE_BIAS = 0; export const ABUSE_WEIGHTS = "";',
          loader: 'js',
        }));
      },
    }],
  });
  const dir = mkdtempSync(join(tmpdir(), 'reframe-safety-'));
  const file = join(dir, 'detector.mjs');
  writeFileSync(file, out.outputFiles[0].text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The labelled texts of the tune split (test/fixtures/danger.json). Never the held-out split. */
export function tuneItems() {
  return JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'danger.json'), 'utf8')).items.filter((x) => x.split === 'tune');
}

/** The source given to the hand-written texts of test/fixtures/safety-probes.ts: learnt from in every fold,
 * never left out or measured on (they are not blind). */
export const PROBES = 'safety-probes.ts';

/** The source given to ordinary journal texts from the journal generator (src/dev/generate.ts): learnt from in
 * every fold as not dangerous, never measured on. */
export const ORDINARY = 'generated journals';

/**
 * Ordinary record texts as the journal generator writes them, for seeds 1-4: every text of a record the program
 * reads for the notes (situation, thoughts, evidence, answers, balanced thought, plan, emotion names, tags:
 * src/input/record.ts, safetyTexts()), and each sentence of one with several, everyday life, none of it
 * dangerous. The labelled sets have few such texts (their "everyday" texts are painful thoughts), and without
 * them the classifier took plain words of daily life ("went quiet", "all week") as signs of danger, about one
 * generated text in 200. Until the fourth pass only the records' top-level strings were taken, whole, at a
 * tenth of a labelled text: once the danger threshold came down, sentences such as "I do not know what they
 * think." raised the note on every import of 40 generated records. Each now counts for a quarter (a half quieted
 * them too but cost three points of recall eight-fold; README).
 */
export const ORDINARY_WEIGHT = Number(process.env.ORDINARY_WEIGHT ?? 0.25);

export function ordinaryItems(det) {
  const texts = new Set();
  for (const seed of [1, 2, 3, 4]) {
    for (const r of det.generateRecords({ records: 500, days: 40, seed, unknownDistortions: 0 })) {
      for (const t of [...det.recordTexts(r), ...(r.emotions ?? []).map((e) => e.name), ...(r.tags ?? [])]) {
        if (t.length > 2) texts.add(t);
        // Each of its sentences too: the program reads a text's sentences on their own as well (features.ts,
        // windows()), so "I do not know what they think." must be learnt as quiet alone, not only inside its text.
        const sentences = t.split(/[.!?;\n]+/).map((x) => x.trim()).filter((x) => x.split(/\s+/).length >= 3);
        if (sentences.length > 1) for (const x of sentences) texts.add(x);
      }
    }
  }
  // All of them, each counting for a quarter of a labelled text: every kind of sentence the generator writes is
  // learnt, without ~3,000 easy texts swamping what the model learns from the labelled ones.
  return [...texts].sort().map((text) => ({ text, label: 'everyday', cat: 'generated', split: 'tune', source: ORDINARY, weight: ORDINARY_WEIGHT }));
}

/** The source given to the texts of the program's own library (data/*.json): learnt from in every fold as not
 * dangerous, never measured on. */
export const LIBRARY = 'library';

/**
 * Each text counts for this fraction of a labelled text. The library's texts are the app's own everyday language:
 * the thinking patterns' examples ("It's all my fault", "there's no point doing it at all" about a workout), their
 * kind questions and balanced reframes ("Would you judge a friend by the same standard?"), the strategies' steps,
 * the daily prompts and the experiment ideas. The fourth pass took texts of exactly these kinds (a kind balanced
 * thought, self-blame) for danger once its threshold came down; these texts teach both classifiers what the
 * everyday language of a thought record sounds like, so they are never a sign of danger or abuse.
 */
export const LIBRARY_WEIGHT = Number(process.env.LIBRARY_WEIGHT ?? 0.5);

export function libraryItems() {
  const texts = new Set();
  const walk = (v, key) => {
    // Cues are matching patterns ("if .. not .. no point"), not text; lexicons are word lists.
    if (key === 'cues' || key === 'lexicon' || key === 'id' || key === 'helpsWith') return;
    if (typeof v === 'string') {
      if (v.split(/\s+/).length < 3) return;
      texts.add(v);
      const sentences = v.split(/[.!?;\n]+/).map((x) => x.trim()).filter((x) => x.split(/\s+/).length >= 3);
      if (sentences.length > 1) for (const x of sentences) texts.add(x);
    } else if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  for (const f of ['patterns', 'strategies', 'prompts', 'experiment-ideas']) walk(JSON.parse(readFileSync(join(root, 'data', `${f}.json`), 'utf8')));
  return [...texts].sort().map((text) => ({ text, label: 'everyday', cat: 'library', split: 'tune', source: LIBRARY, weight: LIBRARY_WEIGHT }));
}

/** Each hand-written quiet text (NEGATIVE, PROBE_QUIET) counts this many times. Kind words, self-care and
 * affection share many words with danger and abuse texts ("tonight", "my husband ... me"), and each of those
 * words weighs little alone: at 1, the abuse classifier, learning from them, still took "my husband held me close"
 * for abuse. */
export const QUIET_PROBE_WEIGHT = Number(process.env.QUIET_PROBE_WEIGHT ?? 3);

/** The hand-written texts (test/fixtures/safety-probes.ts, from `det.probes`) as labelled items. Quiet ones are
 * "everyday", so they never count in the idiom figure the threshold is set on. CHECK_KIND and CHECK_EVERYDAY are
 * never learnt from (the sixth pass tried learning CHECK_EVERYDAY's ordinary painful thoughts: fewer everyday
 * alarms, but less danger caught on K + L in cross-validation, README). */
export function probeItems(det) {
  const { POSITIVE, PROBE_DANGER, LEARN_DANGER, NEGATIVE, PROBE_QUIET, PROBE_ABUSE } = det.probes;
  const as = (label, weight = 1) => (text) => ({ text, label, cat: 'probe', split: 'tune', source: PROBES, weight });
  return [...POSITIVE, ...PROBE_DANGER, ...LEARN_DANGER].map(as('danger'))
    .concat([...NEGATIVE, ...PROBE_QUIET].filter((t) => t !== '').map(as('everyday', QUIET_PROBE_WEIGHT)), PROBE_ABUSE.map(as('abuse')));
}

/** At most this fraction of idioms may raise the note (rules and classifier together) on out-of-set scores.
 * Chosen on the trade-off curve (`node scripts/safety-cv.mjs --curve`, README): the issue allows 5% idiom alarms
 * on texts by new writers, and a new writer's idioms raise the note more often than the tune sets' (the rules were
 * fit on A-D), so the bar is set where the honest figure (E-J, either note) stays under 5%, recall as high as that
 * allows (fifth pass, ten folds: 2% caught 86.7% of danger texts, 2.5% 90.6% at 4.5% idioms on E-J, 3% went to
 * 5.2% on E-J). */
export const IDIOM_BAR = Number(process.env.IDIOM_BAR ?? 0.025);

/** At most this fraction of idioms and everyday texts may raise the abuse note from its classifier (with its
 * rules' own alarms counted) on out-of-set scores. Tighter than IDIOM_BAR: an idiom raising either note counts
 * against the issue's 5% bar, and the danger model takes most of it. 0.75% since the fifth pass (1% before): learnt
 * from ten sets, the abuse classifier at 1% took a personalising thought ("what did I do to make him so angry")
 * of the suggest tests for harm. */
export const ABUSE_BAR = Number(process.env.ABUSE_BAR ?? 0.0075);

/** The abuse model drops weights under this (the danger model: DEFAULTS.prune). Most of its features are small
 * words that move its score by next to nothing: left in, they doubled the shipped file and the time it takes
 * to read on first use. */
export const ABUSE_PRUNE = Number(process.env.ABUSE_PRUNE ?? 0.03);

/**
 * What each model learns: the label it tells from everything else, the quiet labels its threshold is set on,
 * that threshold's bar, and which rules (the item's `rule` or `abuseRule`) count as alarms already. With
 * `ruleThreshold`, a rule's hit counts only when the classifier's score is above a second, lower threshold
 * (thresholdsFromScores()).
 */
export const TARGETS = {
  danger: { label: 'danger', quiet: ['idiom'], bar: IDIOM_BAR, rule: 'rule', trusted: 'ruleTrusted', ruleThreshold: true },
  abuse: { label: 'abuse', quiet: ['idiom', 'everyday'], bar: ABUSE_BAR, rule: 'abuseRule', prune: ABUSE_PRUNE },
};

/** Items (with feats, label, weight) -> training rows for one target: y, and the weight with the positives'
 * class weight (opts.positiveWeight: recall matters more than a quiet text's score). */
export function rowsFor(items, target, opts = DEFAULTS) {
  const pw = opts.positiveWeight ?? 1;
  return items.map((x) => {
    const y = x.label === target.label ? 1 : 0;
    return { feats: x.feats, y, weight: (x.weight ?? 1) * (y ? pw : 1) };
  });
}

/** The training settings for one target: the defaults, with the target's own pruning. */
export function optsFor(target, opts = DEFAULTS) {
  return target.prune === undefined ? opts : { ...opts, prune: target.prune };
}

/**
 * Leave-one-set-out scores: every item of `sets` scored by a model trained on the other sets (and on `always`,
 * learnt from in every fold), for one target. Returns [item, score] pairs.
 */
export function outOfSetScores(items, always, target, opts, scoreOf = scoreItem) {
  const sets = [...new Set(items.map((x) => x.set))].sort();
  const out = [];
  for (const s of sets) {
    const m = train(rowsFor(items.filter((x) => x.set !== s).concat(always), target, opts), optsFor(target, opts));
    for (const x of items.filter((x) => x.set === s)) out.push([x, scoreOf(m, x)]);
  }
  return out;
}

/** The threshold for one target from out-of-set scores: the lowest that keeps alarms on its quiet labels (its
 * rules' own counted) at or under its bar. With `rulesToo` false, the classifier's alone. */
export function thresholdFromScores(oof, target, rulesToo = true) {
  const quiet = oof.filter(([x]) => target.quiet.includes(x.label));
  return thresholdFor(quiet.map(([, z]) => z), quiet.map(([x]) => rulesToo && x[target.rule]), target.bar);
}

/**
 * The thresholds of one target from out-of-set scores: `threshold`, above which the classifier alone raises the
 * note, and `ruleThreshold`, above which a text the rules flag raises it (-Infinity: every rule's hit counts, as
 * thresholdFromScores() has it). The rules' hits on idioms cost the same bar as the classifier's; a rule hit
 * with a low score is more often an idiom than danger ("I could kill for a coffee"), so the pair is the one
 * that catches the most positives with alarms on the quiet labels at or under the bar, trying as
 * `ruleThreshold` each score of a quiet text the rules flag (lowest first, so a tie keeps more of the rules).
 * Without `target.ruleThreshold`: thresholdFromScores() with -Infinity.
 */
export function thresholdsFromScores(oof, target) {
  if (!target.ruleThreshold) return { threshold: thresholdFromScores(oof, target, true), ruleThreshold: -Infinity };
  const quiet = oof.filter(([x]) => target.quiet.includes(x.label));
  const positives = oof.filter(([x]) => x.label === target.label);
  const zs = quiet.map(([, z]) => z);
  // An ungated group's hit (`target.trusted`) raises the note whatever the score; a gated one's above v.
  const sure = (x) => target.trusted !== undefined && x[target.trusted];
  const gatedHit = (x) => x[target.rule] && !sure(x);
  // The gate may silence at most RULE_KEEP of the gated rules' hits on danger texts: past that it withholds the note
  // from plain danger the rules saw ("ich hab selbstmordgedanken", "looked up the lethal dose of my meds again"
  // scored low in the fourth pass's folds and were silenced), to buy the classifier a little more idiom budget.
  const ruled = positives.filter(([x]) => gatedHit(x)).map(([, z]) => z).sort((a, b) => a - b);
  const cap = RULE_KEEP < 1 && ruled.length ? ruled[Math.floor(RULE_KEEP * ruled.length)] : Infinity;
  const all = [-Infinity, ...[...new Set(quiet.filter(([x]) => gatedHit(x)).map(([, z]) => z))].sort((a, b) => a - b), Infinity];
  const search = (tries) => {
    let best;
    for (const v of tries) {
      const t = thresholdFor(zs, quiet.map(([x, z]) => sure(x) || (gatedHit(x) && z > v)), target.bar);
      if (t === Infinity) continue;
      const caught = positives.filter(([x, z]) => sure(x) || (gatedHit(x) && z > v) || z > t).length;
      if (!best || caught > best.caught) best = { caught, threshold: t, ruleThreshold: v };
    }
    return best;
  };
  // When no gate within the cap leaves the classifier any room under the bar (the rules' idiom hits alone are over
  // it), the lowest gate that does: a classifier switched off would miss far more than the gate silences.
  const best = search(all.filter((v) => v < cap)) ?? search(all);
  if (!best) return { threshold: Infinity, ruleThreshold: Infinity };
  return { threshold: best.threshold, ruleThreshold: best.ruleThreshold };
}

/** At most this fraction of the gated rule groups' hits on danger texts (out-of-set scores) may be silenced by the
 * gate (thresholdsFromScores()); the ungated groups' hits never are. */
export const RULE_KEEP = Number(process.env.RULE_KEEP ?? 0.03);

export const DEFAULTS = { positiveWeight: Number(process.env.POSITIVE_WEIGHT ?? 2), minDf: Number(process.env.MIN_DF ?? 2), l2: 1e-4, epochs: 30, rate: 0.3, seed: 1, prune: Number(process.env.PRUNE ?? 0.005) };

/**
 * Trains on rows of { feats: Set<string>, y: 0|1, weight?: number (1 unless given) }; returns { bias, weights: Map<feature, weight> }.
 * Deterministic: a fixed shuffle each epoch. Weights are rounded to 4 decimals, as shipped.
 */
export function train(rows, opts = {}) {
  const { minDf, l2, epochs, rate, seed: s0, prune } = { ...DEFAULTS, ...opts };
  const df = new Map();
  for (const r of rows) for (const f of r.feats) df.set(f, (df.get(f) ?? 0) + 1);
  const index = new Map();
  for (const [f, n] of df) if (n >= minDf) index.set(f, index.size);
  const xs = rows.map((r) => Int32Array.from([...r.feats].filter((f) => index.has(f)).map((f) => index.get(f))));
  const ys = rows.map((r) => r.y);
  const ws = rows.map((r) => r.weight ?? 1);
  // The L2 penalty scales with the texts' total weight, so a tenth-weight text adds a tenth of a text's worth.
  const total = ws.reduce((a, b) => a + b, 0);
  const w = new Float64Array(index.size);
  const g2 = new Float64Array(index.size).fill(1e-8);
  let b = 0;
  let gb = 1e-8;
  let seed = s0;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const order = rows.map((_, i) => i);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      const x = xs[i];
      let z = b;
      for (const k of x) z += w[k];
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - ys[i]) * ws[i];
      gb += g * g;
      b -= (rate * g) / Math.sqrt(gb);
      for (const k of x) {
        const gk = g + l2 * w[k] * total * ws[i];
        g2[k] += gk * gk;
        w[k] -= (rate * gk) / Math.sqrt(g2[k]);
      }
    }
  }
  const weights = new Map();
  // Weights smaller than `prune` are left out: they move no score by much, and the shipped table stays small.
  for (const [f, k] of index) if (Math.abs(w[k]) >= prune) weights.set(f, Math.round(w[k] * 1e4) / 1e4);
  return { bias: b, weights };
}

/** The model's score for a set of features (a log-odds; higher is more likely danger). */
export function score(model, feats) {
  let z = model.bias;
  for (const f of feats) z += model.weights.get(f) ?? 0;
  return z;
}

/** The model's score for an item as the program scores its text: the highest of its windows (`x.wins`, from
 * windowFeatures(): the whole of a short text, and each sentence of one with several). */
export function scoreItem(model, x) {
  let best = -Infinity;
  for (const f of x.wins) best = Math.max(best, score(model, f));
  return best;
}

/**
 * The threshold that keeps false alarms on the `negatives` scores at or under `rate` (a fraction), counting
 * the ones the rules already raise (`ruled`, same order) as alarms whatever the score.
 */
export function thresholdFor(negatives, ruled, rate) {
  const free = negatives.filter((_, i) => !ruled[i]).sort((a, b) => b - a);
  const allowed = Math.floor(rate * negatives.length) - ruled.filter(Boolean).length;
  if (allowed < 0) return Infinity;
  // Scores strictly above the threshold raise the note: allow the top `allowed` free ones.
  return allowed < free.length ? free[allowed] : -Infinity;
}
