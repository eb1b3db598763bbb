import { useEffect } from 'react';
import { connectStore, useAppStore } from './app-store';
import { CaptureDetail } from './features/captures/capture-detail';
import { CaptureList } from './features/captures/capture-list';
import { CompareView } from './features/diff/compare-view';
import { EmptyState } from './features/captures/empty-state';
import { HealthFilters, HealthToasts, HealthView } from './features/health';
import { ListToolbar } from './features/captures/list-toolbar';
import { UndoToast } from './features/captures/undo-toast';
import { AccessDenied } from './features/status/access-denied';
import { StoreNotices } from './features/status/store-notices';
import { TopBar } from './features/status/top-bar';
import { ImportView, replayTab, ReplaySidebarTools } from './features/replay';
import { signatureTab } from './features/signatures';
import { checkTab } from './features/check';
import { PublicUrlBar } from './features/tunnel/public-url-bar';
import {
  EndpointBar,
  PaneResizer,
  SearchBar,
  searchMatchesTab,
  WorkbenchActions,
  WorkbenchRuntime,
} from './features/workbench';

const FEATURE_TABS = [signatureTab, replayTab, checkTab, searchMatchesTab];

export function App(): React.JSX.Element {
  useEffect(() => connectStore(), []);
  const denied = useAppStore((s) => s.connection === 'denied');
  return denied ? <AccessDenied /> : <Workspace />;
}

function Workspace(): React.JSX.Element {
  const captureTotal = useAppStore((s) => s.captureTotal);
  const loaded = useAppStore((s) => s.capturesLoaded);
  const selectedId = useAppStore((s) => s.selectedId);
  const view = useAppStore((s) => s.view);
  const closeView = useAppStore((s) => s.closeView);

  return (
    <div className="app" data-ready={loaded ? 'true' : 'false'}>
      <TopBar
        publicUrlSlot={
          <>
            <PublicUrlBar />
            <WorkbenchActions />
          </>
        }
      />
      <StoreNotices />
      <main className="workspace">
        <nav className="sidebar" aria-label="Captures">
          <EndpointBar />
          <SearchBar />
          <HealthFilters />
          <ListToolbar />
          <ReplaySidebarTools />
          <CaptureList />
        </nav>
        <PaneResizer />
        <div className="main-pane">
          {view.kind === 'compare' ? (
            <CompareView key={`${view.leftId} ${view.rightId}`} onClose={closeView} />
          ) : view.kind === 'health' ? (
            <HealthView onClose={closeView} />
          ) : view.kind === 'import' ? (
            <ImportView source={view.source} onClose={closeView} />
          ) : selectedId ? (
            <CaptureDetail featureTabs={FEATURE_TABS} />
          ) : captureTotal === 0 && loaded ? (
            <EmptyState />
          ) : (
            <p className="muted placeholder">Select a request to inspect it.</p>
          )}
        </div>
      </main>
      <UndoToast />
      <WorkbenchRuntime />
      <HealthToasts />
    </div>
  );
}
