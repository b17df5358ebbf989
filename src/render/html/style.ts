// The report's one stylesheet, inlined: system fonts only (no web fonts), light and dark from the reader's
// setting, and a print style (always light, sensible page breaks; the worksheet on one landscape page).
export const BASE_CSS = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa;
  --before: #b85c38; --after: #2f7d5b; --bar: #4a78a8; --on: #3f8f63; --off: #ebeef1; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #15181c; --fg: #e6e8eb; --muted: #a2abb5; --line: #3b434c; --soft: #1e2329;
    --before: #f09a73; --after: #6fcf9f; --bar: #7aa7d6; --on: #4fb07c; --off: #2a3038; }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.muted, figcaption, .intro { color: var(--muted); }
.glance { display: flex; flex-wrap: wrap; gap: .75rem; margin: 0; padding: 0; }
.glance div { border: 1px solid var(--line); border-radius: 8px; padding: .5rem .8rem; min-width: 10rem; background: var(--soft); }
.glance dt { font-size: .85rem; color: var(--muted); } .glance dd { margin: 0; font-size: 1.2rem; font-weight: 600; }
figure.chart { margin: .75rem 0 1.25rem; } figure.chart svg { max-width: 100%; height: auto; display: block; }
svg text { fill: var(--fg); font: 12px system-ui, sans-serif; } svg text.axis { fill: var(--muted); font-size: 11px; }
svg .bar { fill: var(--bar); } svg .grid { stroke: var(--line); stroke-width: 1; }
svg .before { fill: var(--before); } svg .after { fill: var(--after); } svg .link { stroke: var(--muted); stroke-width: 2; }
svg .day { fill: var(--off); } svg .day.on { fill: var(--on); }
svg .series polyline { fill: none; stroke-width: 2.5; } svg .series line { stroke-width: 3; }
svg .s0 polyline, svg .s0 line { stroke: var(--bar); } svg .s0 circle { fill: var(--bar); }
svg .s1 polyline, svg .s1 line { stroke: var(--before); } svg .s1 circle { fill: var(--before); }
svg .s2 polyline, svg .s2 line { stroke: var(--after); } svg .s2 circle { fill: var(--after); }
svg .s3 polyline, svg .s3 line { stroke: var(--muted); } svg .s3 circle { fill: var(--muted); }
details summary { cursor: pointer; color: var(--muted); font-size: .9rem; }
table { border-collapse: collapse; margin: .4rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .55rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); }
ul.days { columns: 3; font-size: .9rem; }
.record { border-top: 1px solid var(--line); padding-top: .5rem; margin-top: 1.2rem; }
.record dl { display: grid; grid-template-columns: 13rem 1fr; gap: .35rem 1rem; margin: .5rem 0; }
.record dt { font-weight: 600; color: var(--muted); } .record dd { margin: 0; }
.record dd ul { margin: 0; padding-left: 1.2rem; }
.id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; }
.q { font-style: italic; }
footer.help { margin-top: 2rem; border-top: 1px solid var(--line); padding-top: .5rem; color: var(--muted); font-size: .9rem; }
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #444; --line: #999; --soft: #f2f2f2; --before: #b5542e; --after: #22724f; --bar: #3d6a99; --on: #2f7d55; --off: #e6e6e6; }
  html, body { background: #fff; color: #000; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  details { display: none; }
  h2 { break-after: avoid; } figure, .glance, tr, .record dl > * { break-inside: avoid; }
  .record { break-inside: avoid-page; }
  .records { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
@page { margin: 14mm; }
`;

export const WORKSHEET_CSS = `
body { max-width: none; padding: 1rem 1.25rem; }
header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; flex-wrap: wrap; }
table.worksheet { width: 100%; table-layout: fixed; border-collapse: collapse; margin-top: .6rem; }
table.worksheet th { font-size: .9rem; background: var(--soft); vertical-align: top; }
table.worksheet th .n { display: block; color: var(--muted); font-weight: 400; font-size: .8rem; }
table.worksheet th .hint { display: block; color: var(--muted); font-weight: 400; font-size: .75rem; }
table.worksheet td { height: 30rem; font-size: .88rem; overflow-wrap: anywhere; }
table.worksheet td.empty { background: repeating-linear-gradient(to bottom, transparent 0, transparent 1.9rem, var(--line) 1.9rem, var(--line) calc(1.9rem + 1px)); }
table.worksheet td ul { margin: 0; padding-left: 1rem; } table.worksheet td li { margin-bottom: .3rem; }
table.worksheet td p { margin: 0 0 .4rem; }
table.worksheet .hot { font-weight: 700; }
table.worksheet .mark { display: inline-block; font-size: .72rem; border: 1.5px solid currentColor; border-radius: 1rem; padding: 0 .35rem; margin-right: .25rem; }
table.worksheet .rating { white-space: nowrap; color: var(--muted); }
table.worksheet .sub { margin-top: .6rem; font-size: .8rem; color: var(--muted); font-weight: 600; }
table.worksheet .blankline { display: block; border-bottom: 1px solid var(--line); height: 1.6rem; }
@page { size: A4 landscape; margin: 9mm; }
@media print {
  body { padding: 0 1px 0 0; margin: 0; font-size: 9.5pt; }
  header h1 { font-size: 15pt; }
  table.worksheet td { height: 128mm; font-size: 8.5pt; }
  table.worksheet td.empty { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  table.worksheet, table.worksheet tr { break-inside: avoid; }
}
`;
