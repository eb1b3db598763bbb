/*
 * Worker entry: re-indents a large JSON body off the UI thread (25 MB takes seconds).
 * In `{ seq, text }`, out `{ seq, pretty }` (null: not JSON).
 */
import { prettyJson } from './pretty-json';

export interface PrettyRequest {
  seq: number;
  text: string;
}
export interface PrettyReply {
  seq: number;
  pretty: string | null;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<PrettyRequest>) => void) | null;
  postMessage(reply: PrettyReply): void;
};

scope.onmessage = (e) => scope.postMessage({ seq: e.data.seq, pretty: prettyJson(e.data.text) });
