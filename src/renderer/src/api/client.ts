/*
 * The one API adapter the renderer uses. IPC when the preload bridge exists (Electron), the HTTP
 * bridge otherwise (browser mode). Nothing else in the renderer knows which one it got.
 */
import type { HooklensClient } from '../../../shared/api';
import type { HooklensBridge } from '../../../shared/api/transport';
import { createHttpClient, takeToken, type ConnectionState } from './http-adapter';
import { createIpcClient } from './ipc-adapter';

declare global {
  interface Window {
    hooklens?: HooklensBridge;
  }
}

export type { ConnectionState };

type ConnectionListener = (state: ConnectionState) => void;
const connectionListeners = new Set<ConnectionListener>();

/** Browser mode only: the event stream's state (the desktop app is always connected). */
export function onConnectionChange(listener: ConnectionListener): () => void {
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
}

export const api: HooklensClient = window.hooklens
  ? createIpcClient(window.hooklens)
  : createHttpClient(takeToken(), (state) => connectionListeners.forEach((l) => l(state)));
