// Graded steps towards closeness (data/experiment-ideas.json): ideas offered when planning an experiment for
// the closeness patterns, easiest first. A broken file is exit 1, like the prompts: the install is damaged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from '../zod-mini';
import { OperationError } from '../errors';
import { dataDir } from '../library/data-dir';
import { msg } from '../messages';

const idea = z.strictObject({
  step: z.number(),
  text: z.string().check(z.minLength(5)),
  helpsWith: z.array(z.string()).check(z.minLength(1)),
});
const file = z.strictObject({ version: z.literal(1), about: z.optional(z.string()), ideas: z.array(idea).check(z.minLength(1)) });

export type ExperimentIdea = z.infer<typeof idea>;

export function loadIdeas(path = join(dataDir(), 'experiment-ideas.json')): ExperimentIdea[] {
  try {
    const r = file.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (r.success) return [...r.data.ideas].sort((a, b) => a.step - b.step);
  } catch { /* named below */ }
  throw new OperationError(msg.progress.ideasBroken(path), msg.daily.promptsHint);
}

/** The ideas for these patterns (all of them when none is given), easiest first. */
export function ideasFor(ideas: ExperimentIdea[], patterns: string[]): ExperimentIdea[] {
  if (patterns.length === 0) return ideas;
  const want = new Set(patterns);
  return ideas.filter((i) => i.helpsWith.some((h) => want.has(h)));
}
