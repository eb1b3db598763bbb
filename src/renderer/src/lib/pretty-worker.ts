/*
 * Worker entry: works out a large body's pretty view off the UI thread (re-indenting 25 MB of JSON
 * takes seconds). In `{ body, contentType }`, out the `PrettyChoice`.
 */
import { prettyBody, type PrettyChoice } from './body-pretty';
import type { CapturedBody } from '../../../shared/capture';

export interface PrettyRequest {
  body: CapturedBody;
  contentType: string | undefined;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<PrettyRequest>) => void) | null;
  postMessage(reply: PrettyChoice): void;
};

scope.onmessage = (e) => scope.postMessage(prettyBody(e.data.body, e.data.contentType));
