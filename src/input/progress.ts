// Flags of beliefs, experiments and re-ratings made into typed values; ids of beliefs and experiments resolved.
import { addDays, format, startOfDay } from 'date-fns';
import type { Journal } from '../journal/journal';
import { UsageError } from '../errors';
import { msg } from '../messages';
import { parseDateTime } from '../domain/dates';
import { MAX_TEXT } from '../domain/record';

const p = msg.progress;

/** Free text from a flag: kept exactly as typed; blank is an error naming the flag. */
export function textFlag(flag: string, v: string | undefined): string {
  if (v === undefined || v.trim() === '') throw new UsageError(p.emptyText(flag));
  if (v.length > MAX_TEXT) throw new UsageError(p.tooLong(flag));
  return v;
}

export function optionalText(flag: string, v: string | undefined): string | undefined {
  return v === undefined ? undefined : textFlag(flag, v);
}

/** A belief's id from a full id or a prefix of 6+ characters (an ambiguous one lists the candidates). */
export function resolveBelief(j: Journal, prefix: string): string {
  return j.progress.resolveBeliefId(prefix, { short: p.shortId, none: p.noBelief, hint: p.noBeliefHint });
}

export function resolveExperiment(j: Journal, prefix: string): string {
  return j.progress.resolveExperimentId(prefix, { short: p.shortId, none: p.noExperiment, hint: p.noExperimentHint });
}

/** --due: a local day, yyyy-MM-dd: a date, today, tomorrow, or Nd (N days from today). */
export function parseDue(value: string, now: Date): string {
  const v = value.trim().toLowerCase();
  const rel = /^(\d{1,3})\s*d$/.exec(v);
  let day: Date | undefined;
  if (v === 'tomorrow') day = addDays(startOfDay(now), 1);
  else if (rel) day = addDays(startOfDay(now), Number(rel[1]));
  else {
    const d = parseDateTime(value, now);
    if (d && d.dateOnly) day = d.date;
  }
  if (!day || day.getFullYear() < 1900 || day.getFullYear() > 2200) throw new UsageError(p.badDue(value));
  return format(day, 'yyyy-MM-dd');
}

/** --at for a rating or a log entry: when (default now), never more than a minute ahead. */
export function parseWhen(value: string | undefined, now: Date): string {
  if (value === undefined) return now.toISOString();
  const d = parseDateTime(value, now);
  if (!d || d.date.getFullYear() < 1900 || d.date.getFullYear() > 2200) throw new UsageError(msg.errors.badDate('--at', value));
  return d.date.toISOString();
}
