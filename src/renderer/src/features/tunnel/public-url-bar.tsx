/*
 * The public URL in the top bar: state badge (with the last end-to-end check), the URL with its copy
 * button, on/off, "Test public URL", "Reconnect now", warnings (another subdomain than asked for, a
 * URL that changed since last time, with the new one to copy) and the settings form.
 * State and actions are the tunnel slice's, kept current by `tunnel:changed`.
 */
import { useId, useState, useSyncExternalStore } from 'react';
import { useAppFields } from '../../app-store';
import { CopyButton } from '../../components/copy-button';
import { GearIcon } from '../../components/gear-icon';
import { ProbeIcon, ReconnectIcon } from '../../components/tunnel-action-icons';
import './public-url-bar.css';
import { TunnelSettingsForm } from './tunnel-settings-form';
import { retryHint, tunnelBadgeLabel } from './tunnel-labels';

// The clock in whole seconds: the same value for every read within a second, as
// useSyncExternalStore needs, and a tick each second while something counts down.
const nowSecond = (): number => Math.floor(Date.now() / 1000) * 1000;
const everySecond = (tick: () => void): (() => void) => {
  const t = setInterval(tick, 1000);
  return () => clearInterval(t);
};
const never = (): (() => void) => () => undefined;

function useNow(active: boolean): number {
  return useSyncExternalStore(active ? everySecond : never, nowSecond);
}

export function PublicUrlBar(): React.JSX.Element | null {
  const { tunnel, setTunnelEnabled, reconnectTunnel, dismissTunnelUrlChange, testTunnel } = useAppFields(
    'tunnel',
    'setTunnelEnabled',
    'reconnectTunnel',
    'dismissTunnelUrlChange',
    'testTunnel',
  );
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formId = useId();
  // Ticks for the retry countdown and for "checked 12 s ago".
  const now = useNow(Boolean(tunnel?.nextRetryAt) || Boolean(tunnel?.check));

  if (!tunnel) return null;

  const run = async (action: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setActionError(null);
    try {
      await action();
    } catch (err) {
      setActionError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const enabled = tunnel.state !== 'off';
  const label = tunnelBadgeLabel(tunnel, now);
  const unreachable = tunnel.state === 'online' && tunnel.check?.ok === false;
  const hint = retryHint(tunnel, now);
  const showReason = tunnel.reason && tunnel.state !== 'online' && tunnel.state !== 'off';

  return (
    <div className="public-url" role="group" aria-label="Public URL">
      <div className="public-url-row">
        <span className="url-label">Public</span>
        <span
          role="status"
          aria-label="Tunnel state"
          className={`tunnel-badge tunnel-${unreachable ? 'unreachable' : tunnel.state}`}
        >
          {label}
        </span>
        {tunnel.url ? (
          <>
            <output
              className={`url-text ${tunnel.state === 'online' ? '' : 'url-stale'}`}
              aria-label="Public URL"
              title="Webhook providers reach this URL directly. Browsers may see the tunnel's reminder page first; send a Bypass-Tunnel-Reminder header to skip it."
            >
              {tunnel.url}
            </output>
            <CopyButton text={tunnel.url} label="Copy public URL" caption="icon" />
          </>
        ) : null}
        <button
          type="button"
          role="switch"
          aria-checked={enabled}
          aria-label="Public URL tunnel"
          className={`tunnel-switch ${enabled ? 'on' : ''}`}
          disabled={busy}
          onClick={() => void run(() => setTunnelEnabled(!enabled))}
        >
          {enabled ? 'Tunnel on' : 'Tunnel off'}
        </button>
        {tunnel.state === 'online' && (
          <button
            type="button"
            className="icon-button"
            aria-label="Test public URL"
            title="Test public URL: send a probe through the tunnel now"
            disabled={busy}
            onClick={() => void run(testTunnel)}
          >
            <ProbeIcon />
          </button>
        )}
        {enabled && (
          <button
            type="button"
            className="icon-button"
            aria-label="Reconnect now"
            title="Reconnect now"
            disabled={busy}
            onClick={() => void run(reconnectTunnel)}
          >
            <ReconnectIcon />
          </button>
        )}
        <button
          type="button"
          aria-expanded={settingsOpen}
          aria-controls={formId}
          aria-label="Tunnel settings"
          title="Tunnel settings"
          className="tunnel-settings-toggle"
          onClick={() => setSettingsOpen((o) => !o)}
        >
          <GearIcon />
        </button>
      </div>
      {showReason && (
        <p className="tunnel-reason" aria-label="Tunnel problem">
          {tunnel.reason}
          {hint ? ` (${hint})` : ''}
        </p>
      )}
      {tunnel.subdomainMismatch && (
        <p role="alert" className="tunnel-warning">
          Asked for subdomain “{tunnel.subdomainMismatch.requested}” but the server gave “
          {tunnel.subdomainMismatch.received}” (probably in use). Use the URL shown, or pick another subdomain.
        </p>
      )}
      {tunnel.urlChanged && (
        <p role="alert" aria-label="Public URL changed" className="tunnel-warning">
          The public URL changed (was <code>{tunnel.urlChanged.previous}</code>): update your webhook settings.
          {tunnel.url && (
            <>
              {' '}
              New URL: <code>{tunnel.url}</code> <CopyButton text={tunnel.url} label="Copy new public URL" />
            </>
          )}{' '}
          <button type="button" onClick={() => void run(dismissTunnelUrlChange)}>
            Dismiss
          </button>
        </p>
      )}
      {actionError && (
        <p role="alert" className="tunnel-warning">
          {actionError}
        </p>
      )}
      {settingsOpen && (
        <div id={formId}>
          <TunnelSettingsForm onClose={() => setSettingsOpen(false)} />
        </div>
      )}
    </div>
  );
}
