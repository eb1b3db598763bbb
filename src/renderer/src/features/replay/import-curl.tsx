/*
 * Paste a cURL command; it opens in the editor as a new request (not tied to any capture). A
 * command that names files on this computer (`-d @file`) is only imported once the user has seen
 * which files and allowed them to be read: a command copied from a web page can name any file.
 */
import { useState } from 'react';
import type { ImportedRequest } from '../../../../shared/replay/types';
import { useAppStore } from '../../app-store';

export function ImportCurl({
  onImported,
  onCancel,
}: {
  onImported(result: ImportedRequest): void;
  onCancel(): void;
}): React.JSX.Element {
  const importCurl = useAppStore((s) => s.importCurl);
  const curlFiles = useAppStore((s) => s.curlFiles);
  const [command, setCommand] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** The files the pasted command reads, while the user decides. */
  const [asking, setAsking] = useState<string[] | null>(null);
  const fail = (err: Error): void => setError(err.message);
  const importNow = (readFiles: boolean): void => {
    setAsking(null);
    importCurl(command, { readFiles }).then(onImported, fail);
  };
  return (
    <form
      className="replay-import"
      aria-label="Import cURL command"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        curlFiles(command).then((files) => (files.length > 0 ? setAsking(files) : importNow(false)), fail);
      }}
    >
      <textarea
        className="mono"
        aria-label="cURL command"
        rows={6}
        spellCheck={false}
        placeholder="curl -X POST http://localhost:3000/webhook -H 'Content-Type: application/json' -d '{…}'"
        value={command}
        onChange={(e) => {
          setCommand(e.target.value);
          setAsking(null);
        }}
      />
      {error && (
        <p role="alert" className="replay-error">
          {error}
        </p>
      )}
      {asking ? (
        <div role="alertdialog" aria-label="Read files from this computer?" className="replay-files">
          <p>
            This command reads {asking.length === 1 ? 'a file' : `${asking.length} files`} from this computer into the
            request. Read {asking.length === 1 ? 'it' : 'them'} only if you trust where the command came from:
          </p>
          <ul className="mono">
            {asking.map((path) => (
              <li key={path}>{path}</li>
            ))}
          </ul>
          <div className="replay-actions">
            <button type="button" className="primary" autoFocus onClick={() => importNow(true)}>
              Read {asking.length === 1 ? 'the file' : 'the files'} and import
            </button>
            <button type="button" onClick={() => setAsking(null)}>
              Do not read
            </button>
          </div>
        </div>
      ) : (
        <div className="replay-actions">
          <button type="submit" className="primary" disabled={!command.trim()}>
            Import
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
    </form>
  );
}
