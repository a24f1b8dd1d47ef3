import { FINDING_KINDS } from '../../outcome/findings.js';

/**
 * The part of report.html's script that shows the findings beside the status (archived,
 * renamed, gated, withdrawn, title drift, unprobed): the "Worth a look" section, each row's
 * findings in the table, and the table's finding filter. Spliced into PAGE_SCRIPT's closure, so
 * it uses that file's helpers (el, cat, t, link, whoText, lineRef, control, state). Each
 * finding's sentence comes precomputed in every language (view.ts, from the catalog report.md
 * uses); the section's own words are the `findings.*` catalog keys, as in report.md.
 * No backticks or dollar-brace in the script text: it is a template literal.
 */
export const PAGE_FINDINGS = String.raw`  var FINDING_KINDS = ${JSON.stringify(FINDING_KINDS)};
  /** The filter's values besides the kinds: any finding, or none. */
  var ANY_FINDING = '*', NO_FINDING = '-';

  function findingsOf(row) { return row.findings || []; }
  function findingText(finding) { return finding.text[state.lang] || finding.text.en; }
  function findingWord(kind) { return el('code', { className: 'finding', 'data-finding': kind, text: kind }); }
  function pluralOf(message, count, values) {
    var form = new Intl.PluralRules(state.lang).select(count) === 'one' && message.one ? message.one : message.other;
    var all = { count: num(count) };
    for (var name in values || {}) all[name] = values[name];
    return fill(form, all);
  }

  /** A row's findings, under its reason in the table. */
  function findingsNode(row) {
    var findings = findingsOf(row);
    if (findings.length === 0) return null;
    return el('ul', { className: 'findings' }, findings.map(function (finding) {
      return el('li', {}, [findingWord(finding.kind), document.createTextNode(' ' + findingText(finding))]);
    }));
  }
  /** The kinds a row has, space-separated, for the filter (null when none). */
  function findingKindsAttr(row) {
    var kinds = findingsOf(row).map(function (finding) { return finding.kind; });
    return kinds.length === 0 ? null : kinds.join(' ');
  }

  /** "Worth a look": every finding of the report, one line each, in report order. */
  function worthALook() {
    var messages = cat().findings;
    var unprobed = 0;
    var items = [];
    data.rows.forEach(function (row) {
      findingsOf(row).forEach(function (finding) {
        if (finding.kind === 'unprobed') unprobed++;
        items.push(el('li', { 'data-key': row.key, 'data-finding': finding.kind }, [
          findingWord(finding.kind), el('strong', { text: whoText(row) }), link(row.url), el('code', { text: lineRef(row.line) }),
          el('span', { className: 'finding-text', text: findingText(finding) })
        ]));
      });
    });
    if (items.length === 0) return null;
    var children = [el('h2', { text: messages.title }), el('p', { className: 'note', text: messages.help })];
    if (unprobed > 0) children.push(el('p', { className: 'note unprobed', text: pluralOf(messages.unprobed, unprobed, { word: 'unprobed' }) }));
    children.push(el('ul', { className: 'attention' }, items));
    return el('section', { id: 'findings' }, children);
  }

  /** The table's finding filter: any, none, or one kind the report has; null without findings. */
  function findingFilter(field) {
    var kinds = FINDING_KINDS.filter(function (kind) {
      return data.rows.some(function (row) { return findingsOf(row).some(function (finding) { return finding.kind === kind; }); });
    });
    if (kinds.length === 0) return null;
    var messages = cat().findings;
    var select = control('f-finding', 'finding', [ANY_FINDING, NO_FINDING].concat(kinds), function (value) {
      return value === ANY_FINDING ? messages.any : value === NO_FINDING ? messages.none : value;
    });
    return field('f-finding', messages.filter, select);
  }
  function findingMatches(tr) {
    if (!state.finding) return true;
    var kinds = (tr.getAttribute('data-findings') || '').split(' ').filter(Boolean);
    if (state.finding === ANY_FINDING) return kinds.length > 0;
    if (state.finding === NO_FINDING) return kinds.length === 0;
    return kinds.indexOf(state.finding) >= 0;
  }

`;

/** The findings' styles, appended to PAGE_STYLE: a finding word reads as a tag, not as code. */
export const FINDINGS_STYLE = `
code.finding { background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 0 0.3em; }
ul.findings { list-style: none; margin: 0.25rem 0 0; padding: 0; font-size: 0.9em; }
ul.findings li { margin: 0.15rem 0; }
#findings .finding-text { flex-basis: 100%; padding-left: 0.2rem; }
@media print { #findings { break-inside: avoid-page; } }
`;
