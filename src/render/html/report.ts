// `reframe report`: a period's records as one self-contained HTML page to bring to therapy. First a summary
// (the records and days of practice at a glance, which patterns recur and how much belief eased with them,
// feelings before and after, belief in the hot thought record by record, core beliefs and experiments when the
// journal keeps them, practice days as a calendar), then the records themselves, then the safety plan.
import { format } from 'date-fns';
import type { ThoughtRecord } from '../../domain/record';
import type { CoreBeliefPath, ExperimentRow, ReportSummary } from '../../domain/report';
import { PLAN_STEPS, type SafetyPlan } from '../../domain/safety-plan';
import { msg } from '../../messages';
import { localDateTime } from '../text';
import { barChart, beliefPaths, calendar, dumbbell, lineChart, resetIds, round, table } from './charts';
import { para, t } from './escape';
import { page } from './page';

export interface PatternNames { get(id: string): { name: string } | undefined }

export interface ReportInput {
  records: readonly ThoughtRecord[];
  summary: ReportSummary;
  library: PatternNames;
  now: Date;
  /** The period asked for (ISO); otherwise the records' own first and last. */
  since?: string;
  until?: string;
  /** The filters other than the period, in words ("tag work"). */
  filters: string[];
  /** Local days (yyyy-MM-dd) with a record written or a check-in. */
  practiceDays: Set<string>;
  plan?: SafetyPlan;
  coreBeliefs?: CoreBeliefPath[];
  experiments?: ExperimentRow[];
}

const m = () => msg.report;
const day = (iso: string) => format(new Date(iso), 'd MMM yyyy');
const patternName = (id: string, lib: PatternNames) => lib.get(id)?.name ?? id;

export function reportTitle(o: Pick<ReportInput, 'since' | 'until' | 'summary'>): string {
  const from = o.since ?? o.summary.first;
  const to = o.until ?? o.summary.last;
  if (from && to) return `${m().title}, ${m().period(day(from), day(to))}`;
  if (from) return `${m().title}, ${m().from(day(from))}`;
  if (to) return `${m().title}, ${m().upTo(day(to))}`;
  return m().title;
}

