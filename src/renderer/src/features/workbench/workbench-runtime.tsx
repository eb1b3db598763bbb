/*
 * Mounted once: connects the workbench state, applies the theme, listens for shortcuts and
 * notifications, and renders whichever workbench dialog is open.
 */
import { useEffect } from 'react';
import { useAppStore } from '../../app-store';
import { connectWorkbench } from '../../store/workbench-slice';
import { EndpointsDialog } from './endpoints-dialog';
import { useKeyboardShortcuts } from './keyboard';
import { useCaptureNotifications } from './notifications';
import { SettingsDialog } from './settings-dialog';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useApplyTheme } from './theme';
import { assertNever } from '../../../../shared/errors';

export function WorkbenchRuntime(): React.JSX.Element | null {
  useEffect(() => connectWorkbench(useAppStore), []);
  useApplyTheme(useAppStore((s) => s.workbenchSettings?.ui.theme));
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
    default:
      return assertNever(dialog, 'dialog');
  }
}
