/**
 * The part of report.html's script that draws the table of every link and its filters (status,
 * access, section, kind, search), and applies them without redrawing the page. Spliced into
 * PAGE_SCRIPT's closure, so it uses that file's helpers (el, t, badge…) and its `state`.
 * No backticks or dollar-brace in here: this is a template literal.
 */
export const PAGE_TABLE = String.raw`  function options(values, label) {
    return [el('option', { value: '', text: t('all') })].concat(values.map(function (value) {
      return el('option', { value: value, text: label(value) });
    }));
  }
  function control(id, key, values, label) {
    var select = el('select', { id: id }, options(values, label));
    select.value = state[key];
    select.addEventListener('change', function () { state[key] = select.value; applyFilters(); });
    return select;
  }

  function strip(recent) {
    if (!recent || recent.length === 0) return el('span', {});
    var words = recent.map(function (seen) { return day(seen.at) + ' ' + cat().status[seen.status]; });
    return el('span', { className: 'strip', role: 'img', 'aria-label': t('recentRuns', { count: num(recent.length), list: words.join(', ') }) }, recent.map(function (seen, index) {
      return el('span', { className: 'tick s-' + seen.status, title: words[index], 'data-status': seen.status, text: ICONS[seen.status] });
    }));
  }

  function table() {
    var kinds = [];
    data.rows.forEach(function (row) { if (kinds.indexOf(row.kind) < 0) kinds.push(row.kind); });
    var accessValues = [];
    data.regions.forEach(function (id) { ACCESS.forEach(function (access) { accessValues.push(id + ':' + access); }); });
    var search = el('input', { id: 'f-search', type: 'search', placeholder: t('searchPlaceholder'), autocomplete: 'off' });
    search.value = state.q;
    search.addEventListener('input', function () { state.q = search.value; applyFilters(); });
    var clear = el('button', { type: 'button', id: 'f-clear', text: t('clear') });
    clear.addEventListener('click', function () {
      state.status = state.access = state.section = state.kind = state.finding = state.q = '';
      render();
    });
    var field = function (id, label, input) { return el('div', { className: 'field' }, [el('label', { for: id, text: label }), input]); };
    var filters = el('form', { className: 'filters', role: 'search' }, [
      field('f-status', t('filterStatus'), control('f-status', 'status', STATUSES, function (s) { return ICONS[s] + ' ' + cat().status[s]; })),
      data.regions.length ? field('f-access', t('filterAccess'), control('f-access', 'access', accessValues, function (v) { var parts = v.split(':'); return region(parts[0]) + ': ' + cat().access[parts[1]]; })) : null,
      field('f-section', t('filterSection'), control('f-section', 'section', data.sections.map(function (s) { return s.id; }), function (id) {
        return id + ' ' + data.sections.filter(function (s) { return s.id === id; })[0].title;
      })),
      field('f-kind', t('filterKind'), control('f-kind', 'kind', kinds, function (k) { return k; })),
      findingFilter(field),
      field('f-search', t('search'), search),
      clear
    ]);
    filters.addEventListener('submit', function (event) { event.preventDefault(); });
    var heads = [t('colStatus'), t('colTitle'), t('filterSection'), t('filterKind'), t('colReason')]
      .concat(data.regions.map(function (id) { return t('colAccess', { region: region(id) }); }))
      .concat([t('colLine')]).concat(data.trend ? [t('colRecent')] : []);
    var rows = data.rows.map(function (row) {
      var cells = [
        el('td', { 'data-label': heads[0] }, [badge(row.status)]),
        // One wrapper, so the phone layout's label | value grid keeps the parts together.
        el('td', { 'data-label': heads[1] }, [el('div', {}, [el('div', { className: row.role, text: whoText(row) }), el('div', {}, [link(row.url)]), row.finalUrl ? el('div', { className: 'use' }, [el('span', { text: '\u2192 ' }), link(row.finalUrl)]) : null])]),
        el('td', { 'data-label': heads[2], text: row.sectionId }),
        el('td', { 'data-label': heads[3], text: row.kind }),
        el('td', { 'data-label': heads[4] }, [el('div', { text: reasonText(row) }), archivedNode(row), findingsNode(row)])
      ];
      data.regions.forEach(function (id, index) {
        var access = row.access[id] || 'unknown';
        cells.push(el('td', { 'data-label': heads[5 + index], className: 'a-' + access, text: cat().access[access] }));
      });
      cells.push(el('td', { 'data-label': t('colLine') }, [el('code', { text: lineRef(row.line) })]));
      if (data.trend) cells.push(el('td', { 'data-label': t('colRecent') }, [strip(row.recent)]));
      var tr = el('tr', { 'data-key': row.key, 'data-status': row.status, 'data-section': row.sectionId, 'data-kind': row.kind, 'data-findings': findingKindsAttr(row), className: row.role === 'mirror' ? 'is-mirror' : '' }, cells);
      tr.curateAccess = data.regions.map(function (id) { return id + ':' + (row.access[id] || 'unknown'); });
      tr.curateText = [row.title, row.id, row.url || '', row.finalUrl || '', row.platform || ''].join(' ').toLowerCase();
      return tr;
    });
    return el('section', { id: 'links' }, [
      el('h2', { text: t('table') }),
      filters,
      el('p', { id: 'shown', 'aria-live': 'polite' }),
      el('div', { className: 'scroll' }, [el('table', { className: 'links' }, [
        el('thead', {}, [el('tr', {}, heads.map(function (h) { return el('th', { scope: 'col', text: h }); }))]),
        el('tbody', { id: 'rows' }, rows)
      ])])
    ]);
  }

  function applyFilters() {
    var q = state.q.trim().toLowerCase();
    var shown = 0;
    var rows = document.getElementById('rows').children;
    for (var i = 0; i < rows.length; i++) {
      var tr = rows[i];
      var ok = (!state.status || tr.getAttribute('data-status') === state.status) &&
        (!state.section || tr.getAttribute('data-section') === state.section) &&
        (!state.kind || tr.getAttribute('data-kind') === state.kind) &&
        (!state.access || tr.curateAccess.indexOf(state.access) >= 0) &&
        (!q || tr.curateText.indexOf(q) >= 0) && findingMatches(tr);
      tr.hidden = !ok;
      if (ok) shown++;
    }
    document.getElementById('shown').textContent = t('showing', { shown: num(shown), total: num(rows.length) });
  }

`;
