/**
 * The part of report.html's script that draws the views only some reports have: the resource ×
 * vantage matrix (merged reports) and the trend chart, an inline SVG (a history beside the
 * report). Spliced into PAGE_SCRIPT's closure, so it uses that file's helpers (el, t, badge…).
 * No backticks or dollar-brace in here: this is a template literal.
 */
export const PAGE_VIEWS = String.raw`  function svg(tag, attrs, children) {
    var node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (var name in attrs) {
      if (name === 'text') node.textContent = attrs[name];
      else node.setAttribute(name, attrs[name]);
    }
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }
  function matrix() {
    var vantages = data.matrixVantages;
    var rows = data.rows.filter(function (row) { return row.role === 'resource'; }).map(function (row) {
      return el('tr', {}, [el('th', { scope: 'row', text: row.title })].concat(vantages.map(function (vantage) {
        var seen = row.seen && row.seen[vantage];
        return el('td', { 'data-vantage': vantage }, [seen ? badge(seen.status) : el('span', { text: '\u2014' })]);
      })));
    });
    return el('section', { id: 'matrix' }, [
      el('h2', { text: t('matrix') }), el('p', { className: 'note', text: t('matrixHelp') }),
      el('div', { className: 'scroll' }, [el('table', {}, [
        el('thead', {}, [el('tr', {}, [el('th', { scope: 'col', text: t('colTitle') })].concat(vantages.map(function (v) { return el('th', { scope: 'col', text: region(v) === v ? v : v + ' (' + region(v) + ')' }); })))]),
        el('tbody', {}, rows)
      ])])
    ]);
  }

  function trend() {
    var runs = data.trend;
    var width = 640, height = 260, left = 40, right = 120, top = 14, bottom = 34;
    var max = 1;
    runs.forEach(function (run) { STATUSES.forEach(function (s) { if (run.counts[s] > max) max = run.counts[s]; }); });
    var x = function (i) { return left + (runs.length === 1 ? 0 : i * (width - left - right) / (runs.length - 1)); };
    var y = function (n) { return top + (height - top - bottom) * (1 - n / max); };
    var nodes = [];
    [0, Math.round(max / 2), max].forEach(function (n) {
      nodes.push(svg('line', { x1: left, x2: width - right, y1: y(n), y2: y(n), 'class': 'grid' }));
      nodes.push(svg('text', { x: left - 6, y: y(n) + 4, 'text-anchor': 'end', 'class': 'axis', text: num(n) }));
    });
    runs.forEach(function (run, i) {
      if (runs.length <= 8 || i % Math.ceil(runs.length / 8) === 0 || i === runs.length - 1) {
        nodes.push(svg('text', { x: x(i), y: height - 12, 'text-anchor': 'middle', 'class': 'axis', text: day(run.at) }));
      }
    });
    var shown = STATUSES.filter(function (s) { return runs.some(function (run) { return run.counts[s] > 0; }); });
    shown.forEach(function (status, k) {
      var points = runs.map(function (run, i) { return x(i) + ',' + y(run.counts[status]); }).join(' ');
      var group = [svg('polyline', { points: points, 'class': 'line s-' + status })];
      runs.forEach(function (run, i) {
        group.push(svg('circle', { cx: x(i), cy: y(run.counts[status]), r: 4, 'class': 'point s-' + status, 'data-status': status, 'data-run': String(i), 'data-count': String(run.counts[status]) }, [
          svg('title', { text: when(run.at) + ': ' + cat().status[status] + ' ' + num(run.counts[status]) })
        ]));
      });
      nodes.push(svg('g', { 'data-series': status }, group));
    });
    // Each line's name at its end, pushed apart where lines end close together.
    var labels = shown.map(function (status) { return { status: status, y: y(runs[runs.length - 1].counts[status]) + 4 }; });
    labels.sort(function (a, b) { return a.y - b.y; });
    labels.forEach(function (label, i) { if (i > 0 && label.y < labels[i - 1].y + 14) label.y = labels[i - 1].y + 14; });
    labels.forEach(function (label) {
      nodes.push(svg('text', { x: width - right + 8, y: label.y, 'class': 'label s-' + label.status, text: ICONS[label.status] + ' ' + cat().status[label.status] }));
    });
    var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': 'trend-title', 'class': 'chart' },
      [svg('title', { id: 'trend-title', text: t('chartLabel', { runs: p('runs', runs.length) }) })].concat(nodes));
    var tableRows = runs.map(function (run) {
      return el('tr', {}, [el('th', { scope: 'row', text: when(run.at) })].concat(STATUSES.map(function (s) { return el('td', { className: 'n', text: num(run.counts[s]) }); })));
    });
    return el('section', { id: 'trend' }, [
      el('h2', { text: t('trend') }), el('p', { className: 'note', text: t('trendHelp') }), chart,
      el('details', {}, [el('summary', { text: t('chartLabel', { runs: p('runs', runs.length) }) }), el('div', { className: 'scroll' }, [el('table', {}, [
        el('thead', {}, [el('tr', {}, [el('th', {})].concat(STATUSES.map(function (s) { return el('th', { scope: 'col' }, [badge(s)]); })))]),
        el('tbody', {}, tableRows)
      ])])])
    ]);
  }

`;
