/*
 * The one API adapter the renderer uses. IPC when the preload bridge exists (Electron), the HTTP
 * bridge otherwise (browser mode). Nothing else in the renderer knows which one it got.
 */
import type { HooklensClient } from '../../../shared/api';
import type { HooklensBridge } from '../../../shared/api/transport';
import { createHttpClient, takeToken } from './http-adapter';
import { createIpcClient } from './ipc-adapter';

declare global {
  interface Window {
    hooklens?: HooklensBridge;
  }
}

type ConnectionListener = (connected: boolean) => void;
const connectionListeners = new Set<ConnectionListener>();

export function onConnectionChange(listener: ConnectionListener): () => void {
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
}

export const api: HooklensClient = window.hooklens
  ? createIpcClient(window.hooklens)
  : createHttpClient(takeToken(), (connected) => connectionListeners.forEach((l) => l(connected)));
