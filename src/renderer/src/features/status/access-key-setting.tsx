/*
 * Browser mode's access key in Settings: rotating it keeps this tab working, refuses every other
 * tab and script that holds the old address, and shows the new address to copy.
 */
import { useState } from 'react';
import { useAppStore } from '../../app-store';
import { CopyButton } from '../../components/copy-button';

export function AccessKeySetting(): React.JSX.Element {
  const rotate = useAppStore((s) => s.rotateUiToken);
  const rotatedUiUrl = useAppStore((s) => s.rotatedUiUrl);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onRotate = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await rotate();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="wb-grid">
      <span>Access key</span>
      <div className="wb-row">
        <span className="muted">
          Kept in the data directory, so open tabs keep working after a restart. Rotate it if the address was shared.
        </span>
        <button type="button" disabled={busy} onClick={() => void onRotate()}>
          Rotate access key
        </button>
      </div>
      {rotatedUiUrl && (
        <>
          <span>New address</span>
          <div className="wb-row">
            <output className="url-text" aria-label="New UI address">
              {rotatedUiUrl}
            </output>
            <CopyButton text={rotatedUiUrl} label="Copy new UI address" />
          </div>
        </>
      )}
      {error && (
        <p role="alert" className="tunnel-form-error">
          {error}
        </p>
      )}
    </div>
  );
}
