/*
 * The Signature tab of a capture: which provider the headers point to (or the user's pick), the
 * signing secret for this endpoint and provider (sent to the core once, shown masked afterwards),
 * and the verdict with its reason. Checks run in the core on the captured bytes.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CheckSignatureOptions, GenericHmacConfig, SecretStatus } from '../../../../shared/api/signatures';
import type { CaptureRecord } from '../../../../shared/capture';
import { useAppStore } from '../../app-store';
import { NamedOptions } from '../../components/named-options';
import { DEFAULT_GENERIC, GenericConfigForm } from './generic-config-form';
import { VerdictView } from './verdict-view';
import './signatures.css';

const AUTO = '';
const NO_SECRETS: SecretStatus[] = [];

export function SignaturePanel({ capture }: { capture: CaptureRecord }): React.JSX.Element {
  return <SignaturePanelFor key={capture.id} capture={capture} />;
}

function SignaturePanelFor({ capture }: { capture: CaptureRecord }): React.JSX.Element {
  const providers = useAppStore((s) => s.providers);
  const stored = useAppStore((s) => s.secrets[capture.endpointId] ?? NO_SECRETS);
  const check = useAppStore((s) => s.signatureChecks[capture.id] ?? null);
  const checkSignature = useAppStore((s) => s.checkSignature);
  const setSignatureSecret = useAppStore((s) => s.setSignatureSecret);
  const loadSecretStatus = useAppStore((s) => s.loadSecretStatus);
  const [choice, setChoice] = useState<string>(AUTO);
  const [secretDraft, setSecretDraft] = useState('');
  const [urlDraft, setUrlDraft] = useState('');
  const [generic, setGeneric] = useState<GenericHmacConfig>(DEFAULT_GENERIC);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const providerId = choice || check?.detected[0] || '';
  const provider = providers.find((p) => p.id === providerId);
  const storedSecret = stored.find((s) => s.providerId === providerId);

  const options = useCallback(
    (secret?: string): CheckSignatureOptions => ({
      ...(choice ? { providerId: choice } : {}),
      ...(choice === 'generic' ? { generic } : {}),
      ...(urlDraft.trim() ? { url: urlDraft.trim() } : {}),
      ...(secret ? { secret } : {}),
    }),
    [choice, generic, urlDraft],
  );

  const runCheck = useCallback(
    async (secret?: string): Promise<void> => {
      setBusy(true);
      setError(null);
      try {
        const result = await checkSignature(capture.id, options(secret));
        if (!urlDraft && result.url) setUrlDraft(result.url);
      } catch (err) {
        setError((err as Error).message);
      } finally {
        setBusy(false);
      }
    },
    [capture.id, checkSignature, options, urlDraft],
  );

  useEffect(() => {
    loadSecretStatus(capture.endpointId).catch((err: Error) => setError(err.message));
  }, [capture.endpointId, loadSecretStatus]);

  // Re-check when the provider choice changes (the first run detects the provider); edits to the
  // URL or the generic scheme wait for an explicit check instead of firing on every keystroke.
  const runCheckRef = useRef(runCheck);
  useLayoutEffect(() => {
    runCheckRef.current = runCheck;
  });
  useEffect(() => {
    void runCheckRef.current();
  }, [choice]);

  const save = async (): Promise<void> => {
    if (!providerId) {
      setError('Pick a provider first.');
      return;
    }
    if (!secretDraft) return;
    setBusy(true);
    setError(null);
    try {
      await setSignatureSecret(capture.endpointId, providerId, secretDraft);
      setSecretDraft('');
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
      return;
    }
    await runCheck();
  };

  const forget = async (): Promise<void> => {
    if (!providerId) return;
    try {
      await setSignatureSecret(capture.endpointId, providerId, '');
      await runCheck();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const detected = check?.detected ?? [];
  const nameOf = (id: string): string => providers.find((p) => p.id === id)?.name ?? id;

  return (
    <div className="sig-panel" aria-label="Signature check" role="region">
      <p className="sig-detected" aria-label="Detected provider">
        {detected.length > 0
          ? `Detected: ${detected.map(nameOf).join(', ')}`
          : check
            ? 'No known signature header on this request: pick a provider or describe the scheme.'
            : 'Looking for signature headers…'}
      </p>

      <form
        className="sig-form"
        aria-label="Signature settings"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="sig-field">
          <span>Provider</span>
          <select value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value={AUTO}>{detected.length ? `Auto-detect (${nameOf(detected[0])})` : 'Auto-detect'}</option>
            <NamedOptions items={providers} />
          </select>
        </label>

        {choice === 'generic' && <GenericConfigForm value={generic} onChange={setGeneric} />}

        {provider?.needsUrl && (
          <label className="sig-field">
            <span>Signed URL</span>
            <input type="url" spellCheck={false} value={urlDraft} onChange={(e) => setUrlDraft(e.target.value)} />
          </label>
        )}

        <label className="sig-field">
          <span>Signing secret</span>
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={secretDraft}
            placeholder={storedSecret ? `Stored: ${storedSecret.masked}` : 'Paste the signing secret'}
            onChange={(e) => setSecretDraft(e.target.value)}
          />
        </label>
        {provider && <p className="muted sig-help">{provider.secretHint}</p>}
        {storedSecret && (
          <p className="sig-stored" aria-label="Stored secret">
            Stored for this endpoint: <code>{storedSecret.masked}</code>
            {storedSecret.encrypted ? ' (encrypted by the system keychain)' : ' (kept in a private file)'}
          </p>
        )}

        <div className="sig-actions">
          <button type="submit" className="primary" disabled={busy || !secretDraft || !providerId}>
            Save secret &amp; check
          </button>
          <button
            type="button"
            disabled={busy || !secretDraft || !providerId}
            onClick={() => void runCheck(secretDraft)}
          >
            Check without saving
          </button>
          <button type="button" disabled={busy} onClick={() => void runCheck()}>
            Re-check
          </button>
          {storedSecret && (
            <button type="button" className="danger" disabled={busy} onClick={() => void forget()}>
              Forget secret
            </button>
          )}
        </div>
      </form>

      {error && (
        <p role="alert" className="sig-error">
          {error}
        </p>
      )}
      {check?.missing === 'secret' && !check.result && (
        <p className="muted">Paste the {nameOf(check.providerId ?? '')} signing secret to check this request.</p>
      )}
      {check?.result && <VerdictView result={check.result} />}
      {check?.result && check.url && provider?.needsUrl && (
        <p className="muted sig-help">Checked against {check.url}</p>
      )}
    </div>
  );
}
