// Filters of `list` and `export` -> one SQL query over records (newest first).

export interface ListFilters {
  /** Inclusive bounds on occurredAt, as UTC ISO strings. */
  since?: string;
  until?: string;
  distortion?: string;
  emotion?: string;
  tag?: string;
  /** Full-text search: plain words, or an FTS5 query when it uses quotes or operators. */
  search?: string;
  limit?: number;
  /** Oldest first instead of newest first (exports read better that way). */
  ascending?: boolean;
}

const FTS_SYNTAX = /["*()^:]|\b(AND|OR|NOT|NEAR)\b/;

/** Plain words become quoted terms (so "can't" or "C++" just work); real FTS5 syntax passes through. */
export function toFtsQuery(search: string): string {
  const s = search.trim();
  if (FTS_SYNTAX.test(s)) return s;
  return s
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `"${w.replace(/"/g, '""')}"`)
    .join(' ');
}

export function buildListQuery(f: ListFilters): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.since) { where.push('r.occurred_at >= ?'); params.push(f.since); }
  if (f.until) { where.push('r.occurred_at <= ?'); params.push(f.until); }
  if (f.distortion) {
    where.push('r.seq IN (SELECT record_seq FROM record_distortions WHERE distortion_id = ?)');
    params.push(f.distortion);
  }
  if (f.emotion) {
    where.push('r.seq IN (SELECT record_seq FROM emotions WHERE name = ?)');
    params.push(f.emotion.trim().toLowerCase());
  }
  if (f.tag) {
    where.push('r.seq IN (SELECT record_seq FROM tags WHERE tag = ?)');
    params.push(f.tag.trim().replace(/^#/, '').toLowerCase());
  }
  if (f.search !== undefined) {
    where.push('r.seq IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)');
    params.push(toFtsQuery(f.search));
  }
  const dir = f.ascending ? 'ASC' : 'DESC';
  let sql = `SELECT r.seq FROM records r${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY r.occurred_at ${dir}, r.id ${dir}`;
  if (f.limit !== undefined) { sql += ' LIMIT ?'; params.push(f.limit); }
  return { sql, params };
}
