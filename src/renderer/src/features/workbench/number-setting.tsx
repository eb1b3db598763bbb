/*
 * One numeric setting with its own Save: the core validates, and a refused value shows the core's
 * message beside the field.
 */
import { useId, useState, type ReactNode } from 'react';
import { fieldErrorOf } from '../../lib/field-errors';

export interface NumberSettingProps {
  label: string;
  initial: number;
  hint: ReactNode;
  savedText: string;
  save(value: number): Promise<unknown>;
}

export function NumberSetting({ label, initial, hint, savedText, save }: NumberSettingProps): React.JSX.Element {
  const id = useId();
  const [value, setValue] = useState(String(initial));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (): Promise<void> => {
    setError(null);
    setSaved(false);
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n)) return setError('Enter a whole number.');
    try {
      await save(n);
      setSaved(true);
    } catch (err) {
      setError(fieldErrorOf(err).text);
    }
  };

  return (
    <>
      <form
        className="wb-row"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor={`${id}-input`}>{label}</label>
        <input
          id={`${id}-input`}
          className="wb-narrow"
          inputMode="numeric"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-err` : `${id}-hint`}
        />
        <button type="submit" aria-label={`Save ${label.toLowerCase()}`}>
          Save
        </button>
        {error && (
          <span id={`${id}-err`} role="alert" className="wb-field-error">
            {error}
          </span>
        )}
        {saved && <span role="status">{savedText}</span>}
      </form>
      <p id={`${id}-hint`} className="muted wb-hint">
        {hint}
      </p>
    </>
  );
}

export interface NumberField<K extends string> {
  key: K;
  label: string;
  hint: ReactNode;
  /** Said once the core took the value; "Saved." unless the value applies later. */
  savedText?: string;
}

export interface NumberSettingsProps<K extends string> {
  fields: readonly NumberField<K>[];
  values: Record<K, number>;
  save(patch: Partial<Record<K, number>>): Promise<unknown>;
}

/** Numeric fields of one settings object, each saved on its own as a one-field patch. */
export function NumberSettings<K extends string>({ fields, values, save }: NumberSettingsProps<K>): React.JSX.Element {
  return (
    <>
      {fields.map((f) => (
        <NumberSetting
          key={f.key}
          label={f.label}
          initial={values[f.key]}
          savedText={f.savedText ?? 'Saved.'}
          hint={f.hint}
          save={(value) => save({ [f.key]: value } as Partial<Record<K, number>>)}
        />
      ))}
    </>
  );
}
