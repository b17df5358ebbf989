// Filters of `list` and `export` -> one SQL query over records (newest first).
import { normaliseTag } from '../domain/tags';

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
  /** Oldest first instead of newest first (exports read better that way). With a limit: the newest N, oldest first. */
  ascending?: boolean;
}

const FTS_SYNTAX = /["*()^:]|\b(AND|OR|NOT|NEAR)\b/;

/**
 * Scripts written without spaces between words (Chinese, Japanese, Thai...) and Korean, whose words carry
 * endings: the tokenizer keeps a whole run as one token, so "日本" would never find "日本語". Such words,
 * and words with no letter or digit at all (an emoji), are matched as substrings instead.
 */
const SUBSTRING_SCRIPTS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export interface SearchPlan {
  /** An FTS5 query, when any word goes through the index. */
  match?: string;
  /** Words matched as substrings of the text (each must appear). */
  substrings: string[];
}

/**
 * --search TEXT -> the FTS5 query and the substring words, all of which a record must contain.
 * Plain words become quoted terms (so "can't" or "C++" just work); real FTS5 syntax passes through whole.
 */
export function planSearch(search: string): SearchPlan {
  const s = search.trim();
  if (FTS_SYNTAX.test(s)) return { match: s, substrings: [] };
  const words = s.split(/\s+/).filter(Boolean);
  const substrings = words.filter((w) => SUBSTRING_SCRIPTS.test(w) || !LETTER_OR_DIGIT.test(w));
  const indexed = words.filter((w) => !substrings.includes(w));
  return {
    match: indexed.length ? indexed.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ') : undefined,
    substrings,
  };
}

const likeEscape = (w: string) => w.replace(/[\\%_]/g, (c) => '\\' + c);

/** Characters JSON writes escaped: a word without them appears as it is in a list's JSON text. */
const JSON_ESCAPED = /["\\\u0000-\u001f]/;

/**
 * SQL for "some text field of record r contains word" (the search index keeps words, not text: migration 7).
 * The free-text lists are JSON arrays in record_lists; their JSON text is looked at first (cheap, and it always
 * holds a word that needs no escaping), then the items themselves, so a match is exact either way.
 */
function containsSql(word: string, params: unknown[]): string {
  const like = `%${likeEscape(word)}%`;
  const matches = "LIKE ? ESCAPE '\\'";
  const fields = ['x.situation', 'x.thought', 'x.reframe', 'x.action_plan'].map((c) => `${c} ${matches}`);
  params.push(like, like, like, like);
  const lists: [column: string, items: string][] = [
    ['l.other_thoughts', 'json_each(l.other_thoughts) WHERE'],
    ['l.evidence_for', 'json_each(l.evidence_for) WHERE'],
    ['l.evidence_against', 'json_each(l.evidence_against) WHERE'],
    ['l.answers', "json_tree(l.answers) WHERE type = 'text' AND"], // [question, answer] pairs
  ];
  const inLists: string[] = [];
  for (const [column, items] of lists) {
    const exact = `EXISTS (SELECT 1 FROM ${items} value ${matches})`;
    if (JSON_ESCAPED.test(word)) {
      inLists.push(exact);
      params.push(like);
    } else {
      inLists.push(`(${column} ${matches} AND ${exact})`);
      params.push(like, like);
    }
  }
  // One pass over each table, into a set the query then looks records up in (not a look per record in date order).
  return `r.seq IN (SELECT x.seq FROM records x WHERE ${fields.join(' OR ')}
    UNION ALL SELECT l.record_seq FROM record_lists l WHERE ${inLists.join(' OR ')})`;
}

/** The WHERE conditions of the filters (all but the limit and the order), with their parameters. */
function listWhere(f: ListFilters): { where: string[]; params: unknown[] } {
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
    params.push(normaliseTag(f.tag));
  }
  if (f.search !== undefined) {
    const plan = planSearch(f.search);
    if (plan.match !== undefined) {
      where.push('r.seq IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)');
      params.push(plan.match);
    }
    for (const w of plan.substrings) {
      // Text is kept as typed, so look for the word both composed (NFC) and decomposed (NFD).
      const forms = [...new Set([w.normalize('NFC'), w.normalize('NFD')])];
      where.push(`(${forms.map((x) => containsSql(x, params)).join(' OR ')})`);
    }
  }
  return { where, params };
}

/**
 * Whether the records matching these filters can be read a page at a time in their order (pageQuery): no limit,
 * and nothing but the period, whose conditions cost nothing to ask again for each page. (A pattern, feeling, tag
 * or search is a set the query builds first; built again for every page of a big journal, it would cost more
 * than the list of matching records it saves.)
 */
export function pageable(f: ListFilters): boolean {
  return f.limit === undefined && f.distortion === undefined && f.emotion === undefined && f.tag === undefined && f.search === undefined;
}

/**
 * One page of the records matching the filters, in the order of buildListQuery, after a given record (its time
 * and id; none for the first page): seq, occurred_at and id of at most `size` records. Read page by page, a
 * journal of any size is walked with the memory of one page (export of a million records).
 */
export function pageQuery(f: ListFilters, after: [occurredAt: string, id: string] | undefined, size: number): { sql: string; params: unknown[] } {
  const { where, params } = listWhere(f);
  const dir = f.ascending ? 'ASC' : 'DESC';
  if (after) {
    // A seek on the time index (occurred_at, id: migration 13) straight to the page.
    where.push(`(r.occurred_at, r.id) ${f.ascending ? '>' : '<'} (?, ?)`);
    params.push(after[0], after[1]);
  }
  params.push(size);
  return {
    sql: `SELECT r.seq, r.occurred_at, r.id FROM records r${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY r.occurred_at ${dir}, r.id ${dir} LIMIT ?`,
    params,
  };
}

export function buildListQuery(f: ListFilters): { sql: string; params: unknown[] } {
  const { where, params } = listWhere(f);
  const dir = f.ascending ? 'ASC' : 'DESC';
  const from = `FROM records r${where.length ? ' WHERE ' + where.join(' AND ') : ''}`;
  if (f.limit !== undefined && f.ascending) {
    // --limit keeps the newest N whatever the order, so `export --limit 5` has the records `list --limit 5` shows.
    params.push(f.limit);
    return {
      sql: `SELECT seq FROM (SELECT r.seq, r.occurred_at, r.id ${from} ORDER BY r.occurred_at DESC, r.id DESC LIMIT ?) ORDER BY occurred_at ASC, id ASC`,
      params,
    };
  }
  let sql = `SELECT r.seq ${from} ORDER BY r.occurred_at ${dir}, r.id ${dir}`;
  if (f.limit !== undefined) { sql += ' LIMIT ?'; params.push(f.limit); }
  return { sql, params };
}
