/*
 * Tunnel server and subdomain. The core validates (and may refuse with a message); the form shows
 * what it says rather than second-guessing it here. The fields are drafts over the tunnel slice's
 * settings until saved.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useAppStore } from '../../app-store';
import { useDismiss } from '../../lib/use-dismiss';

const FLAG: Record<'host' | 'subdomain' | 'enabled', string> = {
  host: '--tunnel-host',
  subdomain: '--subdomain',
  enabled: '--no-tunnel',
};

export function TunnelSettingsForm({ onClose }: { onClose(): void }): React.JSX.Element {
  const id = useId();
  const view = useAppStore((s) => s.tunnelSettings);
  const loadSettings = useAppStore((s) => s.loadTunnelSettings);
  const updateSettings = useAppStore((s) => s.updateTunnelSettings);
  const [hostDraft, setHost] = useState<string | null>(null);
  const [subdomainDraft, setSubdomain] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // The button that opened the form controls the element around it.
  useDismiss(formRef, onClose, () => {
    const hostId = formRef.current?.parentElement?.id;
    return hostId ? document.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(hostId)}"]`) : null;
  });
  const host = hostDraft ?? view?.settings.host ?? '';
  const subdomain = subdomainDraft ?? view?.settings.subdomain ?? '';

  // Read when the form opens: command-line overrides and other windows may have changed them.
  useEffect(() => {
    loadSettings().catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, [loadSettings]);

  const overridden = (key: 'host' | 'subdomain'): boolean => view?.overridden.includes(key) ?? false;

  const save = async (): Promise<void> => {
    if (!view) return;
    const patch: { host?: string; subdomain?: string } = {};
    if (host !== view.settings.host) patch.host = host;
    if (subdomain !== view.settings.subdomain) patch.subdomain = subdomain;
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await updateSettings(patch);
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      ref={formRef}
      className="tunnel-settings"
      aria-label="Tunnel settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={`${id}-host`}>Tunnel server</label>
      <input
        id={`${id}-host`}
        type="url"
        value={host}
        disabled={!view}
        spellCheck={false}
        onChange={(e) => setHost(e.target.value)}
        placeholder="https://localtunnel.me"
      />
      {overridden('host') && <span className="muted tunnel-flag">set by {FLAG.host} for this run</span>}
      <label htmlFor={`${id}-sub`}>Subdomain</label>
      <input
        id={`${id}-sub`}
        value={subdomain}
        disabled={!view}
        spellCheck={false}
        onChange={(e) => setSubdomain(e.target.value)}
        placeholder="random"
      />
      {overridden('subdomain') && <span className="muted tunnel-flag">set by {FLAG.subdomain} for this run</span>}
      {error && (
        <p role="alert" className="tunnel-form-error">
          {error}
        </p>
      )}
      <div className="tunnel-form-actions">
        <button type="submit" className="primary" disabled={!view || saving}>
          Save
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
