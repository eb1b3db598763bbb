import { useId, useState } from 'react';
import {
  NOISE_PRESET_IDS,
  NOISE_PRESETS,
  validateHeaderRule,
  validatePathRule,
  type NoisePrefs,
} from '../../../../shared/diff';

export interface NoiseControlsProps {
  prefs: NoisePrefs;
  onChange(update: (prev: NoisePrefs) => NoisePrefs): void;
}

interface RuleAdderProps {
  label: string;
  /** Names the submit button, e.g. "Add ignored path": two bare "Add" buttons are indistinguishable. */
  addLabel: string;
  placeholder: string;
  validate(s: string): string | null;
  onAdd(s: string): void;
}

function RuleAdder({ label, addLabel, placeholder, validate, onAdd }: RuleAdderProps): React.JSX.Element {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const inputId = useId();
  return (
    <form
      className="rule-adder"
      onSubmit={(e) => {
        e.preventDefault();
        const problem = validate(value);
        setError(problem);
        if (problem) return;
        onAdd(value.trim());
        setValue('');
      }}
    >
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        placeholder={placeholder}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit">{addLabel}</button>
      {error && (
        <span id={errorId} role="alert" className="rule-error">
          {error}
        </span>
      )}
    </form>
  );
}

export function NoiseControls({ prefs, onChange }: NoiseControlsProps): React.JSX.Element {
  const removeRule = (kind: 'jsonPaths' | 'headers', rule: string): void =>
    onChange((p) => ({ ...p, [kind]: p[kind].filter((r) => r !== rule) }));
  const addRule = (kind: 'jsonPaths' | 'headers', rule: string): void =>
    onChange((p) => (p[kind].includes(rule) ? p : { ...p, [kind]: [...p[kind], rule] }));
  return (
    <section className="noise-controls" aria-label="Noise filters">
      <div className="noise-presets">
        {NOISE_PRESET_IDS.map((id) => (
          <label key={id} title={[...NOISE_PRESETS[id].jsonPaths, ...NOISE_PRESETS[id].headers].join(', ')}>
            <input
              type="checkbox"
              checked={prefs.presets[id]}
              onChange={(e) => {
                const on = e.target.checked;
                onChange((p) => ({ ...p, presets: { ...p.presets, [id]: on } }));
              }}
            />{' '}
            {NOISE_PRESETS[id].label}
          </label>
        ))}
      </div>
      <div className="noise-rules">
        <RuleAdder
          label="Ignore JSON path"
          addLabel="Add ignored path"
          placeholder="e.g. data.object.lines.data[*].period"
          validate={validatePathRule}
          onAdd={(r) => addRule('jsonPaths', r)}
        />
        <RuleAdder
          label="Ignore header"
          addLabel="Add ignored header"
          placeholder="e.g. X-Request-Id"
          validate={validateHeaderRule}
          onAdd={(r) => addRule('headers', r)}
        />
        {(prefs.jsonPaths.length > 0 || prefs.headers.length > 0) && (
          <ul className="rule-list" aria-label="Ignored paths and headers">
            {prefs.jsonPaths.map((r) => (
              <li key={`p:${r}`}>
                <code>{r}</code>
                <button type="button" aria-label={`Stop ignoring path ${r}`} onClick={() => removeRule('jsonPaths', r)}>
                  ×
                </button>
              </li>
            ))}
            {prefs.headers.map((r) => (
              <li key={`h:${r}`}>
                <code>{r}</code> <span className="muted">(header)</span>
                <button type="button" aria-label={`Stop ignoring header ${r}`} onClick={() => removeRule('headers', r)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
