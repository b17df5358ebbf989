// The downward arrow (issue 15, item 3), offered after the hot thought: "If that were true, what would it mean
// about you?", step by step (up to five), down to a belief that can be kept as a core belief or linked to one
// already kept. When a kept belief resembles the hot thought, linking to it is offered first. Self-contained:
// asks only through the Prompter, saves its state after every answer (the record's draft), and every answer is
// looked at by the safety watch; words of danger end the arrow there (they are never made into a "belief").
import type { Prompter } from './prompter';
import type { SafetyWatch } from './safety-watch';
import { resemblance } from '../domain/progress';
import { msg } from '../messages';

export const MAX_ARROW_STEPS = 5;
/** How much a kept belief must share with the hot thought to be offered for linking. */
const RESEMBLES = 0.5;

export interface ArrowState {
  /** The answers, top to bottom. */
  steps: string[];
  /** Where it ended: linked to a kept belief, a new belief to keep (with its conviction), or just noticed. */
  outcome?: { link: string } | { keep: string; conviction: number } | { leave: true };
  finished?: boolean;
}

export interface ArrowDeps {
  prompter: Prompter;
  /** The beliefs the person keeps (id and words). */
  beliefs: { id: string; text: string }[];
  save: (a: ArrowState) => void;
  watch?: SafetyWatch;
}

export async function runDownwardArrow(hot: string, state: ArrowState, d: ArrowDeps): Promise<ArrowState> {
  const p = d.prompter;
  const a = state;
  if (a.finished) return a;
  const a11y = msg.progress;
  const finish = (outcome?: ArrowState['outcome']) => {
    if (outcome) a.outcome = outcome;
    a.finished = true;
    d.save(a);
    return a;
  };

  // A kept belief that sounds like the hot thought: offer the link first.
  if (a.steps.length === 0) {
    const near = d.beliefs.map((b) => ({ b, r: resemblance(b.text, hot) })).filter((x) => x.r >= RESEMBLES).sort((x, y) => y.r - x.r)[0];
    if (near && await p.confirm({ name: 'arrowResembles', message: a11y.resembles(oneLine(near.b.text)), default: true })) {
      return finish({ link: near.b.id });
    }
    if (!await p.confirm({ name: 'arrowOffer', message: a11y.arrowOffer, default: false })) return finish();
  }

  while (a.steps.length < MAX_ARROW_STEPS) {
    const above = a.steps.length ? a.steps[a.steps.length - 1] : hot;
    p.note(`  "${oneLine(above)}"`);
    const answer = await p.input({ name: 'arrowStep', message: `${a11y.arrowStep} ${a.steps.length ? a11y.arrowHint : ''}`.trim() });
    if (answer.trim() === '') break;
    a.steps.push(answer);
    d.save(a);
    await d.watch?.after([answer]);
    const concern = await d.watch?.assess([answer]);
    if (concern && (concern.danger || concern.abuse)) return finish({ leave: true });
  }
  if (a.steps.length === 0) return finish();

  const bottom = a.steps[a.steps.length - 1];
  p.note(a11y.arrowDone(oneLine(bottom)));
  const ranked = d.beliefs.map((b) => ({ b, r: resemblance(b.text, bottom) })).sort((x, y) => y.r - x.r).slice(0, 5);
  const choice = await p.select<string>({
    name: 'arrowWhat',
    message: a11y.arrowWhat,
    choices: [
      { value: 'keep', name: a11y.arrowKeep },
      ...ranked.map(({ b }) => ({ value: `link:${b.id}`, name: a11y.arrowLink(oneLine(b.text)) })),
      { value: 'leave', name: a11y.arrowLeave },
    ],
  });
  if (choice === 'keep') {
    const conviction = await p.rating({ name: 'arrowConviction', message: a11y.arrowConviction });
    return finish({ keep: bottom, conviction });
  }
  if (choice.startsWith('link:')) return finish({ link: choice.slice(5) });
  return finish({ leave: true });
}

function oneLine(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 80 ? one.slice(0, 77) + '...' : one;
}
