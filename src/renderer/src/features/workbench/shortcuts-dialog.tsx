import { Modal } from './modal';

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

export const SHORTCUTS: [keys: string, action: string][] = [
  ['↑ / ↓', 'Previous / next request in the list'],
  ['Enter', 'Open the focused request'],
  ['Delete', 'Delete the open request (undo for a few seconds)'],
  [`${MOD}+Z`, 'Undo the last delete'],
  ['↓ / Enter in the search box', 'Move into the results'],
  ['P', 'Pin / unpin the open request (pinned ones outlive the retention cap)'],
  ['T', 'Send a test event (signed, from the catalog)'],
  [`${MOD}+K`, 'Search captures'],
  [`${MOD}+Enter`, 'Send (in the replay editor and other forms)'],
  ['?', 'Show this list'],
  ['Esc', 'Close a dialog'],
];

export function ShortcutsDialog({ onClose }: { onClose(): void }): React.JSX.Element {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <table className="kv-table" aria-label="Keyboard shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, action]) => (
            <tr key={keys}>
              <td className="kv-name">
                <kbd>{keys}</kbd>
              </td>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
