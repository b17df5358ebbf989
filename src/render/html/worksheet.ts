// `reframe report ID`: one record as the classic 7-column thought record (Greenberger and Padesky's),
// one row of tall cells: situation; moods 0-100; automatic thoughts with the hot one marked and its belief;
// evidence for; evidence against; balanced thought and its belief; moods re-rated. Empty cells stay visible
// (ruled, to write in by hand), and the page prints on one landscape sheet. `--blank` gives the empty form.
import type { ThoughtRecord } from '../../domain/record';
import { msg } from '../../messages';
import { localDateTime } from '../text';
import { para, t } from './escape';
import { page } from './page';
import { WORKSHEET_CSS } from './style';

export interface PatternNames { get(id: string): { name: string } | undefined }

const m = () => msg.report;

const HEADS: [string, string?][] = [
  [msg.report.situation],
  [msg.report.moods, msg.report.moodsHint],
  [msg.report.thoughts, msg.report.thoughtsHint],
  [msg.report.evidenceFor],
  [msg.report.evidenceAgainst],
  [msg.report.balanced, msg.report.balancedHint],
  [msg.report.rerate, msg.report.rerateHint],
];

function head(): string {
  return `<thead><tr>${HEADS.map(([h, hint], i) => `<th scope="col"><span class="n">${i + 1}</span>${t(h)}${hint ? `<span class="hint">${t(hint)}</span>` : ''}</th>`).join('')}</tr></thead>`;
}

const cell = (html: string, label: string) => (html ? `<td dir="auto">${html}</td>` : `<td class="empty" aria-label="${t(label)}: ${t(m().notYet)}"></td>`);
const list = (xs: string[]) => (xs.length ? `<ul>${xs.map((x) => `<li dir="auto">${para(x)}</li>`).join('')}</ul>` : '');
const rating = (n: number | undefined) => (n === undefined ? '' : ` <span class="rating">${t(n)}</span>`);

/** The worksheet for one record. */
export function renderWorksheet(r: ThoughtRecord, o: { library: PatternNames }): string {
  const s = para(r.situation);
  const moods = `<ul>${r.emotions.map((e) => `<li><span dir="auto">${t(e.name)}</span>${rating(e.before)}</li>`).join('')}</ul>`;
  const hot = `<li class="hot"><span class="mark">${t(m().hotMark)}</span><span dir="auto">${para(r.thought)}</span>${rating(r.beliefBefore)}</li>`;
  let thoughts = `<ul>${hot}${r.otherThoughts.map((x) => `<li dir="auto">${para(x)}</li>`).join('')}</ul>`;
  if (r.distortions.length) {
    thoughts += `<div class="sub">${t(m().patternsField)}</div><ul>${r.distortions.map((d) => `<li>${t(o.library.get(d)?.name ?? d)}</li>`).join('')}</ul>`;
  }
  const against = list(r.evidenceAgainst);
  let balanced = '';
  if (r.answers.length) {
    balanced += `<div class="sub">${t(m().questions)}</div><ul>${r.answers.map((a) => `<li><span class="q" dir="auto">${para(a.question)}</span><br><span dir="auto">${para(a.answer)}</span></li>`).join('')}</ul>`;
  }
  if (r.reframe !== undefined || r.reframeBelief !== undefined) {
    balanced = `<p dir="auto">${r.reframe !== undefined ? para(r.reframe) : ''}${rating(r.reframeBelief)}</p>${balanced}`;
  }
  const rerated = r.emotions.filter((e) => e.after !== undefined);
  let after = rerated.length ? `<ul>${rerated.map((e) => `<li><span dir="auto">${t(e.name)}</span>${rating(e.after)}</li>`).join('')}</ul>` : '';
  if (r.beliefAfter !== undefined) after += `<p>${t(m().beliefNow(r.beliefAfter))}</p>`;
  if (r.actionPlan !== undefined) after += `<div class="sub">${t(m().nextStep)}</div><p dir="auto">${para(r.actionPlan)}</p>`;
  const cells = [s, moods, thoughts, list(r.evidenceFor), against, balanced, after];
  const when = localDateTime(r.occurredAt);
  const tags = r.tags.length ? ` · ${t(m().tags)}: <span dir="auto">${t(r.tags.join(', '))}</span>` : '';
  const body = `<header><h1>${t(m().worksheet)}</h1><p class="muted">${t(when)} · <span class="id">${t(r.id)}</span>${tags}</p></header>
<table class="worksheet">${head()}<tbody><tr>${cells.map((c, i) => cell(c, HEADS[i][0])).join('')}</tr></tbody></table>`;
  return page({ title: `${m().worksheet}, ${when}`, css: WORKSHEET_CSS, body });
}

/** The empty worksheet, to print and fill in by hand. */
export function renderBlankWorksheet(): string {
  const body = `<header><h1>${t(m().blankTitle)}</h1><p class="muted">${t(m().blankDate)} ____________________</p></header>
<table class="worksheet">${head()}<tbody><tr>${HEADS.map(([h]) => `<td class="empty" aria-label="${t(h)}"></td>`).join('')}</tr></tbody></table>`;
  return page({ title: m().blankTitle, css: WORKSHEET_CSS, body });
}
