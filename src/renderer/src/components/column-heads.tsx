import type { ReactNode } from 'react';

/** A table's header row: one column title each, in order; a title may be a node (e.g. a visually hidden name). */
export function ColumnHeads({ titles }: { titles: readonly ReactNode[] }): React.JSX.Element {
  return (
    <thead>
      <tr>
        {titles.map((title, i) => (
          <th scope="col" key={i}>
            {title}
          </th>
        ))}
      </tr>
    </thead>
  );
}
