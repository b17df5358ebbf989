// The export renderers, parsed back with real libraries: markdown-it (CommonMark + GFM tables and
// strikethrough, HTML on), yaml for front matter, csv-parse for CSV.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { parse as parseYaml } from 'yaml';
import { parse as parseCsv } from 'csv-parse/sync';
import { format } from 'date-fns';
import { recordSchema, toJson, type ThoughtRecord } from '../../src/domain/record';
import { loadLibrary } from '../../src/library/library';
import { encodeLine, escapeInline, MdSummary, markdownDocument, mdItem, mdQuote, renderMdHead, renderMdRecord } from '../../src/render/markdown';
import { frontMatter, frontMatterData, PlainDate, renderSplitFile, splitFileName } from '../../src/render/frontmatter';
import { csvChunks, CSV_COLUMNS, feelingColumns, guardCell } from '../../src/render/csv';
import { jsonArrayChunks, jsonlChunks } from '../../src/render/json-records';
import { validRecords, AWKWARD_PIECES } from '../helpers/arbitrary';

const library = loadLibrary();
const md = new MarkdownIt({ html: true });

const base = {
  id: '01JD7X4Q9V6M2W8K3T5R0YH1ZC', createdAt: '2026-11-22T21:30:00.000Z', occurredAt: '2026-11-22T19:05:00.000Z',
  situation: 'My partner went quiet after I told her about my week.', emotions: [{ name: 'anxious', before: 80, after: 40 }, { name: 'ashamed', before: 60 }],
  thought: "I'm not worthy of love", beliefBefore: 90, beliefAfter: 35, distortions: ['labeling', 'mind-reading'], tags: ['partner'],
};
const rec = (over: Record<string, unknown> = {}): ThoughtRecord => recordSchema.parse({ ...base, ...over });

const HOSTILE = [
  '# not a heading', '---', '***', '> not a quote', '- not a list', '1. not a list', '2) nor this', '    not code', '\tnor this',
  '```', '~~~', '<div>not html</div>', '<!-- not a comment -->', '[not](a link)', '[^1]: not a footnote', '| a | b |\n|---|---|\n| c | d |',
  'Setext?\n===', 'Setext?\n---', '*not em* _nor this_ **nor bold** ~~nor struck~~', '`not code`', '&amp; &copy; &#32;', 'back\\slash\\',
  'line one\nline two\r\nline three\rline four', 'para one\n\n\n\npara two', '💔 שלום مرحبا \u202e reversed \u2028 sep',
  '=1+1', '+=', 'trailing spaces   \nnext', '  leading spaces', 'a\u0000b', '\\# escaped already', '+ plus', '* star',
];

/** How a text should read after markdown: line ends unified, trailing spaces and blank-line runs tidied, NEL a space. */
function expectedText(s: string): string {
  const paras: string[][] = [];
  let cur: string[] = [];
  for (const line of s.replace(/\u0085/g, ' ').split(/\r\n|\r|\n/)) {
    if (/^[ \t]*$/.test(line) || line.trim() === '') { // a line of any white space alone is a paragraph break
      if (cur.length) paras.push(cur);
      cur = [];
    } else cur.push(line.replace(/[ \t]+$/, ''));
  }
  if (cur.length) paras.push(cur);
  return paras.map((p) => p.join('\n')).join('\n\n').replace(/\u0000/g, '\ufffd');
}

/** The visible text of the tokens between open and close: hard breaks as \n, paragraphs apart by \n\n. */
function textOf(tokens: Token[]): string {
  const paras: string[] = [];
  for (const t of tokens) {
    if (t.type !== 'inline') continue;
    paras.push((t.children ?? []).map((c) => (c.type === 'hardbreak' || c.type === 'softbreak' ? '\n' : c.type === 'text' || c.type === 'text_special' ? c.content : `<${c.type}>`)).join(''));
  }
  return paras.join('\n\n');
}

