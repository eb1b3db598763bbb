/*
 * Settings: appearance, notifications, capture port, data directory and the tunnel (whose form
 * belongs to the tunnel feature and is mounted here as is). The core validates; a refused field
 * shows the core's message beside it.
 */
import { useId, useState } from 'react';
import type { ThemeChoice } from '../../../../shared/settings';
import { useAppStore } from '../../app-store';
import { HealthSettingsFields } from '../health';
import { AccessKeySetting } from '../status/access-key-setting';
import { TunnelSettingsForm } from '../tunnel/tunnel-settings-form';
import { Modal } from './modal';
import { NumberSettings } from './number-setting';
import { setNotificationsEnabled } from './notifications';

const THEMES: [ThemeChoice, string][] = [
  ['system', 'Follow the system'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

export function SettingsDialog({ onClose }: { onClose(): void }): React.JSX.Element {
  const id = useId();
  const view = useAppStore((s) => s.appSettings);
  const status = useAppStore((s) => s.status);
  const tunnelHost = useAppStore((s) => s.tunnel?.host);
  const update = useAppStore((s) => s.updateAppSettings);
  const [showTunnel, setShowTunnel] = useState(false);

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

          <HealthSettingsFields />

          <fieldset className="wb-fieldset">
            <legend>Capture</legend>
            <NumberSettings
              values={view}
              save={update}
              fields={[
                {
                  key: 'capturePort',
                  label: 'Capture port',
                  savedText: 'Saved; used from the next start.',
                  hint: (
                    <>Listening on port {view.currentCapturePort} now. A new port applies when Hooklens next starts.</>
                  ),
                },
                {
                  key: 'maxCaptures',
                  label: 'Keep at most',
                  savedText: 'Saved; applies from the next start.',
                  hint: 'Captures kept on disk; beyond this the oldest are removed. Pinned captures are always kept.',
                },
              ]}
            />
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
            {status?.mode === 'browser' && <AccessKeySetting />}
          </fieldset>

          <fieldset className="wb-fieldset">
            <legend>Tunnel</legend>
            {showTunnel ? (
              <TunnelSettingsForm onClose={() => setShowTunnel(false)} />
            ) : (
              <div className="wb-row">
                <span className="muted">{tunnelHost || 'Public URL server and subdomain.'}</span>
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
