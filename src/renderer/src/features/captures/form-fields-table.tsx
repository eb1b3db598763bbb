import { ColumnHeads } from '../../components/column-heads';
import type { FormField } from '../../lib/form-fields';

/** A form body's fields in order, repeats kept: the name, the value as sent and decoded. */
export function FormFieldsTable({ fields }: { fields: FormField[] }): React.JSX.Element {
  if (fields.length === 0) return <p className="muted">The form has no fields.</p>;
  return (
    <table className="kv-table form-fields" aria-label="Form fields">
      <ColumnHeads titles={['Name', 'Value as sent', 'Decoded']} />
      <tbody>
        {fields.map((f, i) => (
          <tr key={i}>
            <td className="kv-name" title={f.rawName === f.name ? undefined : `As sent: ${f.rawName}`}>
              {f.name}
            </td>
            <td className="kv-value mono">{f.rawValue}</td>
            <td className="kv-value">{f.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
