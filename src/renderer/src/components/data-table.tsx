import type { ReactNode } from 'react';

export interface DataTableProps {
  /** The table's accessible name. */
  label: string;
  className: string;
  /** Column headings, in order; an empty string leaves a heading cell blank (a column of row headings). */
  columns: readonly string[];
  /** The body rows. */
  children: ReactNode;
}

/** A labelled table with one row of column headings: the frame every table of rows here shares. */
export function DataTable({ label, className, columns, children }: DataTableProps): React.JSX.Element {
  return (
    <table className={className} aria-label={label}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
