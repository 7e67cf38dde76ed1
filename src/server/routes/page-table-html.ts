import type { TableModel } from "../../viz/figure-table.js";
import { escapeHtml } from "../html-page.js";

/**
 * A wide table in a horizontally scrollable box that a keyboard can reach and scroll (axe
 * scrollable-region-focusable, WCAG 2.1.1): focusable, and named by the table's caption (issue 9, point 7).
 */
export function scrollableTableHtml(captionDa: string, tableHtml: string): string {
  return `<div class="table-scroll" tabindex="0" role="region" aria-label="${escapeHtml(captionDa)}">${tableHtml}</div>`;
}

/** A TableModel as an accessible HTML table: caption, column headers, the first cell a row header. */
export function renderSimpleTableHtml(model: TableModel, id: string): string {
  const head = model.columns.map((c) => `<th scope="col"${c.numeric ? ' class="numeric"' : ""}>${escapeHtml(c.labelDa) || '<span class="sr-only">Række</span>'}</th>`).join("");
  const body = model.rows
    .map((row) => {
      const cells = row.cells.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell.text)}</th>` : `<td${model.columns[i]?.numeric ? ' class="numeric"' : ""}>${escapeHtml(cell.text)}</td>`)).join("");
      return `<tr${row.code === "municipality" ? ' class="own-row"' : ""}>${cells}</tr>`;
    })
    .join("");
  return scrollableTableHtml(model.captionDa, `<table class="table table--compact" id="${escapeHtml(id)}"><caption>${escapeHtml(model.captionDa)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`);
}
