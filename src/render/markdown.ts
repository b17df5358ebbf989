// Markdown for people (a therapist, a notes vault): a title with the period, a short summary, then each
// record as a section. Pure; big exports come out as a generator of chunks, one per record.
//
// What a person wrote is kept as typed but can never change the document's shape: every text field is a
// blockquote (or a list item), markdown characters in it are escaped, a line's leading spaces are written as
// &#32; so they can't make a code block, and its line breaks are hard breaks. So `# not a heading`, `---`,
// `> quote`, `1. list`, `*stars*` or `<b>` in a situation show exactly as typed. Only white space is tidied:
// spaces at the end of a line and runs of blank lines are not kept (JSON keeps everything).
//
// It renders the same in CommonMark (markdown-it, Obsidian, GitHub) and Python-Markdown (MkDocs): a backslash
// escapes only what both read as escapable (\ ` * _ [ ] # + - . ) >), anything else is a character reference
// (&lt; &amp; &#124; &#126; &#61;), a hard break is two spaces at the end of the line (Python-Markdown has no
// backslash break), and a list item's later lines are indented four spaces (Python-Markdown's rule).
import { format } from 'date-fns';
import type { ThoughtRecord } from '../domain/record';
import { localDateTime } from './text';
import { msg } from '../messages';
import { awaitsBalancedThought } from '../domain/balanced-thought';

export interface PatternNames {
  get(id: string): { name: string } | undefined;
}

// ---- escaping ----------------------------------------------------------------------------------

/**
 * Escape what would start emphasis, code, links, HTML, tables, strikethrough or an entity: a backslash for
 * what CommonMark and Python-Markdown both unescape, a character reference for the rest.
 */
