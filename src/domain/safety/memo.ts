// The detector's memories: most words (and short texts) of a journal come back again and again, so what is worked
// out for one is kept. Bounded, so a long import can't grow them: once full, a memory forgets everything and starts
// again (cheaper than tracking which entry is oldest, and the words that matter come straight back).

/** Each key's value, worked out by `make` the first time it is asked for, kept until `max` keys are held. */
export class Memo<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly max: number, private readonly make: (key: K) => V) {}

  get(key: K): V {
    let v = this.map.get(key);
    if (v === undefined) {
      v = this.make(key);
      if (this.map.size >= this.max) this.map.clear();
      this.map.set(key, v);
    }
    return v;
  }

  /** Forget every key. */
  clear(): void {
    this.map.clear();
  }
}

/** How many words (or texts) a memory holds at most. */
export const MEMO_MAX = 50_000;
