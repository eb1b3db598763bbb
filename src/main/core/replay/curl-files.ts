/*
 * The files a pasted cURL command names (`-d @body.json`, `-H @headers.txt`, `-F f=@photo.png`).
 * Only absolute paths are read: a relative one depends on the directory the command was meant to
 * run in, which Hooklens cannot know. Each read is reported as a warning on the import.
 *
 * A command pasted from a web page can name any file the user can read (`-d @~/.ssh/id_rsa`) and
 * then be sent anywhere, so nothing is read until the user has seen the list (`namedFiles`) and
 * allowed it: `refuseCurlFile` stands in for the reader until then.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { HooklensError } from '../../../shared/errors';
import { parseCurl, type CurlFileReader } from '../../../shared/replay/curl-import';

const MAX_FILE_BYTES = 10 * 1024 * 1024;

function fail(message: string): never {
  throw new HooklensError('import_failed', `Could not import the cURL command: ${message}`);
}

/** The paths a command names, in order, without reading any of them. */
export function namedFiles(command: string): string[] {
  const paths: string[] = [];
  parseCurl(command, (path) => {
    if (!paths.includes(path)) paths.push(path);
    return new Uint8Array(0);
  });
  return paths;
}

export const refuseCurlFile: CurlFileReader = (path) =>
  fail(
    `it reads the file ${path.slice(0, 200)} from this computer. Hooklens reads the files a pasted command names only once you allow it.`,
  );

export const readCurlFile: CurlFileReader = (path) => {
  if (!isAbsolute(path)) {
    fail(
      `it reads the file "${path.slice(0, 80)}" by a relative path; give its absolute path (the directory the command ran in is unknown).`,
    );
  }
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) fail(`${path} is not a regular file.`);
    size = st.size;
  } catch (err) {
    if (err instanceof HooklensError) throw err;
    fail(`it reads ${path}, which cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)}).`);
  }
  if (size > MAX_FILE_BYTES) fail(`${path} is larger than 10 MB.`);
  return new Uint8Array(readFileSync(path));
};
