// The filters `list` and `export` share: flags -> ListFilters, validated.
import type { Context } from '../context';
import type { ListFilters } from '../journal/query';
import { UsageError } from '../errors';
import { msg } from '../messages';
import type { OptionShape, OptionsOf } from './options';

export const FILTER_OPTIONS = {
  since: 'string', until: 'string', distortion: 'string', emotion: 'string', tag: 'string', search: 'string', limit: 'string',
} as const satisfies OptionShape;
export type FilterFlags = OptionsOf<typeof FILTER_OPTIONS>;

export async function toFilters(o: FilterFlags, ctx: Context): Promise<ListFilters> {
  const now = ctx.clock.now();
  const f: ListFilters = {};
  if (o.since !== undefined || o.until !== undefined) {
    // date-fns loads only when a bound was given; its parser only for a date, not for 7d (relative-dates.ts).
    const { readBound } = await import('../domain/relative-dates');
    if (o.since !== undefined) f.since = (await readBound('--since', o.since, now, 'start')).toISOString();
    if (o.until !== undefined) f.until = (await readBound('--until', o.until, now, 'end')).toISOString();
  }
  if (f.since && f.until && f.since > f.until) throw new UsageError(msg.input.sinceAfterUntil, msg.input.sinceAfterUntilHint);
  if (o.distortion !== undefined) {
    // An id no longer in the library may still be in old records: allow it if the format is right.
    const id = o.distortion.trim();
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new UsageError(msg.errors.unknownDistortion(id), msg.errors.unknownDistortionHint);
    if (!ctx.library().has(id) && !ctx.journalIfExists()?.usesDistortion(id)) ctx.library().check([id]);
    f.distortion = id;
  }
  if (o.emotion !== undefined) f.emotion = o.emotion;
  if (o.tag !== undefined) f.tag = o.tag;
  if (o.search !== undefined) {
    if (o.search.trim() === '') throw new UsageError(msg.errors.badSearch, msg.errors.badSearchHint);
    f.search = o.search;
  }
  if (o.limit !== undefined) {
    if (!/^\d{1,9}$/.test(o.limit.trim()) || Number(o.limit) < 1) throw new UsageError(msg.errors.badLimit);
    f.limit = Number(o.limit);
  }
  return f;
}
