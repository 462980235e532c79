/**
 * The shell every HTML report shares: one self-contained page (inline CSS and script, no fonts,
 * images or requests of any kind, so it works opened from disk and leaks nothing), the filter
 * script, and escaping.
 */

/**
 * Escapes text for HTML content and attribute values.
 * @example esc('<a href="x">') // '&lt;a href=&quot;x&quot;&gt;'
 */
export const esc = (text: string): string => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c]!);

const CSS = `
:root { color-scheme: light; --fg: #1b1f24; --muted: #4a5360; --line: #c9d1d9; --accent: #0a4fa8; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; margin: 0 auto; padding: 1.5rem; max-width: 1200px; }
h1 { font-size: 1.6rem; margin: 0 0 .4rem; } h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; } h3 { font-size: 1.05rem; }
a { color: var(--accent); } a:focus, summary:focus, select:focus, button:focus { outline: 3px solid #1a73e8; outline-offset: 2px; }
.verdict { font-size: 1.2rem; font-weight: 700; padding: .6rem .9rem; border-radius: 6px; display: inline-block; }
.verdict.pass { background: #dcf5e3; color: #0b4a1f; } .verdict.fail { background: #fbdada; color: #7a0b0b; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 1rem 0; } dl.meta dt { color: var(--muted); } dl.meta dd { margin: 0; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .9rem; word-break: break-all; }
table { border-collapse: collapse; margin: .4rem 0 1rem; } caption { text-align: left; color: var(--muted); padding-bottom: .3rem; }
th, td { border: 1px solid var(--line); padding: .25rem .55rem; text-align: right; } th[scope=row], th.name, td.name { text-align: left; } thead th { background: #f3f5f8; }
.matrix thead th { text-align: center; } .matrix thead th:first-child { text-align: left; } .matrix th[scope=row] { font-weight: normal; } .matrix th[scope=colgroup] { background: #f3f5f8; }
.matrix ul.paths { text-align: left; list-style: none; padding: 0; margin: .3rem 0 0; font-size: .78rem; } .matrix ul.paths code { word-break: break-all; }
td.zero { color: #6a737d; }
.badge { display: inline-block; min-width: 5.5rem; text-align: center; border-radius: 4px; padding: 0 .35rem; font-size: .85rem; font-weight: 600; }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin: .5rem 0; } .filters label { display: flex; flex-direction: column; font-size: .9rem; color: var(--muted); }
select, button { font: inherit; padding: .2rem .4rem; }
.scenario { border: 1px solid var(--line); border-radius: 6px; margin: .35rem 0; padding: .2rem .6rem; }
.scenario > summary { cursor: pointer; padding: .15rem 0; } .scenario code { font-size: .88rem; }
.failure h3 { font-size: .95rem; margin: .3rem 0; font-weight: 600; }
.failure { border-left: 4px solid #b42318; margin: .5rem 0 .8rem; padding: .2rem .7rem; background: #fcfcfd; } .failure.advisory { border-left-color: #8a6d00; }
pre { background: #f6f8fa; border: 1px solid #e1e4e8; padding: .5rem; overflow: auto; font-size: .82rem; max-height: 26rem; margin: .2rem 0; }
mark { background: #ffd33d; color: #1b1f24; font-weight: 600; } .path mark { padding: 0 .1rem; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: .8rem; } .cols h4, .failure h4 { margin: .4rem 0 .1rem; font-size: .9rem; color: var(--muted); }
.tag { font-family: ui-monospace, monospace; font-size: .85rem; } .muted { color: var(--muted); }
.matrix td.cell { text-align: center; padding: 0; } .matrix td.cell details { padding: .15rem .3rem; } .matrix td.cell summary { cursor: pointer; list-style: none; }
.matrix td.cell summary::-webkit-details-marker { display: none; }
.spec section { border-top: 1px solid var(--line); } .spec pre { white-space: pre-wrap; max-height: none; }
[hidden] { display: none !important; }
@media (max-width: 700px) { .cols { grid-template-columns: 1fr; } }
`;

/**
 * Filters: every `<select data-filter="KEY">` narrows the elements marked `data-row` to those whose
 * `data-KEY` (a space-separated list) holds the chosen value; `#shown` tells how many remain; a
 * `data-group` heading hides when none of its rows (`data-in-group`) is left.
 */
const FILTER_SCRIPT = `
(function () {
  var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
  var rows = Array.prototype.slice.call(document.querySelectorAll('[data-row]'));
  var shown = document.getElementById('shown');
  function apply() {
    var count = 0;
    rows.forEach(function (row) {
      var ok = selects.every(function (s) {
        return !s.value || (row.getAttribute('data-' + s.getAttribute('data-filter')) || '').split(' ').indexOf(s.value) >= 0;
      });
      row.hidden = !ok;
      if (ok) count++;
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-group]'), function (g) {
      var name = g.getAttribute('data-group');
      g.hidden = !rows.some(function (r) { return !r.hidden && r.getAttribute('data-in-group') === name; });
    });
    if (shown) shown.textContent = 'Showing ' + count + ' of ' + rows.length;
  }
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  var reset = document.getElementById('reset-filters');
  if (reset) reset.addEventListener('click', function () { selects.forEach(function (s) { s.value = ''; }); apply(); });
  apply();
})();
`;

/**
 * A `<select>` filter with its label; values are shown by `label(value)`.
 * @example filterSelect('status', 'Status', ['failed'], (s) => s)
 */
export function filterSelect(key: string, title: string, values: readonly string[], label: (v: string) => string = (v) => v): string {
  const options = values.map((v) => `<option value="${esc(v)}">${esc(label(v))}</option>`).join('');
  return `<label for="filter-${key}">${esc(title)}<select id="filter-${key}" data-filter="${key}"><option value="">all</option>${options}</select></label>`;
}

/**
 * The whole page. The Content-Security-Policy forbids every request: the page can only show itself.
 * @example page({ title: 'report', body: '<h1>report</h1>' }).startsWith('<!DOCTYPE html>') // true
 */
export function page(options: { title: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${esc(options.title)}</title>
<style>${CSS}</style>
</head>
<body>
${options.body}
<script>${FILTER_SCRIPT}</script>
</body>
</html>
`;
}
