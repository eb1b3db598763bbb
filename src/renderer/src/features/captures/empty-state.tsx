import { useAppStore } from '../../app-store';
import { CopyButton } from '../../components/copy-button';
import { SendTestEventButton } from '../test-events';
import { ImportButtons } from './list-toolbar';

export function EmptyState(): React.JSX.Element {
  const captureUrl = useAppStore((s) => s.status?.captureUrl);
  const tunnel = useAppStore((s) => s.tunnel);
  const base = tunnel?.state === 'online' && tunnel.url ? tunnel.url.replace(/\/?$/, '/') : captureUrl;
  const curl = `curl -X POST ${base ?? 'http://127.0.0.1:8787/'}stripe/hook -H 'Content-Type: application/json' -d '{"hello":"world"}'`;
  return (
    <div className="empty-state">
      <h2>Waiting for the first webhook</h2>
      <p>Point a provider at the URL above, or send one yourself:</p>
      <div className="command">
        <code>{curl}</code>
        <CopyButton text={curl} label="Copy example curl command" />
      </div>
      <p>No provider account? Send a realistic signed event from the catalog (Stripe, GitHub, Shopify, Slack…):</p>
      <SendTestEventButton className="primary" />
      <p>Or bring requests from elsewhere, to inspect and send them again:</p>
      <ImportButtons />
    </div>
  );
}