/** Split the token stream into the top-level blocks of a kind (blockquote, bullet_list, ...). */
function blocks(tokens: Token[], kind: string): Token[][] {
  const out: Token[][] = [];
  let depth = 0;
  let cur: Token[] = [];
  for (const t of tokens) {
    if (t.type === `${kind}_open`) {
      if (depth === 0) cur = [];
      depth++;
      continue;
    }
    if (t.type === `${kind}_close`) {
      depth--;
      if (depth === 0) out.push(cur);
      continue;
    }
    if (depth > 0) cur.push(t);
  }
  return out;
}

const kinds = (tokens: Token[]) => new Set(tokens.map((t) => t.type));

describe('markdown escaping', () => {
  it('escapes only what markdown would read', () => {
    expect(escapeInline("I can't *stop* [it] <b> a_b `c` ~d~ |e| \\ &amp; & 5 < 6 -> ok")).toBe(
      "I can't \\*stop\\* \\[it\\] &lt;b> a\\_b \\`c\\` &#126;d&#126; &#124;e&#124; \\\\ &amp;amp; & 5 &lt; 6 -> ok");
    expect(encodeLine('# title')).toBe('\\# title');
    expect(encodeLine('---')).toBe('\\---');
    expect(encodeLine('1986. A year')).toBe('1986\\. A year');
    expect(encodeLine('  two spaces')).toBe('&#32;&#32;two spaces');
    expect(encodeLine('=1+1')).toBe('&#61;1+1');
    expect(mdQuote('a\nb\n\n\nc')).toBe('> a  \n> b\n>\n> c');
    expect(mdItem('a\nb\n\nc')).toBe('- a  \n    b\n\n    c');
  });

  it('keeps every hostile line as typed and never lets it change the structure', () => {
    for (const text of HOSTILE) {
      const r = rec({ situation: text, thought: text, otherThoughts: [text], evidenceFor: [text, 'second'], reframe: text, actionPlan: text, answers: [{ question: 'Q?', answer: text }] });
      const src = renderMdRecord(r, { library, level: 2 });
      const tokens = md.parse(src, {});
      const seen = kinds(tokens);
      for (const bad of ['table_open', 'html_block', 'code_block', 'fence', 'hr', 'ordered_list_open', 'heading_open']) {
        if (bad === 'heading_open') expect(tokens.filter((t) => t.type === bad).map((t) => t.tag), text).toEqual(['h2']);
        else expect(seen.has(bad), `${bad} from ${JSON.stringify(text)}`).toBe(false);
      }
      const quotes = blocks(tokens, 'blockquote').map(textOf);
      // situation, thought, answer, reframe, plan
      expect(quotes, JSON.stringify(text)).toEqual([text, text, text, text, text].map(expectedText));
      const items = blocks(tokens, 'bullet_list').map((b) => blocks(b, 'list_item').map(textOf));
      expect(items[1], JSON.stringify(text)).toEqual([expectedText(text)]); // other thoughts
      expect(items[3], JSON.stringify(text)).toEqual([expectedText(text), 'second']); // evidence for
      const inline = tokens.filter((t) => t.type === 'inline').flatMap((t) => t.children ?? []);
      expect(inline.filter((c) => !['text', 'text_special', 'hardbreak', 'softbreak', 'strong_open', 'strong_close', 'em_open', 'em_close', 'code_inline'].includes(c.type)), text).toEqual([]);
    }
  });

  it('property: any text survives a blockquote and a list item', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...AWKWARD_PIECES, ...HOSTILE), fc.string({ unit: 'binary', maxLength: 8 })), { minLength: 1, maxLength: 12 }).map((x) => x.join('')).filter((s) => s.trim() !== ''), (text) => {
      const tokens = md.parse(`${mdQuote(text)}\n\n- x\n\n`, {});
      expect(blocks(tokens, 'blockquote').map(textOf)).toEqual([expectedText(text)]);
      const t2 = md.parse(`**Other thoughts**\n\n${mdItem(text)}\n${mdItem('next')}\n`, {});
      // An item of white space alone is written as one (encoded) space: a bare "-" is no list item to Python-Markdown.
      expect(blocks(t2, 'bullet_list').map((b) => blocks(b, 'list_item').map(textOf))).toEqual([[expectedText(text) || ' ', 'next']]);
    }), { numRuns: 300, seed: 20261206 });
  });

  it('takes a line of NEL and line separators alone for a paragraph break, as the readers do', () => {
    // Found by the random run: NEL is no white space to String.trim, so "\u0085\u2028" was written as text.
    expect(mdQuote('\u0085\u2028')).toBe('>');
    const tokens = md.parse(mdQuote('one\n\u0085\u2028\ntwo'), {});
    expect(blocks(tokens, 'blockquote').map(textOf)).toEqual(['one\n\ntwo']);
  });

  it('shows feelings, tags and unknown pattern ids without breaking lines', () => {
    const r = rec({ emotions: [{ name: '# x *y*', before: 10, after: 5 }, { name: '1. let down', before: 50 }], tags: ['a_b', '*c*'], distortions: ['labeling', 'retired-one'] });
    const src = renderMdRecord(r, { library, level: 2 });
    const tokens = md.parse(src, {});
    const lists = blocks(tokens, 'bullet_list').map((b) => blocks(b, 'list_item').map(textOf));
    expect(lists[0]).toEqual(['# x *y*: 10 → 5', '1. let down: 50']);
    expect(lists[1]).toEqual(['Labeling (<code_inline>)', '<code_inline> (a pattern no longer in the library)']);
    expect(src).toContain('**Tags:** a\\_b, \\*c\\*');
  });
});

