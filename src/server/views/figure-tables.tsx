import type { JSX } from "preact";
import type { TableModel } from "../../viz/figure-table.js";
import { ScrollableTable } from "./scrollable-table.js";

/** Column classes: numbers right-aligned; the municipality code only in the downloads (the name links to the profile). */
function columnClass(column: TableModel["columns"][number]): string | undefined {
  return (
    [column.numeric ? "numeric" : "", column.key === "kode" ? "col-code" : ""].filter(Boolean).join(" ") || undefined
  );
}

/**
 * The map page's table of all municipalities: sortable by any column in the browser (data-sort holds the
 * value to sort by, empty for a missing one), the national row fixed at the top, the highlighted row marked.
 */
export function SortableFigureTable({
  model,
  selectedCode,
}: {
  readonly model: TableModel;
  readonly selectedCode: string | null;
}): JSX.Element {
  return (
    <ScrollableTable captionDa={model.captionDa}>
      <table class="table table--compact figure-table" data-sortable="">
        <caption>{model.captionDa}</caption>
        <thead>
          <tr>
            {model.columns.map((c, i) => (
              <th scope="col" data-sort-index={String(i)} class={columnClass(c)}>
                <button type="button" class="sort-button">
                  {c.labelDa}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.rows.map((row) => {
            const cells = row.cells.map((cell, i) => {
              const sort = cell.value === null ? "" : String(cell.value);
              const className = columnClass(model.columns[i]!);
              if (i > 0) {
                return (
                  <td data-sort={sort} class={className}>
                    {cell.text}
                  </td>
                );
              }
              return (
                <th scope="row" data-sort={sort} class={className}>
                  {row.code ? <a href={`/kommuner/${row.code}`}>{cell.text}</a> : cell.text}
                </th>
              );
            });
            if (!row.code) {
              return (
                <tr class="national-row" data-fixed-row="">
                  {cells}
                </tr>
              );
            }
            return row.code === selectedCode ? (
              <tr data-municipality={row.code} class="selected-row" aria-current="true">
                {cells}
              </tr>
            ) : (
              <tr data-municipality={row.code}>{cells}</tr>
            );
          })}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/** A TableModel as an accessible HTML table: caption, column headers, the first cell a row header. */
export function SimpleFigureTable({ model, id }: { readonly model: TableModel; readonly id: string }): JSX.Element {
  return (
    <ScrollableTable captionDa={model.captionDa}>
      <table class="table table--compact" id={id}>
        <caption>{model.captionDa}</caption>
        <thead>
          <tr>
            {model.columns.map((c) => (
              <th scope="col" class={c.numeric ? "numeric" : undefined}>
                {c.labelDa || <span class="sr-only">Række</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.rows.map((row) => (
            <tr class={row.code === "municipality" ? "own-row" : undefined}>
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  <th scope="row">{cell.text}</th>
                ) : (
                  <td class={model.columns[i]?.numeric ? "numeric" : undefined}>{cell.text}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
