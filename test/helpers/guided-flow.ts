// The end of a guided record in a real terminal, the same in every tmux test that goes all the way: re-rate the
// hot thought and the feeling, no small step, no tags, then save at the review.
import type { Terminal } from './tmux';

export async function finishRecord(t: Terminal, belief: string, feeling: string): Promise<void> {
  await t.waitFor('how much do you believe');
  t.type(belief);
  await t.waitFor(/How strong is the feeling .* now/);
  t.type(feeling);
  await t.waitFor('one small step');
  t.type('');
  await t.waitFor('Any tags');
  t.type('');
  await t.waitFor('Save it, or change an answer?');
  t.key('Enter');
}
