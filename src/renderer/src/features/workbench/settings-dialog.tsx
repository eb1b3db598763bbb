/*
 * Settings: appearance, notifications, capture port, data directory and the tunnel (whose form
 * belongs to the tunnel feature and is mounted here as is). The core validates; a refused field
 * shows the core's message beside it.
 */
import { useId, useState } from 'react';
import { fieldError } from '../../../../shared/api/endpoints';
import type { ThemeChoice } from '../../../../shared/settings';
import { useAppStore } from '../../app-store';
import { TunnelSettingsForm } from '../tunnel/tunnel-settings-form';
import { Modal } from './modal';
import { setNotificationsEnabled } from './notifications';

const THEMES: [ThemeChoice, string][] = [
  ['system', 'Follow the system'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

export function SettingsDialog({ onClose }: { onClose(): void }): React.JSX.Element {
  const id = useId();
  const view = useAppStore((s) => s.workbenchSettings);
  const status = useAppStore((s) => s.status);
  const update = useAppStore((s) => s.updateWorkbenchSettings);
  const [port, setPort] = useState(view ? String(view.capturePort) : '');
  const [portError, setPortError] = useState<string | null>(null);
  const [portSaved, setPortSaved] = useState(false);
  const [showTunnel, setShowTunnel] = useState(false);

  const savePort = async (): Promise<void> => {
    setPortError(null);
    setPortSaved(false);
    const n = Number(port);
    if (port.trim() === '' || !Number.isInteger(n)) return setPortError('Enter a whole number from 1 to 65535.');
    try {
      await update({ capturePort: n });
      setPortSaved(true);
    } catch (err) {
      setPortError(fieldError(err instanceof Error ? err.message : String(err)).text);
    }
  };

  return (
    <Modal title="Settings" onClose={onClose} wide>
      {!view ? (
        <p className="muted">Loading…</p>
      ) : (
        <div className="wb-settings">
          <fieldset className="wb-fieldset">
            <legend>Appearance</legend>
            <div role="radiogroup" aria-label="Theme" className="wb-row">
              {THEMES.map(([value, label]) => (
                <label key={value}>
                  <input
                    type="radio"
                    name={`${id}-theme`}
                    checked={view.ui.theme === value}
                    onChange={() => void update({ ui: { theme: value } })}
                  />{' '}
                  {label}
                </label>
              ))}
            </div>
          </fieldset>

          <fieldset className="wb-fieldset">
            <legend>Notifications</legend>
            <label className="wb-row">
              <input
                type="checkbox"
                checked={view.ui.notifications}
                onChange={(e) => void setNotificationsEnabled(e.target.checked)}
              />
              Notify me of new captures while Hooklens is in the background
            </label>
          </fieldset>

          <fieldset className="wb-fieldset">
            <legend>Capture</legend>
            <form
              className="wb-row"
              onSubmit={(e) => {
                e.preventDefault();
                void savePort();
              }}
            >
              <label htmlFor={`${id}-port`}>Capture port</label>
              <input
                id={`${id}-port`}
                className="wb-narrow"
                inputMode="numeric"
                value={port}
                onChange={(e) => setPort(e.target.value)}
                aria-invalid={portError ? true : undefined}
                aria-describedby={portError ? `${id}-port-err` : `${id}-port-hint`}
              />
              <button type="submit">Save</button>
              {portError && (
                <span id={`${id}-port-err`} role="alert" className="wb-field-error">
                  {portError}
                </span>
              )}
              {portSaved && <span role="status">Saved; used from the next start.</span>}
            </form>
            <p id={`${id}-port-hint`} className="muted wb-hint">
              Listening on port {view.currentCapturePort} now. A new port applies when Hooklens next starts.
            </p>
            <div className="wb-grid">
              <span>Data directory</span>
              <output className="url-text" aria-label="Data directory">
                {view.dataDir}
              </output>
              {status?.mode === 'browser' && (
                <>
                  <span>UI port</span>
                  <output className="mono">{window.location.port || '(default)'}</output>
                </>
              )}
            </div>
          </fieldset>

          <fieldset className="wb-fieldset">
            <legend>Tunnel</legend>
            {showTunnel ? (
              <TunnelSettingsForm onClose={() => setShowTunnel(false)} />
            ) : (
              <div className="wb-row">
                <span className="muted">{status?.tunnel.host || 'Public URL server and subdomain.'}</span>
                <button type="button" onClick={() => setShowTunnel(true)}>
                  Edit tunnel settings…
                </button>
              </div>
            )}
          </fieldset>
        </div>
      )}
    </Modal>
  );
}
