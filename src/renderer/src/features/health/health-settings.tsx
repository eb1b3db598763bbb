/* The alert thresholds, as a fieldset of the settings dialog. */
import { useAppStore } from '../../app-store';
import { NumberSettings, type NumberField } from '../workbench/number-setting';

const FIELDS: NumberField<'invalidPerMinute' | 'forwardFailuresInRow'>[] = [
  {
    key: 'invalidPerMinute',
    label: 'Invalid signatures per minute',
    hint: 'Alert when more than this many signatures fail on one endpoint within a minute (an invalid one right after valid ones always alerts).',
  },
  {
    key: 'forwardFailuresInRow',
    label: 'Forward failures in a row',
    hint: 'Alert when auto-forward gives up on this many captures in a row.',
  },
];

export function HealthSettingsFields(): React.JSX.Element {
  const settings = useAppStore((s) => s.healthSettings);
  const update = useAppStore((s) => s.updateHealthSettings);
  // Field errors show beside their field; this one is for the checkbox.
  const error = useAppStore((s) => s.healthSettingsError);
  if (!settings) return <p className="muted">Loading…</p>;
  return (
    <fieldset className="wb-fieldset">
      <legend>Health alerts</legend>
      <label className="wb-row">
        <input
          type="checkbox"
          checked={settings.alertsEnabled}
          onChange={(e) => void update({ alertsEnabled: e.target.checked }).catch(() => undefined)}
        />
        Alert me when signatures start failing or auto-forward keeps failing
      </label>
      <NumberSettings fields={FIELDS} values={settings} save={update} />
      {error && <p className="warning-text">{error}</p>}
    </fieldset>
  );
}
