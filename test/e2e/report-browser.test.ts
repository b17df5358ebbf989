/// <reference lib="dom" />
// reframe report in a real browser: Debian's Chromium, headless, driven by puppeteer-core (no bundled browser).
// Each page (the period report, a record's worksheet, the blank worksheet) loads with no console errors, no
// script and no request beyond its own file, reads in light and dark mode, and prints to PDF; pdftotext
// (poppler-utils) reads the PDF back for the worksheet's columns and the person's words. The worksheet prints
// on one landscape page. With REFRAME_DOCS_PICTURES=1 the screenshots are copied to docs/ for the README.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import puppeteer, { type Browser } from 'puppeteer-core';
import { ROOT, run, sandbox, type Sandbox } from '../helpers/run';
import { generateRecords } from '../../src/dev/generate';
import { toJson, type ThoughtRecord } from '../../src/domain/record';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HOSTILE = `<script>alert("x")</script> "quoted" </td></table> שלום 💔`;

let sb: Sandbox;
let browser: Browser;
let hot: ThoughtRecord;

beforeAll(async () => {
  sb = sandbox();
  const recs = generateRecords({ records: 36, days: 50, seed: 7, unknownDistortions: 0, end: new Date() });
  hot = { ...recs[recs.length - 1], situation: HOSTILE, evidenceFor: [], tags: ['work'] };
  recs[recs.length - 1] = hot;
  const file = join(sb.dir, 'seed.jsonl');
  writeFileSync(file, recs.map((r) => JSON.stringify(toJson(r))).join('\n'));
  expect(run(sb, ['import', file]).code).toBe(0);
  expect(run(sb, ['report', '--since', '8w', '--out', join(sb.dir, 'report.html')]).code).toBe(0);
  expect(run(sb, ['report', hot.id.slice(0, 10), '--out', join(sb.dir, 'worksheet.html')]).code).toBe(0);
  expect(run(sb, ['report', '--blank', '--out', join(sb.dir, 'blank.html')]).code).toBe(0);
  // CI runs as root, where Chromium's sandbox can't start: --no-sandbox (the pages are our own files).
  browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  sb?.cleanup();
});

interface Loaded { errors: string[]; requests: string[]; pdfText: string; pages: number; landscape: boolean; png: string }

async function load(name: string, width: number): Promise<Loaded> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  const url = `file://${join(sb.dir, `${name}.html`)}`;
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warn') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (r.url() !== url) requests.push(r.url()); });
  page.on('requestfailed', (r) => errors.push(`failed: ${r.url()}`));
  await page.setViewport({ width, height: name === 'report' ? 1500 : 900 });
  await page.goto(url, { waitUntil: 'load' });
  expect(await page.evaluate(() => document.scripts.length)).toBe(0);
  expect(await page.evaluate(() => document.querySelector('h1')?.textContent ?? '')).not.toBe('');

  // Light and dark: the page follows the reader's setting, and text stays readable on its background.
  const colours = async (scheme: 'light' | 'dark') => {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    return page.evaluate(() => {
      const lum = (c: string) => { const [r, g, b] = c.match(/\d+/g)!.map(Number); return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; };
      return { bg: lum(getComputedStyle(document.documentElement).backgroundColor), fg: lum(getComputedStyle(document.body).color) };
    });
  };
  const light = await colours('light');
  const dark = await colours('dark');
  expect(light.bg).toBeGreaterThan(0.9);
  expect(light.fg).toBeLessThan(0.3);
  expect(dark.bg).toBeLessThan(0.15);
  expect(dark.fg).toBeGreaterThan(0.8);
  if (name === 'report') await page.screenshot({ path: join(sb.dir, `${name}-dark.png`), fullPage: false });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  const png = join(sb.dir, `${name}.png`);
  await page.screenshot({ path: png });

  const pdf = join(sb.dir, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await page.close();
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
  return {
    errors, requests, png,
    pdfText: execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }),
    pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
    landscape: w > h,
  };
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('report in headless Chromium', () => {
  it('the period report loads cleanly and prints: summary, charts and records', async () => {
    const r = await load('report', 1000);
    expect(r.errors).toEqual([]);
    expect(r.requests).toEqual([]);
    const text = squash(r.pdfText);
    for (const heading of ['Summary', 'Patterns that came up', 'Feelings before and after', 'Belief in the hot thought', 'Practice days', 'The records']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain(hot.id);
    expect(text).toContain('<script>alert("x")</script>');
    expect(r.pages).toBeGreaterThan(1);
  }, 120_000);

  it('a record as the 7-column worksheet: one landscape page, every column named, empty ones still there', async () => {
    const r = await load('worksheet', 1400);
    expect(r.errors).toEqual([]);
    expect(r.requests).toEqual([]);
    expect(r.pages).toBe(1);
    expect(r.landscape).toBe(true);
    const text = squash(r.pdfText);
    for (const col of ['Situation', 'Moods', 'Automatic', 'Evidence that', 'supports the', 'does not', 'balanced', 'Re-rate moods']) expect(text).toContain(col);
    expect(text).toContain('(hot)');
    // The situation as typed, shown as text: its pieces (the cell wraps, and pdftotext reads the page row by row).
    for (const piece of ['<script>alert("x")', '</script> "quoted"', '</td></table>', 'שלום', '💔']) expect(text).toContain(piece);
  }, 120_000);

  it('the blank worksheet prints as the same seven empty columns on one landscape page', async () => {
    const r = await load('blank', 1400);
    expect(r.errors).toEqual([]);
    expect(r.pages).toBe(1);
    expect(r.landscape).toBe(true);
    const text = squash(r.pdfText);
    for (const col of ['Situation', 'Moods', 'Automatic', 'Evidence that', 'balanced', 'Re-rate moods']) expect(text).toContain(col);
    if (process.env.REFRAME_DOCS_PICTURES === '1') {
      for (const f of ['report.png', 'report-dark.png', 'worksheet.png', 'blank.png']) {
        if (existsSync(join(sb.dir, f))) copyFileSync(join(sb.dir, f), join(ROOT, 'docs', `screenshot-${f}`));
      }
    }
  }, 120_000);
});
