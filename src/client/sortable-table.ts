/**
 * Sorts a server-rendered table by a column when its header button is pressed, using the raw values the
 * server put in data-sort (numbers as numbers, empty = missing, always last). The national row stays first.
 */
export function enableSortableTables(root: ParentNode = document): void {
  for (const table of root.querySelectorAll<HTMLTableElement>("table[data-sortable]")) {
    const headers = [...table.tHead!.rows[0]!.cells];
    headers.forEach((th, index) => {
      th.querySelector("button")?.addEventListener("click", () => {
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        for (const other of headers) other.removeAttribute("aria-sort");
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        sortBody(table.tBodies[0]!, index, ascending, th.classList.contains("numeric"));
      });
    });
  }
}

function sortBody(body: HTMLTableSectionElement, index: number, ascending: boolean, numeric: boolean): void {
  const rows = [...body.rows];
  const fixed = rows.filter((r) => r.hasAttribute("data-fixed-row"));
  const sortable = rows.filter((r) => !r.hasAttribute("data-fixed-row"));
  const key = (row: HTMLTableRowElement) => row.cells[index]?.getAttribute("data-sort") ?? "";
  sortable.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === "" || kb === "") return ka === kb ? 0 : ka === "" ? 1 : -1;
    const order = numeric ? Number(ka) - Number(kb) : ka.localeCompare(kb, "da");
    return ascending ? order : -order;
  });
  body.replaceChildren(...fixed, ...sortable);
}
