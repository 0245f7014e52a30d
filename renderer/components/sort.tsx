import { useMemo, useState, type ReactElement } from 'react';
import { Button } from 'react-aria-components';

/** A list's sort: the column (its heading, the same as in the Excel export) and direction. */
export type Sort = { column: string; descending: boolean } | null;
type Value = string | number | null | undefined;

const collator = new Intl.Collator('sv', { numeric: true, sensitivity: 'base' });

/** Same order as the export (electron/exports/lists.ts sortRows): Swedish collation, empty cells last. */
export function compareValues(x: Value, y: Value, descending: boolean): number {
  const empty = (v: Value) => v === null || v === undefined || v === '';
  if (empty(x)) return empty(y) ? 0 : 1;
  if (empty(y)) return -1;
  const d = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
  return descending ? -d : d;
}

/** The rows in the chosen order; `values` gives each sortable column's value for a row. */
export function useSorted<T>(
  rows: T[],
  values: Record<string, (row: T) => Value>,
): { sorted: T[]; sort: Sort; header: (label: string) => ReactElement } {
  const [sort, setSort] = useState<Sort>(null);
  // `values` is a fresh object each render; the order depends only on the rows and the sort.
  const sorted = useMemo(() => {
    const get = sort ? values[sort.column] : undefined;
    if (!sort || !get) return rows;
    return [...rows].sort((a, b) => compareValues(get(a), get(b), sort.descending));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above: listing `values` would re-sort on every render.
  }, [rows, sort]);
  const header = (label: string) => {
    if (!values[label])
      return (
        <th scope="col" key={label}>
          {label}
        </th>
      );
    const active = sort?.column === label;
    const next = () =>
      setSort(
        active && !sort!.descending
          ? { column: label, descending: true }
          : active
            ? null
            : { column: label, descending: false },
      );
    return (
      <th scope="col" key={label} aria-sort={active ? (sort!.descending ? 'descending' : 'ascending') : 'none'}>
        <Button className="sort-button" onPress={next}>
          {label}
          <span aria-hidden="true" className="sort-mark">
            {active ? (sort!.descending ? ' ▼' : ' ▲') : ' ↕'}
          </span>
        </Button>
      </th>
    );
  };
  return { sorted, sort, header };
}
