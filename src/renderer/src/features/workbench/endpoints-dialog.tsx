/*
 * The endpoints manager: create one by name, pick one to edit. Changes come back through the
 * 'endpoints:changed' event, so every open view (this one, the picker) stays in step.
 */
import { useId, useState } from 'react';
import { DEFAULT_ENDPOINT_ID } from '../../../../shared/capture';
import { useAppFields } from '../../app-store';
import { fieldErrorOf } from '../../lib/field-errors';
import { EndpointEditor } from './endpoint-editor';
import { Modal } from './modal';

export function EndpointsDialog({ onClose }: { onClose(): void }): React.JSX.Element {
  const id = useId();
  const { endpoints, activeEndpointId, setActiveEndpoint, createEndpoint } = useAppFields(
    'endpoints',
    'activeEndpointId',
    'setActiveEndpoint',
    'createEndpoint',
  );
  const [editing, setEditing] = useState<string>(activeEndpointId ?? endpoints[1]?.id ?? DEFAULT_ENDPOINT_ID);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const current = endpoints.find((e) => e.id === editing) ?? endpoints[0];

  const create = async (): Promise<void> => {
    setError(null);
    try {
      const created = await createEndpoint({ name });
      setEditing(created.id);
      setActiveEndpoint(created.id);
      setName('');
    } catch (err) {
      setError(fieldErrorOf(err).text);
    }
  };

  return (
    <Modal title="Endpoints" onClose={onClose} wide>
      <form
        className="wb-row"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label htmlFor={`${id}-new`}>New endpoint</label>
        <input
          id={`${id}-new`}
          placeholder="e.g. stripe-dev"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-new-err` : undefined}
        />
        <button type="submit" className="primary" disabled={!name.trim()}>
          Create
        </button>
        {error && (
          <span id={`${id}-new-err`} role="alert" className="wb-field-error">
            {error}
          </span>
        )}
      </form>
      <div className="wb-endpoints">
        <ul className="wb-endpoint-list" aria-label="Endpoints">
          {endpoints.map((e) => (
            <li key={e.id}>
              <button
                type="button"
                aria-current={e.id === current?.id ? 'true' : undefined}
                onClick={() => setEditing(e.id)}
              >
                <span>{e.name}</span>
                <span className="muted mono">{e.slug ? `/e/${e.slug}/` : '/*'}</span>
                {(e.response || e.failNext > 0) && (
                  <span className="muted">
                    {e.failNext > 0 ? `fails next ${e.failNext}` : `answers ${e.response!.status}`}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
        {current && (
          <EndpointEditor
            key={current.id}
            endpoint={current}
            onDeleted={() => {
              setEditing(DEFAULT_ENDPOINT_ID);
            }}
          />
        )}
      </div>
    </Modal>
  );
}
