// The report's HTML and its sums, pure: what the summary counts, that every text from a record is escaped
// (scripts, quotes, attributes, RTL, emoji), the worksheet's seven columns with empty cells visible, and that
// the page asks for nothing from the network. test/e2e/report-browser.test.ts loads the same pages in Chromium.
import { describe, expect, it } from 'vitest';
import { parseDocument, DomUtils } from 'htmlparser2';
import { recordSchema, type ThoughtRecord } from '../../src/domain/record';
import { summarise } from '../../src/domain/report';
import { loadLibrary } from '../../src/library/library';
import { renderReport } from '../../src/render/html/report';
import { renderBlankWorksheet, renderWorksheet } from '../../src/render/html/worksheet';

const library = loadLibrary();
const base = {
  id: '01JD7X4Q9V6M2W8K3T5R0YH1ZC', createdAt: '2026-11-22T21:30:00.000Z', occurredAt: '2026-11-22T19:05:00.000Z',
  situation: 'My partner went quiet after I told her about my week.', emotions: [{ name: 'anxious', before: 80, after: 40 }, { name: 'ashamed', before: 60 }],
  thought: "I'm not worthy of love", beliefBefore: 90, beliefAfter: 35, distortions: ['labeling', 'mind-reading'], tags: ['partner'],
};
const rec = (over: Record<string, unknown> = {}): ThoughtRecord => recordSchema.parse({ ...base, ...over });

const HOSTILE = `<script>alert("x")</script> "quoted" 'single' </td></tr></table><img src=x onerror=alert(1)> & &amp; ]]> <!-- שלום עליך 💔👩‍👩‍👧 مرحبا`;
const hostile = rec({
  situation: HOSTILE, thought: `"><svg onload=alert(1)> ${HOSTILE}`, otherThoughts: [HOSTILE], evidenceFor: [HOSTILE], evidenceAgainst: [`line one\nline two ${HOSTILE}`],
  answers: [{ question: HOSTILE, answer: HOSTILE }], reframe: HOSTILE, reframeBelief: 60, actionPlan: HOSTILE,
  emotions: [{ name: '<b>scared</b>', before: 70, after: 20 }, { name: 'עצוב', before: 50 }], tags: ['💔'],
});

function input(records: ThoughtRecord[], over: Record<string, unknown> = {}) {
  return { records, summary: summarise(records), library, now: new Date('2026-11-30T10:00:00Z'), filters: [], practiceDays: new Set(['2026-11-22']), ...over };
}

