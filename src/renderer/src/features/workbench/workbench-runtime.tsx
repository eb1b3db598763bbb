/*
 * Mounted once: applies the theme, listens for shortcuts and notifications, and renders whichever
 * workbench dialog is open.
 */
import { useAppStore } from '../../app-store';
import { EndpointsDialog } from './endpoints-dialog';
import { useKeyboardShortcuts } from './keyboard';
import { useCaptureNotifications } from './notifications';
import { SettingsDialog } from './settings-dialog';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useApplyTheme } from './theme';
import { TestEventDialog } from '../test-events';
import { assertNever } from '../../../../shared/errors';

export function WorkbenchRuntime(): React.JSX.Element | null {
  useApplyTheme(useAppStore((s) => s.appSettings?.ui.theme));
  useKeyboardShortcuts();
  useCaptureNotifications();
  const dialog = useAppStore((s) => s.dialog);
  const close = useAppStore((s) => s.closeDialog);
  if (!dialog) return null;
  switch (dialog) {
    case 'settings':
      return <SettingsDialog onClose={close} />;
    case 'endpoints':
      return <EndpointsDialog onClose={close} />;
    case 'shortcuts':
      return <ShortcutsDialog onClose={close} />;
    case 'test-event':
      return <TestEventDialog onClose={close} />;
    default:
      return assertNever(dialog, 'dialog');
  }
}
