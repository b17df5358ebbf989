// Run a test file's in-process date code in a given time zone, and put the old one back afterwards.
import { afterAll, beforeAll } from 'vitest';

export function inTimeZone(tz: string): void {
  const saved = process.env.TZ;
  beforeAll(() => { process.env.TZ = tz; });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
}
