// "Did you mean ...?": the nearest of some names to a word a person typed, by edit distance (Damerau-Levenshtein,
// so a swapped pair of letters, `lsit`, counts as one slip). Used for pattern ids and help topics; commander does
// the same for commands and flags.

/** Edits (insert, delete, change, swap two neighbours) between a and b. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The name nearest to `word`, when it is near enough to be a slip: at most a third of the word's length in edits
 * (at least one), as commander judges commands. Punctuation is not counted (`mindreading` is `mind-reading`).
 * A name that starts with the word (`catastroph`) counts as near too. Undefined when nothing is near.
 */
export function closest(word: string, names: readonly string[]): string | undefined {
  const plain = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const w = plain(word);
  if (!w) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  for (const name of names) {
    const n = plain(name);
    const d = n.startsWith(w) && w.length >= 4 ? 0.5 : editDistance(w, n);
    if (d < bestD) { best = name; bestD = d; }
  }
  return bestD <= Math.max(1, Math.floor(w.length / 3)) ? best : undefined;
}