/** Everything that would run or fetch: script elements, event attributes, javascript: and remote URLs. */
function active(html: string): string[] {
  const doc = parseDocument(html);
  const found: string[] = [];
  for (const el of DomUtils.findAll(() => true, doc.children)) {
    if (['script', 'iframe', 'object', 'embed', 'link', 'img', 'base'].includes(el.name)) found.push(`<${el.name}>`);
    for (const [k, v] of Object.entries(el.attribs)) {
      if (/^on/i.test(k)) found.push(`${el.name}[${k}]`);
      if (/^(href|src|xlink:href|action)$/i.test(k) && !v.startsWith('#')) found.push(`${el.name}[${k}=${v}]`);
    }
  }
  if (/url\(/i.test(html) || /@import/i.test(html)) found.push('css url');
  return found;
}

const texts = (html: string, selector: (el: { name: string; attribs: Record<string, string> }) => boolean) =>
  DomUtils.findAll((el) => selector(el), parseDocument(html).children).map((el) => DomUtils.textContent(el));

describe('report summary', () => {
  it('counts patterns and how belief eased with them, feelings before and after, and belief record by record', () => {
    const rs = [
      rec(),
      rec({ id: '01JD7X4Q9V6M2W8K3T5R0YH1ZD', occurredAt: '2026-11-23T08:00:00.000Z', distortions: ['labeling'], beliefBefore: 70, beliefAfter: 60, emotions: [{ name: 'anxious', before: 60, after: 50 }] }),
      rec({ id: '01JD7X4Q9V6M2W8K3T5R0YH1ZE', occurredAt: '2026-11-21T08:00:00.000Z', distortions: ['catastrophizing'], beliefAfter: undefined, emotions: [{ name: 'sad', before: 30 }] }),
    ];
    const s = summarise(rs);
    expect(s.count).toBe(3);
    expect(s.first).toBe('2026-11-21T08:00:00.000Z');
    expect(s.patterns).toEqual([
      { id: 'labeling', count: 2, rated: 2, meanEase: 32.5 },
      { id: 'catastrophizing', count: 1, rated: 0, meanEase: undefined },
      { id: 'mind-reading', count: 1, rated: 1, meanEase: 55 },
    ]);
    expect(s.feelings).toEqual([
      { name: 'anxious', count: 2, rerated: 2, meanBefore: 70, meanAfter: 45 },
      { name: 'ashamed', count: 1, rerated: 0, meanBefore: 60, meanAfter: undefined },
      { name: 'sad', count: 1, rerated: 0, meanBefore: 30, meanAfter: undefined },
    ]);
    expect(s.belief.map((b) => b.at)).toEqual(['2026-11-22T19:05:00.000Z', '2026-11-23T08:00:00.000Z']);
    expect(s.beliefMean).toEqual({ before: 80, after: 47.5, rated: 2 });
  });
});

describe('report html', () => {
  it('escapes every text from a record: nothing runs, nothing is fetched, the words read back as typed', () => {
    for (const html of [renderReport(input([hostile])), renderWorksheet(hostile, { library })]) {
      expect(active(html)).toEqual([]);
      expect(html).not.toMatch(/<script|<img|<svg onload/i);
      const all = DomUtils.textContent(parseDocument(html));
      expect(all).toContain(HOSTILE);
      expect(all).toContain('<b>scared</b>');
      expect(all).toContain('💔👩‍👩‍👧');
      // Record text is laid out by the browser's own direction finding, so Hebrew and Arabic read right to left.
      const situation = DomUtils.findAll((el) => el.attribs.dir === 'auto' && DomUtils.textContent(el) === HOSTILE, parseDocument(html).children);
      expect(situation.length).toBeGreaterThan(0);
    }
  });

  it('is one self-contained page: inline style, a policy that forbids any request, real headings, charts with text', () => {
    const rs = [rec(), rec({ id: '01JD7X4Q9V6M2W8K3T5R0YH1ZD', occurredAt: '2026-11-25T08:00:00.000Z' })];
    const html = renderReport(input(rs, { since: '2026-11-01T00:00:00.000Z', until: '2026-11-30T23:59:59.999Z' }));
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(active(html)).toEqual([]);
    expect(texts(html, (el) => el.name === 'h1')).toEqual(['Thought records, 1 Nov 2026 to 30 Nov 2026']);
    expect(texts(html, (el) => el.name === 'h2')).toEqual(['Summary', 'Patterns that came up', 'Feelings before and after', 'Belief in the hot thought', 'Practice days', 'The records']);
    const doc = parseDocument(html);
    const svgs = DomUtils.findAll((el) => el.name === 'svg', doc.children);
    expect(svgs).toHaveLength(4);
    for (const svg of svgs) {
      expect(svg.attribs.role).toBe('img');
      const [t, d] = svg.attribs['aria-labelledby'].split(' ');
      expect(DomUtils.textContent(DomUtils.findOne((el) => el.attribs.id === t, [svg])!)).not.toBe('');
      expect(DomUtils.textContent(DomUtils.findOne((el) => el.attribs.id === d, [svg])!)).not.toBe('');
    }
    // Every chart's numbers are also a table with headers.
    expect(texts(html, (el) => el.name === 'th' && el.attribs.scope === 'col')).toEqual(expect.arrayContaining(['Pattern', 'Records', 'Feeling', 'Before', 'After']));
    expect(texts(html, (el) => el.name === 'th' && el.attribs.scope === 'row')).toEqual(expect.arrayContaining(['Labeling', 'anxious']));
    expect(html).toContain('@media print');
    expect(html).toContain('prefers-color-scheme: dark');
    expect(texts(html, (el) => el.name === 'h3')).toHaveLength(2);
  });

  it('draws core beliefs and experiments only when the journal has them', () => {
    const without = renderReport(input([rec()]));
    expect(without).not.toContain('Core beliefs');
    expect(without).not.toContain('Experiments');
    const withThem = renderReport(input([rec()], {
      coreBeliefs: [{ statement: "I'm not worthy of love", ratings: [{ at: '2026-11-01T10:00:00.000Z', conviction: 90 }, { at: '2026-11-20T10:00:00.000Z', conviction: 60 }] }],
      experiments: [{ at: '2026-11-10T10:00:00.000Z', experiment: 'Ask Sam for coffee', prediction: 'She will say no', outcome: 'She said yes' }],
    }));
    expect(texts(withThem, (el) => el.name === 'h2')).toEqual(expect.arrayContaining(['Core beliefs', 'Experiments']));
    expect(texts(withThem, (el) => el.name === 'desc').join('\n')).toContain("I'm not worthy of love: 90 → 60");
    expect(texts(withThem, (el) => el.name === 'td')).toEqual(expect.arrayContaining(['Ask Sam for coffee', 'She said yes']));
  });

  it('says so when there are no records, and still shows the practice calendar', () => {
    const html = renderReport(input([], { practiceDays: new Set() }));
    expect(texts(html, (el) => el.name === 'h2')).toEqual(['Summary', 'Practice days']);
    expect(html).toContain('No records in this period.');
    expect(texts(html, (el) => el.name === 'footer')[0]).toContain('988');
  });
});

describe('worksheet', () => {
  const columns = (html: string) => texts(html, (el) => el.name === 'th' && el.attribs.scope === 'col');

  it('has the seven classic columns, the hot thought marked with its belief, and empty cells left visible', () => {
    const r = rec({ evidenceFor: [], evidenceAgainst: ['She told me yesterday she loves me.'], otherThoughts: ["She's bored of me"], reframe: 'One quiet evening says nothing about my worth.', reframeBelief: 70 });
    const html = renderWorksheet(r, { library });
    const cols = columns(html);
    expect(cols).toHaveLength(7);
    expect(cols.map((c) => c.replace(/^\d/, ''))).toEqual([
      'Situation', 'Moodsrate 0-100', 'Automatic thoughtscircle the hot thought; belief 0-100', 'Evidence that supports the hot thought',
      'Evidence that does not support the hot thought', 'Alternative or balanced thoughtbelief 0-100', 'Re-rate moodsand belief in the hot thought, 0-100',
    ]);
    const doc = parseDocument(html);
    const cells = DomUtils.findAll((el) => el.name === 'td', doc.children);
    expect(cells).toHaveLength(7);
    expect(cells.map((c) => c.attribs.class ?? '')).toEqual(['', '', '', 'empty', '', '', '']);
    expect(DomUtils.textContent(cells[2])).toContain("(hot)I'm not worthy of love 90");
    expect(DomUtils.findAll((el) => el.attribs.class === 'hot', [cells[2]])).toHaveLength(1);
    expect(DomUtils.textContent(cells[5])).toContain('One quiet evening says nothing about my worth. 70');
    expect(DomUtils.textContent(cells[6])).toContain('anxious 40');
    expect(DomUtils.textContent(cells[6])).not.toContain('ashamed'); // not re-rated yet
    expect(DomUtils.textContent(cells[6])).toContain('Belief in the hot thought now: 35');
    expect(html).toContain('size: A4 landscape');
  });

  it('--blank is the same seven columns with every cell empty', () => {
    const html = renderBlankWorksheet();
    expect(columns(html)).toEqual(columns(renderWorksheet(rec(), { library })));
    const cells = DomUtils.findAll((el) => el.name === 'td', parseDocument(html).children);
    expect(cells.map((c) => [c.attribs.class, DomUtils.textContent(c)])).toEqual(Array(7).fill(['empty', '']));
    expect(active(html)).toEqual([]);
  });
});
