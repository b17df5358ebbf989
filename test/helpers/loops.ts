// How many rounds a fault loop runs. The full count runs when REFRAME_FAULTS_FULL=1 (CI sets it: .ci/run);
// a developer's `npm run test:faults` runs the short count so the suite stays within its stated time.
export function loops(full: number, quick: number): number {
  return process.env.REFRAME_FAULTS_FULL === '1' ? full : quick;
}
