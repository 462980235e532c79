/** Pieces both HTML pages use: the status badge and the count table. */
import type { CountRow } from '../counts.js';
import { statusInfo } from '../statuses.js';
import { esc } from './page.js';

/**
 * A status as a coloured badge (the word is always there: colour is never the only signal).
 * @example badge('failed') // '<span class="badge" ...>failed</span>'
 */
export const badge = (status: string): string => {
  const s = statusInfo(status);
  return `<span class="badge" style="background:${s.background};color:${s.text}" title="${esc(s.meaning)}">${esc(s.label)}</span>`;
};

/**
 * A count table: one row per key, one column per status, a total column.
 * @example countTable('By suite', 'suite', rows, ['passed', 'failed'])
 */
export function countTable(caption: string, keyTitle: string, rows: readonly CountRow[], columns: readonly string[], id: string): string {
  const head = `<tr><th scope="col">${esc(keyTitle)}</th>${columns.map((c) => `<th scope="col">${esc(statusInfo(c).label)}</th>`).join('')}<th scope="col">total</th></tr>`;
  const body = rows
    .map(
      (r) =>
        `<tr><th scope="row">${esc(r.key)}</th>${columns.map((c) => `<td class="${r.counts[c] ? '' : 'zero'}" data-status="${esc(c)}">${r.counts[c] ?? 0}</td>`).join('')}<td>${r.total}</td></tr>`,
    )
    .join('\n');
  return `<table id="${id}"><caption>${esc(caption)}</caption><thead>${head}</thead><tbody>${body}</tbody></table>`;
}
