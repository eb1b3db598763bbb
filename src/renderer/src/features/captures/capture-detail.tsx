/*
 * The Postman-like detail pane: method + full URL bar, then Overview / Headers / Query / Body tabs
 * and the feature tabs (Signature, Replay). Everything captured is rendered as text.
 */
import { useState, type ReactNode } from 'react';
import type { CaptureRecord } from '../../../../shared/capture';
import { headerValue } from '../../../../shared/capture';
import { useAppStore } from '../../app-store';
import { deleteOpenCapture } from '../workbench/keyboard';
import { CopyButton } from '../../components/copy-button';
import { Tabs, type TabDef } from '../../components/tabs';
import { BodyView } from './body-view';
import { HeadersTable } from './headers-table';
import { MethodBadge } from './method-badge';
import { OverviewPanel } from './overview-panel';
import { PinToggle } from './pin-toggle';
import { QueryTable } from './query-table';

type DetailTab = 'overview' | 'headers' | 'query' | 'body' | (string & {});

/** Lets a feature tab send the user to another tab (the check opens a probe in Replay). */
export interface DetailNavigation {
  showTab(key: string): void;
}

/** Tabs contributed by features (signatures, replay): each renders for the open capture. */
export interface FeatureTab {
  key: string;
  label: string;
  render(capture: CaptureRecord, nav: DetailNavigation): ReactNode;
}

export function fullUrl(capture: CaptureRecord, captureUrl: string | undefined): string {
  const host = headerValue(capture.headers, 'host');
  if (host && capture.via === 'local') return `http://${host}${capture.url}`;
  if (captureUrl) return new URL(capture.url, captureUrl).toString();
  return capture.url;
}

export function CaptureDetail({ featureTabs = [] }: { featureTabs?: FeatureTab[] }): React.JSX.Element | null {
  const detail = useAppStore((s) => s.detail);
  const captureUrl = useAppStore((s) => s.status?.captureUrl);
  const [tab, setTab] = useState<DetailTab>('body');

  if (!detail) return null;
  if (detail.error) return <p role="alert">Could not open this capture: {detail.error}</p>;
  const capture = detail.record;
  if (!capture) return <p className="muted">Loading…</p>;

  const url = fullUrl(capture, captureUrl);
  const tabs: TabDef<DetailTab>[] = [
    { key: 'overview', label: 'Overview', render: () => <OverviewPanel capture={capture} url={url} /> },
    {
      key: 'headers',
      label: `Headers (${capture.headers.length})`,
      render: () => <HeadersTable headers={capture.headers} />,
    },
    { key: 'query', label: 'Query', render: () => <QueryTable url={capture.url} /> },
    {
      key: 'body',
      label: 'Body',
      render: () => (
        <BodyView
          key={capture.id}
          body={capture.body}
          contentType={headerValue(capture.headers, 'content-type')}
          captureId={capture.id}
        />
      ),
    },
    ...featureTabs.map((f) => ({ key: f.key, label: f.label, render: () => f.render(capture, { showTab: setTab }) })),
  ];

  return (
    <section className="capture-detail" aria-label="Capture detail">
      <div className="url-bar">
        <MethodBadge method={capture.method} />
        <output className="url-text" aria-label="Request URL" title={url}>
          {url}
        </output>
        <CopyButton text={url} label="Copy request URL" />
        <PinToggle capture={capture} label="Pin this capture" showText />
        <button type="button" className="danger" onClick={() => deleteOpenCapture(capture.id)}>
          Delete
        </button>
      </div>
      {capture.damaged && (
        <div role="status" aria-label="Capture damaged" className="capture-damaged">
          <strong>Not all of this capture could be read back: {capture.damaged.message}.</strong>
          {capture.damaged.readable !== undefined && (
            <details>
              <summary>What could be read</summary>
              <pre>{capture.damaged.readable}</pre>
            </details>
          )}
        </div>
      )}
      <Tabs label="Capture sections" tabs={tabs} active={tab} onChange={setTab} />
    </section>
  );
}
