/**
 * A control in a table or grid cell, without a name of its own, is called what its column is
 * called: a person typing into a transaction grid's third cell says "Category", as its header
 * does, not "the 2nd textbox on the page". HTML tables (`<th>`) and ARIA grids (`columnheader`,
 * `aria-colindex`) alike. Runs in pages: plain DOM.
 */

const CELL = 'td, th, [role=cell], [role=gridcell], [role=rowheader], [role=columnheader]';
const TABLE = 'table, [role=table], [role=grid], [role=treegrid]';
const HEADER = 'th, [role=columnheader]';
const ROW = 'tr, [role=row]';

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The cells of a row, in order (nested tables' cells are not its own). */
function cellsOf(row: Element): Element[] {
  return [...row.querySelectorAll(CELL)].filter((cell) => cell.closest(ROW) === row);
}

/** The cell's column, from 1: its aria-colindex, else its place in the row (colspans counted). */
function columnOf(cell: Element): number | undefined {
  const index = Number(cell.getAttribute('aria-colindex'));
  if (index >= 1) return index;
  const row = cell.closest(ROW);
  if (!row) return undefined;
  let column = 1;
  for (const other of cellsOf(row)) {
    if (other === cell) return column;
    column += Math.max(1, Number(other.getAttribute('colspan')) || 1);
  }
  return undefined;
}

/**
 * The header of `column` in the table: by aria-colindex, else by place in its last header row
 * (grouped headers put the group above: "Amount" over "Net" and "Gross").
 */
function headerOf(table: Element, column: number): Element | undefined {
  const headers = [...table.querySelectorAll(HEADER)].filter((h) => h.closest(TABLE) === table);
  const byIndex = headers.find((h) => Number(h.getAttribute('aria-colindex')) === column);
  if (byIndex) return byIndex;
  const row = headers.at(-1)?.closest(ROW);
  if (!row) return undefined;
  return cellsOf(row).find((cell) => cell.matches(HEADER) && columnOf(cell) === column);
}

/** The name of the column `element` sits in, or '' when it is in none or its header says nothing. */
export function columnName(element: Element): string {
  const cell = element.closest(CELL);
  const table = cell?.closest(TABLE);
  if (!cell || !table || cell.matches(HEADER)) return '';
  const column = columnOf(cell);
  const header = column === undefined ? undefined : headerOf(table, column);
  return clean(header?.textContent ?? '').slice(0, 120);
}