describe('markdown document', () => {
  const records = [
    rec(),
    rec({ id: '01JD7X4Q9V6M2W8K3T5R0YH1ZD', occurredAt: '2026-11-20T08:00:00.000Z', createdAt: '2026-11-20T09:00:00.000Z', emotions: [{ name: 'anxious', before: 60, after: 50 }], beliefBefore: 70, beliefAfter: 55, distortions: ['mind-reading'], tags: [] }),
  ];
  const summary = new MdSummary();
  records.forEach((r) => summary.add(r));
  const now = new Date('2026-11-22T21:30:00.000Z');

  it('summarises count, frequent patterns, and the mean change in feelings and belief', () => {
    expect(summary.topPatterns()).toEqual([{ id: 'mind-reading', count: 2 }, { id: 'labeling', count: 1 }]);
    expect(summary.topEmotions()[0]).toEqual({ name: 'anxious', count: 2, rerated: 2, meanBefore: 70, meanAfter: 45 });
    expect(summary.beliefChange()).toEqual({ rated: 2, meanBefore: 80, meanAfter: 45 });
    const head = renderMdHead(summary, { library, now, filters: ['tag partner'] });
    expect(head).toContain(`# Thought records, ${format(new Date(records[1].occurredAt), 'd MMM yyyy')} to ${format(new Date(records[0].occurredAt), 'd MMM yyyy')}`);
    expect(head).toContain('- **Records:** 2');
    expect(head).toContain('- **Most frequent patterns:** Mind reading (2), Labeling (1)');
    expect(head).toContain('anxious 70 → 45 (2 of 2 re-rated); ashamed (1, not re-rated yet)');
    expect(head).toContain('80 → 45 (2 records rated both times)');
    expect(head).toContain('Filters: tag partner.');
  });

  it('is one document: a title, a summary, then one section per record, every field shown', () => {
    const full = rec({ otherThoughts: ["She's bored of me"], evidenceFor: ['She said little'], evidenceAgainst: ['She was tired'], answers: [{ question: 'What would you tell a friend?', answer: 'One evening is not a verdict.' }], reframe: 'She was tired.', reframeBelief: 70, actionPlan: 'Ask her tomorrow.' });
    const doc = [...markdownDocument([records[1], full], summary, { library, now })].join('');
    const tokens = md.parse(doc, {});
    const headings = tokens.flatMap((t, i) => (t.type === 'heading_open' ? [`${t.tag} ${tokens[i + 1].content}`] : []));
    expect(headings).toEqual([expect.stringMatching(/^h1 Thought records, /), 'h2 Summary', expect.stringMatching(/^h2 /), expect.stringMatching(/^h2 /)]);
    expect(tokens.filter((t) => t.type === 'hr')).toHaveLength(2);
    for (const label of ['Situation', 'Feelings (before → after)', 'Hot thought (belief 90 → 35)', 'Other thoughts', 'Thinking patterns', 'Evidence for the thought', 'Evidence against the thought', 'Questions', 'Balanced thought (believed 70)', 'Next step']) {
      expect(doc).toContain(`**${label}**`);
    }
    expect(doc).toContain('*What would you tell a friend?*');
    expect(doc).toContain('- anxious: 80 → 40');
    expect(doc).toContain('**Tags:** partner');
    expect(doc).toContain(full.id);
  });

  it('says so when nothing matched', () => {
    const doc = [...markdownDocument([], new MdSummary(), { library, now })].join('');
    expect(doc).toMatch(/^# Thought records\n\nExported from Reframe on .*\. No records\.\n$/);
  });
});

describe('split markdown files', () => {
  it('names files by UTC time and short id, and uses the full id when two would collide', () => {
    const used = new Set<string>();
    const a = rec();
    const b = rec({ id: '01JD7X4Q9V6M2W8K3T5R0YH1ZD' });
    expect(splitFileName(a, used)).toBe('2026-11-22-1905Z-01JD7X4Q.md');
    expect(splitFileName(b, used)).toBe('2026-11-22-1905Z-01JD7X4Q9V6M2W8K3T5R0YH1ZD.md');
  });

  it('starts with flat, typed YAML front matter that YAML 1.2 and 1.1 readers both read the same', () => {
    fc.assert(fc.property(validRecords(3), (rs) => {
      for (const r of rs) {
        const file = renderSplitFile(r, library);
        const m = /^---\n([\s\S]*?)\n---\n\n# /.exec(file);
        expect(m).not.toBeNull();
        const want = Object.fromEntries(Object.entries(frontMatterData(r)).map(([k, v]) => [k, v instanceof PlainDate ? v.text : v]));
        // 1.2 (core schema): dates are strings; 1.1 (timestamps): dates are dates. Everything else the same.
        expect(parseYaml(m![1], { version: '1.2' })).toEqual(want);
        const v11 = parseYaml(m![1], { version: '1.1' }) as Record<string, unknown>;
        for (const k of ['date', 'datetime', 'created']) expect(v11[k]).toBeInstanceOf(Date);
        expect({ ...v11, date: want.date, datetime: want.datetime, created: want.created }).toEqual(want);
        for (const v of Object.values(v11)) {
          const flat = v instanceof Date || ['string', 'number'].includes(typeof v) || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
          expect(flat).toBe(true);
        }
        expect(v11.thought).toBe(r.thought);
        const body = md.parse(file.slice(m![0].length - 2), {});
        expect(body.filter((t) => t.type === 'heading_open').map((t) => t.tag)).toEqual(['h1']);
        expect(blocks(body, 'blockquote').map(textOf)[0]).toBe(expectedText(r.situation));
      }
    }), { numRuns: 60, seed: 20261206 }); // fixed: the same samples in every run
  });

  it('writes the local date unquoted, ratings as numbers and each feeling as two numbers', () => {
    const fm = frontMatter(rec({ emotions: [{ name: 'anxious', before: 80, after: 40 }, { name: 'a bit sad', before: 60 }] }));
    const at = new Date('2026-11-22T19:05:00.000Z');
    expect(fm).toContain(`\ndate: ${format(at, 'yyyy-MM-dd')}\n`);
    expect(fm).toContain(`\ndatetime: ${format(at, "yyyy-MM-dd'T'HH:mm:ss")}\n`);
    expect(fm).toContain('\nthought: "I\'m not worthy of love"\n');
    expect(fm).toContain('\nbeliefBefore: 90\nbeliefAfter: 35\n');
    expect(fm).toContain('\nanxious-before: 80\nanxious-after: 40\na-bit-sad-before: 60\npatterns:\n  - labeling\n  - mind-reading\ntags:\n  - partner\n');
    expect(fm).not.toContain('a-bit-sad-after');
  });

  it('quotes what a YAML 1.1 reader would take for something else, in keys too', () => {
    const fm = frontMatter(rec({ id: '01234567890123456789012345', tags: ['no', 'on', '2026-11-22', '123'], emotions: [{ name: '1', before: 1 }, { name: 'yes', before: 2 }] }));
    expect(fm).toContain('id: "01234567890123456789012345"');
    expect(fm).toContain('- "no"');
    expect(fm).toContain('"1-before": 1');
    const back = parseYaml(fm.slice(4, -4), { version: '1.1' });
    expect(back.tags).toEqual(['no', 'on', '2026-11-22', '123']);
    expect(back['yes-before']).toBe(2);
  });
});

describe('csv', () => {
  it('guards cells a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'ok', ' =x', ''].map(guardCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", 'ok', ' =x', '']);
  });

  it('parses back with csv-parse: a header, one row per record, every text as typed (or guarded)', () => {
    fc.assert(fc.property(validRecords(5), fc.boolean(), (rs, bom) => {
      const text = [...csvChunks(rs, { bom })].join('');
      if (bom) expect(text.startsWith('\ufeff')).toBe(true);
      // Strict: a bare CR or LF outside quotes ends a row, as many spreadsheets read it.
      const rows = parseCsv(text, { bom: true, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: false }) as string[][];
      expect(rows[0]).toEqual([...CSV_COLUMNS]);
      expect(rows).toHaveLength(rs.length + 1);
      const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
      rs.forEach((r, i) => {
        const row = rows[i + 1];
        expect(row[col('id')]).toBe(r.id);
        expect(row[col('situation')]).toBe(guardCell(r.situation));
        expect(row[col('thought')]).toBe(guardCell(r.thought));
        expect(row[col('beliefBefore')]).toBe(r.beliefBefore === undefined ? '' : String(r.beliefBefore));
        expect(row[col('evidenceAgainst')]).toBe(guardCell(r.evidenceAgainst.join('\n')));
        expect(row[col('tags')]).toBe(guardCell(r.tags.join('; ')));
        expect(row[col('distortions')]).toBe(r.distortions.join('; '));
        for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      });
    }), { numRuns: 100 });
  });

  it('writes feelings as "name before->after" and rows with CRLF', () => {
    const text = [...csvChunks([rec()])].join('');
    expect(text).toContain('anxious 80->40; ashamed 60');
    expect(text.split('\r\n')).toHaveLength(3);
  });
});