export function renderReport(o: ReportInput): string {
  resetIds();
  const s = o.summary;
  const title = reportTitle(o);
  const out: string[] = [];
  out.push(`<header><h1>${t(title)}</h1><p class="muted">${t(m().made(localDateTime(o.now.toISOString())))}${
    o.filters.length ? ` ${t(m().filters(o.filters.join('; ')))}` : ''}</p></header>`);

  out.push(`<section aria-labelledby="h-summary"><h2 id="h-summary">${t(m().summary)}</h2>`);
  const b = s.beliefMean;
  out.push(`<dl class="glance">
<div><dt>${t(m().glanceRecords)}</dt><dd>${s.count}</dd></div>
<div><dt>${t(m().glanceDays)}</dt><dd>${o.practiceDays.size}</dd></div>
<div><dt>${t(m().glanceBelief)}</dt><dd>${b ? `${round(b.before)} → ${round(b.after)}` : t(m().glanceBeliefNone)}</dd>${
  b ? `<dd class="muted" style="font-size:.85rem;font-weight:400">${t(m().glanceRerated(b.rated, s.count))}</dd>` : ''}</div>
</dl>`);
  if (s.count === 0) out.push(`<p>${t(m().noRecords)}</p>`);
  out.push('</section>');

  if (s.count > 0) {
    // Patterns that recur, and how belief eased in their records.
    out.push(`<section aria-labelledby="h-patterns"><h2 id="h-patterns">${t(m().patterns)}</h2>`);
    if (s.patterns.length === 0) out.push(`<p>${t(m().patternsNone)}</p>`);
    else {
      const top = s.patterns.slice(0, 10);
      const note = (p: (typeof top)[number]) => (p.meanEase === undefined ? m().easeNone : m().eased(Math.round(p.meanEase)));
      out.push(`<p class="intro">${t(m().patternsIntro)}</p>`);
      out.push(barChart(
        top.map((p) => ({ label: patternName(p.id, o.library), value: p.count, note: note(p) })),
        m().patternsChart(top.length),
        top.map((p) => `${patternName(p.id, o.library)}: ${p.count}, ${note(p)}`).join('; '),
        [m().patternCol, m().timesCol, m().easeCol],
        s.patterns.map((p) => [patternName(p.id, o.library), p.count, p.meanEase === undefined ? m().easeNone : round(p.meanEase)]),
      ));
    }
    out.push('</section>');

    // Feelings before and after.
    const fs = s.feelings.slice(0, 10);
    out.push(`<section aria-labelledby="h-feelings"><h2 id="h-feelings">${t(m().feelings)}</h2><p class="intro">${t(m().feelingsIntro)}</p>`);
    out.push(dumbbell(
      fs.map((f) => ({ label: f.name, before: f.meanBefore, after: f.meanAfter })),
      m().feelingsChart(fs.length),
      fs.map((f) => `${f.name}: ${round(f.meanBefore)}${f.meanAfter === undefined ? ` (${m().notRerated})` : ` → ${round(f.meanAfter)}`}`).join('; '),
      [m().feelingCol, m().beforeCol, m().afterCol, m().countCol],
      s.feelings.map((f) => [f.name, round(f.meanBefore), f.meanAfter === undefined ? m().notRerated : round(f.meanAfter), f.count]),
    ));
    out.push('</section>');

    // Belief in the hot thought, record by record.
    out.push(`<section aria-labelledby="h-belief"><h2 id="h-belief">${t(m().belief)}</h2>`);
    if (s.belief.length === 0) out.push(`<p>${t(m().beliefNone)}</p>`);
    else {
      out.push(`<p class="intro">${t(m().beliefIntro)}</p>`);
      out.push(beliefPaths(
        s.belief,
        m().beliefChart(s.belief.length),
        `${m().glanceBelief}: ${round(s.beliefMean!.before)} → ${round(s.beliefMean!.after)}`,
        [m().dateCol, m().beforeCol, m().afterCol],
        s.belief.map((p) => [localDateTime(p.at), p.before, p.after]),
      ));
    }
    out.push('</section>');
  }

  // Core beliefs and experiments: only when the journal keeps them.
  const cb = (o.coreBeliefs ?? []).filter((c) => c.ratings.length > 0);
  if (cb.length) {
    out.push(`<section aria-labelledby="h-core"><h2 id="h-core">${t(m().coreBeliefs)}</h2><p class="intro">${t(m().coreBeliefsIntro)}</p>`);
    out.push(lineChart(
      cb.map((c) => ({ label: c.statement, points: c.ratings.map((r) => ({ at: r.at, value: r.conviction })) })),
      m().coreBeliefChart(cb.length),
      cb.map((c) => `${c.statement}: ${c.ratings.map((r) => r.conviction).join(' → ')}`).join('; '),
      [m().beliefCol, m().dateCol, m().convictionCol],
      cb.flatMap((c) => c.ratings.map((r) => [c.statement, localDateTime(r.at), r.conviction])),
    ));
    out.push('</section>');
  }
  if (o.experiments?.length) {
    out.push(`<section aria-labelledby="h-exp"><h2 id="h-exp">${t(m().experiments)}</h2>`);
    out.push(table([m().dateCol, m().experimentCol, m().predictionCol, m().outcomeCol],
      o.experiments.map((e) => [day(e.at), e.experiment, e.prediction ?? '', e.outcome ?? ''])).replace(/<td>/g, '<td dir="auto">'));
    out.push('</section>');
  }

  // Practice days.
  const from = o.since ?? s.first ?? o.now.toISOString();
  const to = o.until && o.until < o.now.toISOString() ? o.until : o.now.toISOString();
  out.push(`<section aria-labelledby="h-practice"><h2 id="h-practice">${t(m().practice)}</h2><p class="intro">${t(m().practiceIntro(o.practiceDays.size))}</p>`);
  out.push(calendar(o.practiceDays, new Date(from < to ? from : to), new Date(to), m().practiceChart(o.practiceDays.size, day(from < to ? from : to), day(to)), m().practiceIntro(o.practiceDays.size)));
  out.push('</section>');

  if (o.records.length) {
    out.push(`<section class="records" aria-labelledby="h-records"><h2 id="h-records">${t(m().records)}</h2>`);
    for (const r of o.records) out.push(recordSection(r, o.library));
    out.push('</section>');
  }
  if (o.plan) out.push(planSection(o.plan));
  // Help stays in reach wherever the report is read: the same standing line the program shows.
  out.push(`<footer class="help"><p>${t(msg.safety.reminder)}</p></footer>`);
  return page({ title, body: out.join('\n') });
}

