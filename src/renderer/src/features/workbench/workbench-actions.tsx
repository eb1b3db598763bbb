/* Top-bar buttons: theme switch, notification mute, shortcuts help and settings. */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app-store';
import { Icon } from '../../components/icon';
import { notificationsSupported, setNotificationsEnabled } from './notifications';
import { effectiveTheme, useOsPrefersDark } from './theme';

function BellIcon({ muted }: { muted: boolean }): React.JSX.Element {
  return (
    <Icon strokeWidth={1.5}>
      <path d="M4 11V7a4 4 0 0 1 8 0v4l1.5 1.5h-11Z" strokeLinejoin="round" />
      <path d="M6.5 14a1.5 1.5 0 0 0 3 0" />
      {muted && <path d="M2 2l12 12" strokeLinecap="round" />}
    </Icon>
  );
}

export function WorkbenchActions(): React.JSX.Element {
  const { ui, update, openDialog, openHealth, activeEndpointId } = useAppStore(
    useShallow((s) => ({
      ui: s.appSettings?.ui,
      update: s.updateAppSettings,
      openDialog: s.openDialog,
      openHealth: s.openHealth,
      activeEndpointId: s.activeEndpointId,
    })),
  );
  const osDark = useOsPrefersDark();
  const shown = effectiveTheme(ui?.theme ?? 'system', osDark);
  const next = shown === 'dark' ? 'light' : 'dark';
  const on = Boolean(ui?.notifications);
  // The browser's permission is not app state: read it again after each click on the bell.
  const [permission, setPermission] = useState(() => (notificationsSupported() ? Notification.permission : 'denied'));
  const blocked = on && permission === 'denied';
  const bellTitle = blocked
    ? 'Notifications: on, but blocked by the browser (allow them in its site settings)'
    : `Notifications: ${on ? 'on' : 'off'}`;
  return (
    <div className="wb-actions" role="group" aria-label="Workbench">
      <button
        type="button"
        aria-label={`Switch to ${next} theme`}
        title={`Switch to ${next} theme`}
        disabled={!ui}
        // Picking the theme the OS already has returns to following the OS.
        onClick={() => void update({ ui: { theme: (next === 'dark') === osDark ? 'system' : next } })}
      >
        {shown === 'dark' ? '☀' : '☾'}
      </button>
      {notificationsSupported() && (
        <button
          type="button"
          aria-pressed={on}
          aria-label="Notifications"
          aria-describedby={blocked ? 'hooklens-notifications-blocked' : undefined}
          title={bellTitle}
          disabled={!ui}
          onClick={() => void setNotificationsEnabled(!on).finally(() => setPermission(Notification.permission))}
        >
          <BellIcon muted={!on || blocked} />
        </button>
      )}
      {blocked && (
        <span id="hooklens-notifications-blocked" role="alert" className="warning-text">
          Blocked by the browser
        </span>
      )}
      <button
        type="button"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => openDialog('shortcuts')}
      >
        ?
      </button>
      <button type="button" onClick={() => void openHealth(activeEndpointId)}>
        Health
      </button>
      <button type="button" onClick={() => openDialog('settings')}>
        Settings
      </button>
    </div>
  );
}