export function escapeInline(s: string): string {
  if (!INLINE_SPECIAL.test(s)) return s; // most text has nothing to escape: skip the passes
  return s
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '&amp;')
    .replace(/[\\`*_[\]]/g, '\\$&')
    .replace(/</g, '&lt;')
    .replace(/\|/g, '&#124;')
    .replace(/~/g, '&#126;');
}

const INLINE_SPECIAL = /[\\`*_[\]|~<&]/;
const LINE_START_SPECIAL = /^[#>+=\-0-9]/;

/** After escapeInline: what would start a heading, quote, list, rule or setext underline at the start of a line. */
function escapeLineStart(s: string): string {
  if (!LINE_START_SPECIAL.test(s)) return s;
  return s.replace(/^([#>+-])/, '\\$1').replace(/^=/, '&#61;').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** A hard line break that CommonMark and Python-Markdown both read: two spaces before the line end. */
const BR = '  \n';

/** One line of a person's text, safe anywhere a paragraph line can go. */
export function encodeLine(line: string): string {
  // NUL is shown as U+FFFD by CommonMark readers; writing it so makes Python-Markdown show the same.
  // Python-Markdown takes NEL (U+0085, an invisible control) for white space: it is written as a space.
  const trimmed = line.replace(/\0/g, '\uFFFD').replace(/\u0085/g, ' ').replace(/[ \t]+$/, '');
  const lead = /^[ \t]*/.exec(trimmed)![0];
  const body = escapeInline(trimmed.slice(lead.length));
  if (!lead) return escapeLineStart(body);
  return lead.replace(/ /g, '&#32;').replace(/\t/g, '&#9;') + body;
}

/** Text -> paragraphs of encoded lines (blank-line runs become one paragraph break). */
function paragraphs(text: string): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    // A line of white space alone (any kind, NEL too, in any mix: the two renderers disagree on a lone form
    // feed or line separator) is a paragraph break.
    if (line.replace(/\u0085/g, ' ').trim() === '') {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(encodeLine(line));
  }
  if (cur.length) out.push(cur);
  return out;
}

/** A person's text as a blockquote. */
export function mdQuote(text: string): string {
  const ps = paragraphs(text);
  if (ps.length === 0) return '>';
  return ps.map((p) => p.map((l) => `> ${l}`).join(BR)).join('\n>\n');
}

/** A person's text as one list item. */
export function mdItem(text: string): string {
  const ps = paragraphs(text);
  if (ps.length === 0) return '- &#32;'; // an empty item: a bare '-' is no list item to Python-Markdown
  return '- ' + ps.map((p) => p.join(`${BR}    `)).join('\n\n    ');
}

/**
 * A list of a person's texts. When an item has paragraphs of its own, items are set apart by blank lines: in
 * Python-Markdown a list item right after an indented paragraph would otherwise join that paragraph.
 */
export function mdList(texts: string[]): string {
  const items = texts.map(mdItem);
  return items.join(items.some((i) => i.includes('\n\n')) ? '\n\n' : '\n');
}

/** A short name (a feeling, a tag) on one line. */
export function mdWord(s: string): string {
  return escapeInline(s.replace(/\s+/g, ' ').trim());
}

// ---- summary -----------------------------------------------------------------------------------

interface Pair { n: number; pairs: number; before: number; after: number }

/** Counts for the summary, gathered one record at a time (memory stays small however big the journal). */
export class MdSummary {
  count = 0;
  first?: string;
  last?: string;
  private patterns = new Map<string, number>();
  private emotions = new Map<string, Pair>();
  private belief: Pair = { n: 0, pairs: 0, before: 0, after: 0 };

  /** Only a record's time, ratings and patterns count (export reads just those for this first pass). */
  add(r: Pick<ThoughtRecord, 'occurredAt' | 'beliefBefore' | 'beliefAfter' | 'emotions' | 'distortions'>): void {
    this.count++;
    if (!this.first || r.occurredAt < this.first) this.first = r.occurredAt;
    if (!this.last || r.occurredAt > this.last) this.last = r.occurredAt;
    for (const d of new Set(r.distortions)) this.patterns.set(d, (this.patterns.get(d) ?? 0) + 1);
    for (const e of r.emotions) {
      const p = this.emotions.get(e.name) ?? { n: 0, pairs: 0, before: 0, after: 0 };
      p.n++;
      if (e.after !== undefined) {
        p.pairs++;
        p.before += e.before;
        p.after += e.after;
      }
      this.emotions.set(e.name, p);
    }
    if (r.beliefBefore !== undefined) {
      this.belief.n++;
      if (r.beliefAfter !== undefined) {
        this.belief.pairs++;
        this.belief.before += r.beliefBefore;
        this.belief.after += r.beliefAfter;
      }
    }
  }

  topPatterns(k = 5): { id: string; count: number }[] {
    return [...this.patterns].map(([id, count]) => ({ id, count }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)).slice(0, k);
  }

  topEmotions(k = 5): { name: string; count: number; rerated: number; meanBefore?: number; meanAfter?: number }[] {
    return [...this.emotions].map(([name, p]) => ({
      name, count: p.n, rerated: p.pairs,
      meanBefore: p.pairs ? p.before / p.pairs : undefined,
      meanAfter: p.pairs ? p.after / p.pairs : undefined,
    })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, k);
  }

  beliefChange(): { rated: number; meanBefore?: number; meanAfter?: number } {
    const b = this.belief;
    return { rated: b.pairs, meanBefore: b.pairs ? b.before / b.pairs : undefined, meanAfter: b.pairs ? b.after / b.pairs : undefined };
  }
}

// ---- the document ------------------------------------------------------------------------------

export interface MdDocOptions {
  library: PatternNames;
  /** When the export was made. */
  now: Date;
  /** The period asked for (--since/--until), as ISO strings; otherwise the records' own first and last dates. */
  since?: string;
  until?: string;
  /** The filters in words, e.g. ["tag partner", "newest 5"], shown under the title. */
  filters?: string[];
}

const ARROW = '→';
const day = (iso: string) => format(new Date(iso), 'd MMM yyyy');
const round = (x: number) => String(Math.round(x));

function change(before: number | undefined, after: number | undefined): string {
  if (before === undefined) return after === undefined ? '' : `? ${ARROW} ${after}`;
  return after === undefined ? `${before}` : `${before} ${ARROW} ${after}`;
}

function patternLabel(id: string, lib: PatternNames): string {
  const p = lib.get(id);
  return p ? `${escapeInline(p.name)} (\`${id}\`)` : `\`${id}\` (${msg.unknownPattern})`;
}

function patternName(id: string, lib: PatternNames): string {
  const p = lib.get(id);
  return p ? escapeInline(p.name) : `\`${id}\``;
}

/** The title, the line under it and the summary. */
export function renderMdHead(s: MdSummary, o: MdDocOptions): string {
  const from = o.since ?? s.first;
  const to = o.until ?? s.last;
  let title = '# Thought records';
  if (from && to) title += day(from) === day(to) ? `, ${day(from)}` : `, ${day(from)} to ${day(to)}`;
  else if (from) title += `, from ${day(from)}`;
  else if (to) title += `, up to ${day(to)}`;
  const lines = [title, ''];
  lines.push(`Exported from Reframe on ${localDateTime(o.now.toISOString())}. ${s.count === 0 ? 'No records.' : `${msg.plural(s.count, 'record')}, oldest first.`}`);
  if (o.filters?.length) lines.push('', `Filters: ${o.filters.map(mdWord).join('; ')}.`);
  if (s.count === 0) return lines.join('\n') + '\n';

  lines.push('', '## Summary', '');
  lines.push(`- **Records:** ${s.count}`);
  const top = s.topPatterns();
  lines.push(`- **Most frequent patterns:** ${top.length ? top.map((p) => `${patternName(p.id, o.library)} (${p.count})`).join(', ') : 'none named'}`);
  const em = s.topEmotions().map((e) =>
    e.rerated
      ? `${mdWord(e.name)} ${round(e.meanBefore!)} ${ARROW} ${round(e.meanAfter!)} (${e.rerated} of ${e.count} re-rated)`
      : `${mdWord(e.name)} (${e.count}, not re-rated yet)`);
  lines.push(`- **Feelings, before ${ARROW} after on average:** ${em.join('; ')}`);
  const b = s.beliefChange();
  lines.push(`- **Belief in the hot thought, before ${ARROW} after on average:** ${
    b.rated ? `${round(b.meanBefore!)} ${ARROW} ${round(b.meanAfter!)} (${msg.plural(b.rated, 'record')} rated both times)` : 'not re-rated yet'}`);
  return lines.join('\n') + '\n';
}

/** One record as a section. Level 2 inside the document, level 1 as a file of its own. */
export function renderMdRecord(r: ThoughtRecord, o: { library: PatternNames; level: 1 | 2 }): string {
  const h = '#'.repeat(o.level);
  const blocks: string[] = [];
  const field = (label: string, body: string | string[]) => {
    blocks.push(`**${label}**`, ...(Array.isArray(body) ? body : [body]));
  };
  blocks.push(`${h} ${localDateTime(r.occurredAt)}`);
  blocks.push(`\`${r.id}\` · written ${localDateTime(r.createdAt)}`);
  field('Situation', mdQuote(r.situation));
  field(`Feelings (before ${ARROW} after)`, [r.emotions.map((e) => `- ${escapeLineStart(mdWord(e.name))}: ${change(e.before, e.after)}`).join('\n')]);
  const belief = r.beliefBefore !== undefined || r.beliefAfter !== undefined ? ` (belief ${change(r.beliefBefore, r.beliefAfter)})` : '';
  field(`Hot thought${belief}`, mdQuote(r.thought));
  if (r.otherThoughts.length) field('Other thoughts', mdList(r.otherThoughts));
  if (r.distortions.length) field('Thinking patterns', r.distortions.map((d) => `- ${patternLabel(d, o.library)}`).join('\n'));
  if (r.evidenceFor.length) field('Evidence for the thought', mdList(r.evidenceFor));
  if (r.evidenceAgainst.length) field('Evidence against the thought', mdList(r.evidenceAgainst));
  if (r.answers.length) {
    field('Questions', r.answers.flatMap((a) => [questionLine(a.question), mdQuote(a.answer)]));
  }
  if (r.reframe !== undefined) field(`Balanced thought${r.reframeBelief !== undefined ? ` (believed ${r.reframeBelief})` : ''}`, mdQuote(r.reframe));
  else if (r.reframeBelief !== undefined) field(`Balanced thought (believed ${r.reframeBelief})`, []);
  else if (awaitsBalancedThought(r)) field('Balanced thought', msg.flow.noReframeYet(r.id));
  if (r.whenTrue) {
    field('When the thought is true', [
      ...(r.actionPlan !== undefined ? ['*What I can do*', mdQuote(r.actionPlan)] : []),
      ...(r.whenTrue.help !== undefined ? ['*Help I can ask for*', mdQuote(r.whenTrue.help)] : []),
      ...(r.whenTrue.friend !== undefined ? ['*What I would tell a friend*', mdQuote(r.whenTrue.friend)] : []),
    ].flat());
  } else if (r.actionPlan !== undefined) field('Next step', mdQuote(r.actionPlan));
  if (r.tags.length) blocks.push(`**Tags:** ${r.tags.map(mdWord).join(', ')}`);
  return blocks.join('\n\n') + '\n';
}

/** A question asked of the thought: in italics when it is one line, as plain lines otherwise. */
function questionLine(q: string): string {
  const ps = paragraphs(q);
  // In italics only when nothing in it was escaped: emphasis around escapes is read differently by
  // CommonMark and Python-Markdown. The guided flow's own questions are plain sentences.
  if (ps.length === 1 && ps[0].length === 1 && /^[^\s\\&*_]([^\\&*_]*[^\s\\&*_])?$/.test(ps[0][0])) return `*${ps[0][0]}*`;
  return ps.map((p) => p.join(BR)).join('\n\n');
}

/** The whole document as chunks: the head, then one chunk per record. */
export function* markdownDocument(records: Iterable<ThoughtRecord>, summary: MdSummary, o: MdDocOptions): Generator<string> {
  yield renderMdHead(summary, o);
  for (const r of records) yield '\n---\n\n' + renderMdRecord(r, { library: o.library, level: 2 });
}
