// The markdown export renders the same in CommonMark (markdown-it, strict CommonMark and its default with
// tables and strikethrough) and in Python-Markdown (what MkDocs uses, Debian's python3-markdown): the HTML of
// both, normalised (entities decoded, white space between blocks dropped, <p> inside <li> unwrapped, paragraphs
// of only white space dropped), is equal,
// and every text reads back as typed: no stray backslash, no lines run together.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Document } from 'domhandler';
import { recordSchema, type ThoughtRecord } from '../../src/domain/record';
import { loadLibrary } from '../../src/library/library';
import { MdSummary, markdownDocument } from '../../src/render/markdown';
import { renderSplitFile } from '../../src/render/frontmatter';
import { validRecords, AWKWARD_PIECES } from '../helpers/arbitrary';

const PYTHON = '/usr/bin/python3';
const library = loadLibrary();
const strict = new MarkdownIt('commonmark');
const full = new MarkdownIt();

const HOSTILE = [
  '# not a heading', '---', '***', '> not a quote', '- not a list', '1. not a list', '2) nor this', '    not code', '\tnor this',
  '```', '~~~', '<div>not html</div>', '<!-- not a comment -->', '[not](a link)', '| a | b |\n|---|---|\n| c | d |',
  'Setext?\n===', 'Setext?\n---', '*not em* _nor this_ **nor bold** ~~nor struck~~', '`not code`', '&amp; &copy; &#32;', 'back\\slash\\',
  'line one\nline two\r\nline three\rline four', 'para one\n\n\n\npara two', '💔 שלום مرحبا', '=1+1', '+=', 'trailing spaces   \nnext',
  '  leading spaces', '\\# escaped already', '+ plus', '* star', 'a <b>bold</b> & <https://example.com> {x} (y) !z. 3.5',
];

const base = {
  id: '01JD7X4Q9V6M2W8K3T5R0YH1ZC', createdAt: '2026-11-22T21:30:00.000Z', occurredAt: '2026-11-22T19:05:00.000Z',
  situation: 's', emotions: [{ name: 'anxious', before: 80, after: 40 }], thought: 't', beliefBefore: 90, beliefAfter: 35, distortions: ['labeling'], tags: ['partner'],
};
const rec = (over: Record<string, unknown>): ThoughtRecord => recordSchema.parse({ ...base, ...over });

/** Python-Markdown's HTML for each document, in one python3 run. */
function python(docs: string[]): string[] {
  const script = 'import sys, json, markdown\nprint(json.dumps([markdown.markdown(d) for d in json.load(sys.stdin)]))';
  const r = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(docs), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

/** A canonical form of an HTML fragment: tags and decoded text, white space inside text collapsed. */
function canon(html: string): string {
  const doc: Document = parseDocument(html, { decodeEntities: true });
  const walk = (nodes: ChildNode[], inLi = false): string => nodes.map((n) => {
    if (n.type === 'text') return n.data.trim() === '' ? '' : n.data.replace(/\s+/g, ' ');
    if (n.type !== 'tag') return '';
    const inner = walk(n.children as ChildNode[], n.name === 'li');
    if (n.name === 'p' && inLi) return ` ${inner.trim()} `;
    if (n.name === 'p' && inner.trim() === '') return ''; // a paragraph of only white space: nothing shows
    if (n.name === 'br') return '<br>';
    return `<${n.name}>${inner.replace(/^ | $/g, '')}</${n.name}>`;
  }).join('');
  return walk(doc.children as ChildNode[]).replace(/ ?<br> ?/g, '<br>').replace(/ +/g, ' ').trim();
}

function document(records: ThoughtRecord[]): string {
  const summary = new MdSummary();
  for (const r of records) summary.add(r);
  return [...markdownDocument(records, summary, { library, now: new Date('2026-11-30T10:00:00Z'), filters: ['tag a_b|c'] })].join('');
}

describe('markdown in CommonMark and Python-Markdown', () => {
  it('Python-Markdown is there to compare with', () => {
    expect(spawnSync(PYTHON, ['-c', 'import markdown'], { encoding: 'utf8' }).status).toBe(0);
  });

  it('every hostile text renders the same, in every field of a record, and reads back as typed', () => {
    const records = HOSTILE.map((text, i) => rec({
      id: `01JD7X4Q9V6M2W8K3T5R0YH${String(i).padStart(3, '0')}`, situation: text, thought: text, otherThoughts: [text, 'plain'],
      evidenceFor: [text], evidenceAgainst: [`${text}\n\nsecond paragraph`, 'two'], answers: [{ question: text, answer: text }],
      reframe: text, actionPlan: text, emotions: [{ name: text.split(/\s/)[0].slice(0, 20) || 'x', before: 50, after: 20 }],
    }));
    const docs = [document(records), ...records.map((r) => renderSplitFile(r, library).replace(/^---\n[\s\S]*?\n---\n/, ''))];
    const py = python(docs);
    docs.forEach((d, i) => {
      const c = canon(strict.render(d));
      const p = canon(py[i]);
      expect(p).toBe(c);
      expect(canon(full.render(d))).toBe(c);
    });
    // No stray backslash and no lines run together: each line of a text is its own line in the HTML.
    const html = canon(py[0]);
    for (const text of ['line one<br>line two<br>line three<br>line four', 'back\\slash\\', '| a | b |<br>|---|---|<br>| c | d |', '&amp; &copy; &#32;',
      '*not em* _nor this_ **nor bold** ~~nor struck~~', '&lt;div&gt;not html&lt;/div&gt;'.replace(/&lt;/g, '<').replace(/&gt;/g, '>'), '=1+1', '\\# escaped already']) {
      expect(html).toContain(`<blockquote><p>${text}</p></blockquote>`);
    }
  });

  it('property: generated records render the same in both', () => {
    // Python-Markdown uses STX and ETX (U+0002, U+0003) as its own placeholders and drops them from any text;
    // nobody types them, and JSON keeps them. They are the one known difference, so they are left out here.
    const noStxEtx = (r: ThoughtRecord): ThoughtRecord => JSON.parse(JSON.stringify(r).replace(/\\u000[23]/g, ''));
    const samples = fc.sample(validRecords(4), { numRuns: 80, seed: 11 }).flat().map(noStxEtx);
    const more = fc.sample(fc.array(fc.constantFrom(...AWKWARD_PIECES, ...HOSTILE), { minLength: 1, maxLength: 6 }).map((x) => x.join('')), { numRuns: 200, seed: 3 })
      .map((s) => s.replace(/[\u0002\u0003]/g, '')).filter((s) => s.trim() !== '').map((text, i) => rec({ id: `01JD7X4Q9V6M2W8K3T5R1YH${String(i).padStart(3, '0')}`, situation: text, otherThoughts: [text], reframe: text }));
    const docs = [...samples, ...more].map((r) => document([r]));
    const py = python(docs);
    docs.forEach((d, i) => {
      const c = canon(strict.render(d));
      const p = canon(py[i]);
      expect(p, d).toBe(c);
    });
  });
});