describe('csv feeling columns', () => {
  it('adds a number pair per feeling, most used first, empty where a record has none, headers guarded', () => {
    const a = rec({ emotions: [{ name: 'anxious', before: 80, after: 40 }, { name: 'ashamed', before: 60 }] });
    const b = rec({ id: '01JD7X4Q9V6M2W8K3T5R0YH1ZD', emotions: [{ name: 'anxious', before: 70, after: 20 }, { name: '=sum', before: 5, after: 1 }] });
    const feelings = feelingColumns(new Map([['ashamed', 1], ['anxious', 2], ['=sum', 1]]));
    expect(feelings).toEqual(['anxious', '=sum', 'ashamed']);
    const rows = parseCsv([...csvChunks([a, b], { feelings })].join(''), { cast: false }) as string[][];
    expect(rows[0].slice(CSV_COLUMNS.length)).toEqual(['anxious before', 'anxious after', "'=sum before", "'=sum after", 'ashamed before', 'ashamed after']);
    expect(rows[1].slice(CSV_COLUMNS.length)).toEqual(['80', '40', '', '', '60', '']);
    expect(rows[2].slice(CSV_COLUMNS.length)).toEqual(['70', '20', '5', '1', '', '']);
    const mean = (col: number) => { const v = rows.slice(1).map((r) => r[col]).filter(Boolean).map(Number); return v.reduce((x, y) => x + y, 0) / v.length; };
    expect(mean(CSV_COLUMNS.length)).toBe(75);
  });
});

describe('json and jsonl', () => {
  it('streams exactly what JSON.stringify would write for the array, and one record per line', () => {
    fc.assert(fc.property(validRecords(4), (rs) => {
      expect([...jsonArrayChunks(rs)].join('')).toBe(JSON.stringify(rs.map(toJson), null, 2) + '\n');
      const lines = [...jsonlChunks(rs)].join('').split('\n');
      expect(lines.pop()).toBe('');
      expect(lines.map((l) => JSON.parse(l))).toEqual(rs.map(toJson));
    }), { numRuns: 100 });
  });
});
