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

type RuleKind = 'jsonPaths' | 'headers';
const RULE_KINDS: readonly RuleKind[] = ['jsonPaths', 'headers'];

/** Each kind of rule: how its adder is labelled and checks input, and what its list item calls it. */
const RULES: Record<RuleKind, Omit<RuleAdderProps, 'onAdd'> & { noun: 'path' | 'header' }> = {
  jsonPaths: {
    label: 'Ignore JSON path',
    addLabel: 'Add ignored path',
    placeholder: 'e.g. data.object.lines.data[*].period',
    validate: validatePathRule,
    noun: 'path',
  },
  headers: {
    label: 'Ignore header',
    addLabel: 'Add ignored header',
    placeholder: 'e.g. X-Request-Id',
    validate: validateHeaderRule,
    noun: 'header',
  },
};

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

/** An ignored path or header in the list, with its remove button (a header says so beside it). */
function RuleItem({
  rule,
  noun,
  onRemove,
}: {
  rule: string;
  noun: 'path' | 'header';
  onRemove(): void;
}): React.JSX.Element {
  return (
    <li>
      <code>{rule}</code>
      {noun === 'header' && (
        <>
          {' '}
          <span className="muted">(header)</span>
        </>
      )}
      <button type="button" aria-label={`Stop ignoring ${noun} ${rule}`} onClick={onRemove}>
        ×
      </button>
    </li>
  );
}

export function NoiseControls({ prefs, onChange }: NoiseControlsProps): React.JSX.Element {
  const removeRule = (kind: RuleKind, rule: string): void =>
    onChange((p) => ({ ...p, [kind]: p[kind].filter((r) => r !== rule) }));
  const addRule = (kind: RuleKind, rule: string): void =>
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
        {RULE_KINDS.map((kind) => (
          <RuleAdder key={kind} {...RULES[kind]} onAdd={(r) => addRule(kind, r)} />
        ))}
        {(prefs.jsonPaths.length > 0 || prefs.headers.length > 0) && (
          <ul className="rule-list" aria-label="Ignored paths and headers">
            {RULE_KINDS.flatMap((kind) =>
              prefs[kind].map((r) => (
                <RuleItem key={`${kind}:${r}`} rule={r} noun={RULES[kind].noun} onRemove={() => removeRule(kind, r)} />
              )),
            )}
          </ul>
        )}
      </div>
    </section>
  );
}
