import { useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

/**
 * A table whose body renders only the rows in view (plus a few), so 10 000 rows scroll smoothly.
 * Spacer rows keep the scroll height; the header stays a real <thead> for screen readers.
 */
export function VirtualTable<T>(props: {
  label: string;
  rows: T[];
  header: ReactNode;
  row: (item: T) => ReactNode;
  rowKey: (item: T) => string | number;
  rowHeight?: number;
  height?: string;
}) {
  const parent = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler, so useVirtualizer's unmemoizable functions are fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const v = useVirtualizer({
    count: props.rows.length,
    getScrollElement: () => parent.current,
    estimateSize: () => props.rowHeight ?? 38,
    overscan: 12,
  });
  const items = v.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = v.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div
      ref={parent}
      className="virtual-scroll"
      style={{ height: props.height ?? '60vh' }}
      data-testid="virtual-scroll"
    >
      <table className="table fixed" aria-label={props.label} aria-rowcount={props.rows.length + 1}>
        <thead>{props.header}</thead>
        <tbody>
          {top > 0 && <tr aria-hidden="true" style={{ height: top }} />}
          {items.map((it) => {
            const item = props.rows[it.index];
            // The virtualizer counts props.rows, so an index past the end only happens mid-update.
            if (item === undefined) return null;
            return (
              <tr key={props.rowKey(item)} aria-rowindex={it.index + 2} style={{ height: props.rowHeight ?? 38 }}>
                {props.row(item)}
              </tr>
            );
          })}
          {bottom > 0 && <tr aria-hidden="true" style={{ height: bottom }} />}
        </tbody>
      </table>
    </div>
  );
}
