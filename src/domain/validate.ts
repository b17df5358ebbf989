// Zod errors -> plain, field-by-field sentences that never quote what was typed.
import type * as z from 'zod';

/** "emotions[0].before" from a zod path. */
export function fieldPath(path: PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

/** The value at a zod issue's path in the input (zod 4 leaves issue.input out unless asked). */
function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v: unknown = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

export function describeZodIssue(issue: z.core.$ZodIssue, input?: unknown): string {
  const where = fieldPath(issue.path);
  let what: string;
  switch (issue.code) {
    case 'unrecognized_keys':
      what = `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k.slice(0, 40)}"`).join(', ')}`;
      break;
    case 'invalid_type': {
      const value = issue.input !== undefined ? issue.input : input === undefined ? undefined : valueAt(input, issue.path);
      // A schema's own message ("must be a whole number from 0 to 100") says more than zod's default.
      what = value === undefined ? 'is missing' : /^Invalid input/.test(issue.message) ? `must be ${article(issue.expected)}` : issue.message;
      break;
    }
    default:
      what = issue.message;
  }
  return where ? `${where} ${what}` : what.replace(/^has/, 'the record has').replace(/^must/, 'the record must');
}

function article(t: string): string {
  if (t === 'array') return 'a list';
  if (t === 'object') return 'an object';
  if (t === 'string') return 'text';
  if (t === 'number') return 'a number';
  if (t === 'int') return 'a whole number';
  return t;
}

/** Up to three issues, joined: enough to fix the input without a wall of text. */
export function describeZodError(err: z.core.$ZodError, input?: unknown): string {
  const parts = err.issues.slice(0, 3).map((i) => describeZodIssue(i, input));
  const more = err.issues.length > 3 ? ` (and ${err.issues.length - 3} more)` : '';
  return parts.join('; ') + more;
}
