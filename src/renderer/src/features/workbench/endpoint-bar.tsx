/*
 * The endpoint picker above the list: which endpoint's captures to show, its URL to copy, and the
 * way into the endpoints manager and "Send test event".
 */
import type { Endpoint } from '../../../../shared/api/endpoints';
import { useAppFields, useAppStore } from '../../app-store';
import { CopyButton } from '../../components/copy-button';
import { SendTestEventButton } from '../test-events';

export function endpointUrl(base: string | undefined, endpoint: Pick<Endpoint, 'slug'>): string {
  if (!base) return '';
  const root = base.endsWith('/') ? base : `${base}/`;
  return endpoint.slug ? `${root}e/${endpoint.slug}/` : root;
}

export function EndpointBar(): React.JSX.Element {
  const { endpoints, activeEndpointId, setActiveEndpoint, openDialog } = useAppFields(
    'endpoints',
    'activeEndpointId',
    'setActiveEndpoint',
    'openDialog',
  );
  const captureUrl = useAppStore((s) => s.status?.captureUrl);
  const active = endpoints.find((e) => e.id === activeEndpointId);
  return (
    <div className="wb-endpoint-bar">
      <select
        aria-label="Endpoint"
        value={activeEndpointId ?? ''}
        onChange={(e) => setActiveEndpoint(e.target.value || null)}
      >
        <option value="">All endpoints</option>
        {endpoints.map((e) => (
          <option key={e.id} value={e.id}>
            {e.name}
            {e.slug ? ` (/e/${e.slug}/)` : ' (any other path)'}
          </option>
        ))}
      </select>
      {active && captureUrl && <CopyButton text={endpointUrl(captureUrl, active)} label="Copy endpoint URL" />}
      <button type="button" onClick={() => openDialog('endpoints')}>
        Endpoints…
      </button>
      <SendTestEventButton compact />
    </div>
  );
}