const items = (xs: string[]) => `<ul>${xs.map((x) => `<li dir="auto">${para(x)}</li>`).join('')}</ul>`;
const change = (b: number | undefined, a: number | undefined) => (b === undefined ? (a === undefined ? '' : `? → ${a}`) : a === undefined ? `${b}` : `${b} → ${a}`);

/** One record in full, every field it has. */
export function recordSection(r: ThoughtRecord, library: PatternNames): string {
  const rows: [string, string][] = [];
  rows.push([m().situation, `<div dir="auto">${para(r.situation)}</div>`]);
  rows.push([`${m().moods} (${m().legendBefore} → ${m().legendAfter})`, `<ul>${r.emotions.map((e) => `<li><span dir="auto">${t(e.name)}</span> ${t(change(e.before, e.after))}</li>`).join('')}</ul>`]);
  const belief = change(r.beliefBefore, r.beliefAfter);
  rows.push([`${m().hot}${belief ? ` (${belief})` : ''}`, `<div dir="auto">${para(r.thought)}</div>`]);
  if (r.otherThoughts.length) rows.push([m().otherThoughts, items(r.otherThoughts)]);
  if (r.distortions.length) rows.push([m().patternsField, `<ul>${r.distortions.map((d) => `<li>${t(patternName(d, library))}</li>`).join('')}</ul>`]);
  if (r.evidenceFor.length) rows.push([m().evidenceFor, items(r.evidenceFor)]);
  if (r.evidenceAgainst.length) rows.push([m().evidenceAgainst, items(r.evidenceAgainst)]);
  if (r.answers.length) rows.push([m().questions, `<ul>${r.answers.map((a) => `<li><span class="q" dir="auto">${para(a.question)}</span><br><span dir="auto">${para(a.answer)}</span></li>`).join('')}</ul>`]);
  if (r.reframe !== undefined || r.reframeBelief !== undefined) {
    rows.push([`${m().balanced}${r.reframeBelief !== undefined ? ` (${m().believed(r.reframeBelief)})` : ''}`, r.reframe !== undefined ? `<div dir="auto">${para(r.reframe)}</div>` : '']);
  }
  if (r.actionPlan !== undefined) rows.push([m().nextStep, `<div dir="auto">${para(r.actionPlan)}</div>`]);
  if (r.tags.length) rows.push([m().tags, `<span dir="auto">${t(r.tags.join(', '))}</span>`]);
  return `<article class="record"><h3>${t(localDateTime(r.occurredAt))}</h3><p class="muted"><span class="id">${t(r.id)}</span> · ${t(m().written(localDateTime(r.createdAt)))}</p>
<dl>${rows.map(([k, v]) => `<dt>${t(k)}</dt><dd>${v}</dd>`).join('')}</dl></article>`;
}

function planSection(plan: SafetyPlan): string {
  const steps = PLAN_STEPS.map((k) => `<h3>${t(msg.plan.steps[k].title)}</h3>${
    plan[k].length ? items(plan[k]) : `<p class="muted">${t(msg.plan.emptyStep)}</p>`}`).join('');
  return `<section class="records" aria-labelledby="h-plan"><h2 id="h-plan">${t(m().plan)}</h2><p class="muted">${t(msg.plan.changed(localDateTime(plan.updatedAt)))}</p>${steps}</section>`;
}
