import { PAGE_TABLE } from './page-table.js';
import { PAGE_FINDINGS } from './page-findings.js';
import { PAGE_VIEWS } from './page-views.js';

/**
 * The script of report.html, as text: plain ES2017 with no framework and no network, so the page
 * works from disk, from GitHub Pages and behind the Great Firewall alike. It reads the embedded
 * data and catalogs, renders with `textContent` only (roadmap text is never parsed as HTML), and
 * re-renders on a language switch, keeping the filters. Kept as a TS string so the bundled CLI
 * carries it without a loader; the browser tests (test/browser/) are what check it.
 * No backticks or dollar-brace in here: this is a template literal. The links table with its
 * filters is in page-table.ts, and the views drawn only for some reports (the vantage matrix,
 * the trend chart) in page-views.ts, both spliced in.
 */
export const PAGE_SCRIPT = String.raw`(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('curate-data').textContent);
  var catalogs = JSON.parse(document.getElementById('curate-catalogs').textContent);
  var STATUSES = ['ok', 'redirected', 'broken', 'unreachable', 'unverified', 'skipped'];
  var ATTENTION = ['broken', 'unreachable', 'redirected'];
  var ACCESS = ['open', 'partial', 'vpn', 'unknown'];
  var ICONS = { ok: '\u2713', redirected: '\u21aa', broken: '\u2717', unreachable: '\u26a0', unverified: '?', skipped: '\u2013' };
  var state = { lang: initialLang(), status: '', access: '', section: '', kind: '', finding: '', q: '' };

  function initialLang() {
    var stored = null;
    try { stored = window.localStorage.getItem('curate-lang'); } catch (e) { stored = null; }
    if (stored && catalogs[stored]) return stored;
    if (data.lang && catalogs[data.lang]) return data.lang;
    var asked = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
    for (var i = 0; i < asked.length; i++) {
      var tag = String(asked[i]).toLowerCase();
      if (tag === 'zh' || tag.indexOf('zh-') === 0) return 'zh-CN';
      if (tag === 'en' || tag.indexOf('en-') === 0) return 'en';
    }
    return 'en';
  }

  function cat() { return catalogs[state.lang]; }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && values[name] !== undefined ? String(values[name]) : whole;
    });
  }
  function num(n) { return new Intl.NumberFormat(state.lang).format(n); }
  function t(key, values) {
    var message = cat().html[key];
    return fill(typeof message === 'string' ? message : message.other, values);
  }
  function p(key, count, values) {
    var message = cat().html[key];
    var form = new Intl.PluralRules(state.lang).select(count) === 'one' && message.one ? message.one : message.other;
    var all = { count: num(count) };
    for (var name in values || {}) all[name] = values[name];
    return fill(form, all);
  }
  function when(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat(state.lang, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC', timeZoneName: 'short' }).format(date);
  }
  function day(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat(state.lang, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
  }
  function list(items) { return new Intl.ListFormat(state.lang, { type: 'conjunction' }).format(items); }
  function region(id) { return cat().region[id] || id; }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    for (var name in attrs || {}) {
      if (name === 'text') node.textContent = attrs[name];
      else if (name === 'className') node.className = attrs[name];
      else if (attrs[name] !== undefined && attrs[name] !== null) node.setAttribute(name, attrs[name]);
    }
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }
  /** A status as icon and word, never colour alone. */
  function badge(status) {
    return el('span', { className: 'badge s-' + status, 'data-status': status }, [
      el('span', { className: 'icon', 'aria-hidden': 'true', text: ICONS[status] }),
      el('span', { text: cat().status[status] })
    ]);
  }
  function link(url) {
    if (!url) return el('span', { text: '\u2014' });
    // Only web links become links: a roadmap typo like javascript: stays text.
    return /^https?:\/\//i.test(url) ? el('a', { href: url, rel: 'noopener noreferrer', text: url, className: 'url' }) : el('span', { className: 'url', text: url });
  }
  function lineRef(line) { return line > 0 ? data.file + ':' + line : data.file; }
  function reasonText(row) {
    var text = cat().reason[row.reason] || row.reason;
    // A redirect's code is the final page's, which says nothing about the move.
    // Only a code that is news: 200 on an ok page, or the final page's code of a redirect, is not.
    var coded = row.httpStatus !== undefined && row.httpStatus >= 300 && row.status !== 'redirected' && text.indexOf('HTTP ') !== 0;
    return coded ? 'HTTP ' + row.httpStatus + ': ' + text : text;
  }
  // A dead link's archived copy: the snapshot with its date (and where the archive needs a VPN),
  // or why there is none. Catalog keys: archive.*, typed against the report's answers.
  function archivedNode(row) {
    var archived = row.archived;
    if (!archived) return null;
    var messages = cat().archive;
    if (archived.kind === 'snapshot') {
      var taken = new Intl.DateTimeFormat(state.lang, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(archived.timestamp));
      var around = fill(messages.snapshot, { date: taken });
      var notes = archived.blockedIn.map(function (id) { return fill(messages.blockedIn, { region: region(id) }); });
      return el('span', { className: 'archived' }, [
        document.createTextNode(around + ': '),
        link(archived.url),
        notes.length > 0 ? el('span', { className: 'archive-region', text: ' (' + notes.join('; ') + ')' }) : null
      ]);
    }
    var text = archived.kind === 'unanswered' ? fill(messages.unanswered, { detail: archived.detail }) : messages[archived.kind];
    return el('span', { className: 'archived', text: text });
  }
  function whoText(row) {
    if (row.role === 'resource') return row.title;
    var parts = [t('mirror')];
    if (row.platform) parts.push(row.platform);
    if (row.confirmed === false) parts.push(t('unconfirmed'));
    return row.title + ' \u00b7 ' + parts.join(' \u00b7 ');
  }

  function header() {
    var vantages = list(data.vantages.map(region));
    var values = { resources: p('resources', data.summary.total), mirrors: p('mirrors', data.mirrorSummary.total), vantages: vantages, time: when(data.startedAt) };
    var select = el('select', { id: 'lang' }, [
      el('option', { value: 'en', text: 'English' }),
      el('option', { value: 'zh-CN', text: '\u7b80\u4f53\u4e2d\u6587' })
    ]);
    select.value = state.lang;
    select.addEventListener('change', function () {
      state.lang = select.value;
      try { window.localStorage.setItem('curate-lang', state.lang); } catch (e) { /* file:// may refuse */ }
      render();
      document.getElementById('lang').focus();
    });
    var banners = [];
    if (data.networkDown !== undefined) banners.push(el('p', { className: 'banner', role: 'alert', text: t('networkDown', { message: data.networkDown[state.lang] || data.networkDown.en }) }));
    else if (data.partial) banners.push(el('p', { className: 'banner', role: 'alert', text: t('partial') }));
    if (data.cached > 0) banners.push(el('p', { className: 'note', text: t('cached', { count: num(data.cached) }) }));
    return el('header', {}, [
      el('div', { className: 'lang' }, [el('label', { for: 'lang', text: t('language') }), select]),
      el('h1', { text: t('pageTitle', { title: data.title }) }),
      el('p', { id: 'summary', text: t(data.networkDown !== undefined ? 'summaryNetworkDown' : data.isOffline ? 'summaryOffline' : 'summary', values) })
    ].concat(banners));
  }

  function legend() {
    var items = [];
    STATUSES.forEach(function (status) {
      items.push(el('dt', {}, [badge(status)]), el('dd', { text: cat().statusHelp[status] }));
    });
    return el('details', { className: 'legend' }, [el('summary', { text: t('legend') }), el('dl', {}, items)]);
  }

  function counts() {
    var rows = STATUSES.map(function (status) {
      return el('tr', { 'data-status': status }, [
        el('th', { scope: 'row' }, [badge(status)]),
        el('td', { className: 'n', text: num(data.summary[status]) }),
        el('td', { className: 'n', text: num(data.mirrorSummary[status]) })
      ]);
    });
    rows.push(el('tr', { className: 'total' }, [
      el('th', { scope: 'row', text: t('total') }),
      el('td', { className: 'n', text: num(data.summary.total) }),
      el('td', { className: 'n', text: num(data.mirrorSummary.total) })
    ]));
    return el('section', { id: 'counts' }, [
      el('h2', { text: t('counts') }),
      el('table', { className: 'counts' }, [
        el('thead', {}, [el('tr', {}, [el('th', { scope: 'col', text: t('colStatus') }), el('th', { scope: 'col', text: t('colResources') }), el('th', { scope: 'col', text: t('colMirrors') })])]),
        el('tbody', {}, rows)
      ])
    ]);
  }

  function sections() {
    var items = data.sections.map(function (section) {
      var total = 0;
      STATUSES.forEach(function (status) { total += section.counts[status]; });
      var label = t('sectionBar', { ok: num(section.counts.ok), total: num(total) });
      var parts = STATUSES.filter(function (status) { return section.counts[status] > 0; }).map(function (status) {
        var count = section.counts[status];
        return el('span', { className: 'seg s-' + status, style: 'flex-grow:' + count, title: cat().status[status] + ': ' + num(count) }, [
          el('span', { 'aria-hidden': 'true', text: ICONS[status] + ' ' + num(count) })
        ]);
      });
      var detail = STATUSES.filter(function (status) { return section.counts[status] > 0; }).map(function (status) {
        return cat().status[status] + ' ' + num(section.counts[status]);
      }).join(', ');
      return el('li', {}, [
        el('div', { className: 'bar-label' }, [el('strong', { text: section.id + ' ' + section.title }), el('span', { text: label })]),
        el('div', { className: 'bar', role: 'img', 'aria-label': label + ' (' + detail + ')' }, parts)
      ]);
    });
    return el('section', { id: 'sections' }, [el('h2', { text: t('sections') }), el('ul', { className: 'bars' }, items)]);
  }

  function attentionItem(row) {
    var bits = [badge(row.status), el('strong', { text: whoText(row) }), el('span', { className: 'reason', text: reasonText(row) }), link(row.url)];
    if (row.finalUrl) {
      var around = cat().html.useInstead.split('{url}');
      bits.push(el('span', { className: 'use' }, [document.createTextNode(around[0]), link(row.finalUrl), document.createTextNode(around[1] || '')]));
    }
    bits.push(archivedNode(row));
    bits.push(el('code', { text: lineRef(row.line) }));
    return el('li', { 'data-key': row.key }, bits);
  }

  function attention() {
    var rows = data.rows.filter(function (row) { return ATTENTION.indexOf(row.status) >= 0; });
    rows.sort(function (a, b) { return ATTENTION.indexOf(a.status) - ATTENTION.indexOf(b.status); });
    var children = [el('h2', { text: t('attention') })];
    // A run that checked nothing (a dead network, --offline) cannot say nothing needs a maintainer.
    var isNothingChecked = data.rows.length > 0 && data.rows.every(function (row) { return row.status === 'skipped'; });
    var none = el('p', { text: t(isNothingChecked ? 'attentionNoneUnchecked' : 'attentionNone') });
    children.push(rows.length === 0 ? none : el('ul', { className: 'attention' }, rows.map(attentionItem)));
    data.uncovered.forEach(function (group) {
      children.push(el('h3', { text: t('uncovered', { region: region(group.region) }) }), el('p', { className: 'note', text: t('uncoveredHelp', { region: region(group.region) }) }));
      children.push(el('ul', { className: 'attention' }, group.ids.map(function (id) {
        var own = data.rows.filter(function (row) { return row.id === id; });
        var resource = own[0];
        var mirrors = own.slice(1);
        return el('li', { 'data-key': resource.key }, [
          el('strong', { text: resource.title }), link(resource.url), el('code', { text: lineRef(resource.line) }),
          mirrors.length === 0 ? el('span', { className: 'note', text: t('noMirrors') }) : el('ul', {}, mirrors.map(function (mirror) {
            return el('li', {}, [badge(mirror.status), el('span', { text: whoText(mirror) }), el('span', { className: 'access', text: cat().access[mirror.access[group.region] || 'unknown'] }), link(mirror.url)]);
          }))
        ]);
      })));
    });
    return el('section', { id: 'attention' }, children);
  }

${PAGE_TABLE}${PAGE_VIEWS}${PAGE_FINDINGS}  function render() {
    document.documentElement.lang = state.lang;
    document.title = t('pageTitle', { title: data.title });
    var app = document.getElementById('app');
    var parts = [header(), legend(), counts(), sections(), attention(), worthALook()].filter(Boolean);
    if (data.trend && data.trend.length > 0) parts.push(trend());
    parts.push(table());
    if (data.matrixVantages) parts.push(matrix());
    parts.push(el('footer', { text: t('footer', { version: data.version, file: data.file }) }));
    app.textContent = '';
    parts.forEach(function (part) { app.appendChild(part); });
    applyFilters();
  }

  render();
})();
`;
