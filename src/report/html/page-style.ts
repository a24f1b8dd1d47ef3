/**
 * The stylesheet of report.html, as text (see page-script.ts for why a TS string). System fonts
 * only: a web font would be one more request, slow or blocked from mainland China. Status colours
 * always come with the status's icon and word; the print and narrow-screen rules keep the table
 * readable on paper and on a phone.
 */
export const PAGE_STYLE = `
:root {
  --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #fff; --soft: #f6f8fa;
  --ok: #1a7f37; --redirected: #0550ae; --broken: #cf222e; --unreachable: #9a6700;
  --unverified: #8250df; --skipped: #6e7781;
  font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  color: var(--fg); background: var(--bg); line-height: 1.5;
}
body { margin: 0 auto; padding: 1rem 1.25rem 3rem; max-width: 72rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; border-bottom: 1px solid var(--line); padding-bottom: 0.25rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.25rem; }
a { color: var(--redirected); }
a:focus-visible, select:focus-visible, input:focus-visible, button:focus-visible, summary:focus-visible {
  outline: 3px solid var(--redirected); outline-offset: 2px;
}
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85em; }
.note { color: var(--muted); }
.banner { border-left: 4px solid var(--unreachable); background: #fff8c5; padding: 0.5rem 0.75rem; }
header .lang { float: right; display: flex; gap: 0.4rem; align-items: center; }
.url { overflow-wrap: anywhere; }
.badge { display: inline-flex; gap: 0.3em; align-items: baseline; white-space: nowrap; font-weight: 600; }
.badge .icon { display: inline-block; min-width: 1.1em; text-align: center; }
.s-ok { color: var(--ok); } .s-redirected { color: var(--redirected); } .s-broken { color: var(--broken); }
.s-unreachable { color: var(--unreachable); } .s-unverified { color: var(--unverified); } .s-skipped { color: var(--skipped); }
.legend dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0; }
.legend dd { margin: 0; }
table { border-collapse: collapse; }
th, td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { background: var(--soft); white-space: nowrap; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.total th, tr.total td { font-weight: 700; }
.bars { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.6rem; }
.bar-label { display: flex; justify-content: space-between; gap: 1rem; }
.bar { display: flex; height: 1.4rem; border: 1px solid var(--line); border-radius: 4px; overflow: hidden; }
.seg { display: flex; align-items: center; justify-content: center; color: #fff; font-size: 0.8rem; min-width: 2.2rem; overflow: hidden; }
.seg.s-ok { background: var(--ok); } .seg.s-redirected { background: var(--redirected); } .seg.s-broken { background: var(--broken); }
.seg.s-unreachable { background: var(--unreachable); } .seg.s-unverified { background: var(--unverified); } .seg.s-skipped { background: var(--skipped); }
.attention { padding-left: 1.1rem; }
.attention > li { margin: 0.4rem 0; display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; align-items: baseline; }
.attention ul { flex-basis: 100%; margin: 0.2rem 0; padding-left: 1.2rem; }
.attention ul li { display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; }
.reason { color: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: 0.6rem 1rem; align-items: flex-end; background: var(--soft); padding: 0.75rem; border-radius: 6px; }
.field { display: flex; flex-direction: column; gap: 0.15rem; font-size: 0.9rem; }
select, input, button { font: inherit; padding: 0.3rem 0.45rem; border: 1px solid var(--line); border-radius: 4px; background: var(--bg); color: var(--fg); }
input[type=search] { min-width: 14rem; }
button { cursor: pointer; }
.scroll { overflow-x: auto; }
table.links { width: 100%; }
tr.is-mirror td:nth-child(2) .mirror { padding-left: 1rem; color: var(--muted); }
tr.is-mirror td:nth-child(2) .mirror::before { content: "\\21b3  "; }
td.a-vpn { color: var(--broken); font-weight: 600; } td.a-partial { color: var(--unreachable); } td.a-unknown { color: var(--muted); }
.strip { display: inline-flex; gap: 2px; }
.tick { display: inline-block; width: 1.05rem; text-align: center; font-size: 0.75rem; border-radius: 2px; color: #fff; }
.tick.s-ok { background: var(--ok); } .tick.s-redirected { background: var(--redirected); } .tick.s-broken { background: var(--broken); }
.tick.s-unreachable { background: var(--unreachable); } .tick.s-unverified { background: var(--unverified); } .tick.s-skipped { background: var(--skipped); }
.chart { width: 100%; max-width: 46rem; height: auto; display: block; }
.chart .grid { stroke: var(--line); }
.chart .axis { fill: var(--muted); font-size: 11px; }
.chart .line { fill: none; stroke-width: 2; stroke: currentColor; }
.chart .point { fill: currentColor; }
.chart .label { fill: currentColor; font-size: 12px; }
.chart .s-ok { color: var(--ok); } .chart .s-broken { color: var(--broken); }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.85rem; }
@media (max-width: 40rem) {
  body { padding: 0.75rem; }
  header .lang { float: none; margin-bottom: 0.5rem; }
  table.links thead { display: none; }
  table.links tr { display: block; border-bottom: 2px solid var(--line); padding: 0.4rem 0; }
  table.links td { display: grid; grid-template-columns: 7.5rem 1fr; gap: 0.5rem; border: 0; padding: 0.15rem 0; }
  table.links td::before { content: attr(data-label); color: var(--muted); font-size: 0.85rem; }
  input[type=search] { min-width: 0; width: 100%; }
  .field { flex: 1 1 45%; }
}
@media print {
  :root { font-size: 10pt; }
  .lang, .filters, #f-clear { display: none; }
  a { color: inherit; text-decoration: none; }
  .seg, .tick { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
}
`;
