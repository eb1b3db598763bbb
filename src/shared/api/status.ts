import type { TunnelStatus } from './tunnel';

/** Something the user must be told about the data file (set aside, partly recovered…). */
export interface StoreNotice {
  kind: 'set-aside' | 'recovered' | 'write-failed' | 'secrets';
  message: string;
  /** Where the old file went, when it was moved. */
  movedTo?: string;
}

export interface AppStatus {
  mode: 'electron' | 'browser' | 'headless';
  version: string;
  /** Local capture URL, e.g. http://127.0.0.1:8787/ */
  captureUrl: string;
  capturePort: number;
  /** Set when the configured capture port was taken and another one was used. */
  capturePortFallback: { requested: number } | null;
  dataDir: string;
  storeNotices: StoreNotice[];
  tunnel: TunnelStatus;
}

export interface StatusMethods {
  getStatus(): Promise<AppStatus>;
  dismissStoreNotice(index: number): Promise<void>;
  /**
   * Browser mode: replaces the access key (saved in the data directory) and answers the new UI
   * address; tabs holding the old key are refused from then on. The desktop app has no key and
   * rejects with `invalid_argument`.
   */
  rotateUiToken(): Promise<{ uiUrl: string }>;
}

export const statusMethodNames = {
  getStatus: true,
  dismissStoreNotice: true,
  rotateUiToken: true,
} as const satisfies Record<keyof StatusMethods, true>;

export interface StatusEvents {
  'status:changed': AppStatus;
}
