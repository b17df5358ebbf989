// `export --format json|jsonl`: the contract's record form, streamed. The JSON array is byte for byte what
// `list --json` prints for the same records (2-space indent); JSON Lines is one compact record per line.
import { toJson } from '../domain/record-fields';
import type { ThoughtRecord } from '../domain/record';

/** `tail`: objects after the records (re-ratings, beliefs, ..., the safety plan, each with a "kind"); read after the records. */
export function* jsonArrayChunks(records: Iterable<ThoughtRecord>, tail: Iterable<object> = []): Generator<string> {
  let first = true;
  for (const r of records) {
    const body = JSON.stringify(toJson(r), null, 2).replace(/\n/g, '\n  ');
    yield `${first ? '[\n' : ',\n'}  ${body}`;
    first = false;
  }
  for (const o of tail) {
    yield `${first ? '[\n' : ',\n'}  ${JSON.stringify(o, null, 2).replace(/\n/g, '\n  ')}`;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}

export function* jsonlChunks(records: Iterable<ThoughtRecord>, tail: Iterable<object> = []): Generator<string> {
  for (const r of records) yield JSON.stringify(toJson(r)) + '\n';
  for (const o of tail) yield JSON.stringify(o) + '\n';
}
