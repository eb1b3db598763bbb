import type { ReplaySettings } from '../settings';
import type {
  ForwardAttempt,
  HarImportResult,
  ImportedRequest,
  ReplayDraft,
  ReplayHistoryEntry,
  ReplayHistorySummary,
  ReplaySendInput,
} from '../replay/types';

/**
 * What to copy as cURL: a capture (sent to the replay target) or one history entry as it was sent.
 * Secrets the request carries are masked as references to the secret store unless `includeSecrets`.
 */
export type CurlSource = ({ captureId: string; targetBase?: string } | { replayId: string }) & {
  includeSecrets?: boolean;
};

export interface CurlImportOptions {
  /** The user was shown `curlFiles(command)` and allowed them to be read. */
  readFiles?: boolean;
}

export interface HarExportOptions {
  /** Omitted: every capture. */
  captureIds?: string[];
  /** Adds each capture's replays (request as sent + response) as further entries. */
  includeReplays?: boolean;
  /** Writes stored secrets (e.g. GitLab's token) into the export instead of references to them. */
  includeSecrets?: boolean;
}

export interface ReplayMethods {
  /** The editor's starting point: target URL, headers and body of the capture, signing info. */
  getReplayDraft(captureId: string): Promise<ReplayDraft>;
  /** One click: the capture unchanged to the configured target; `sendId` lets `cancelReplay` stop it. */
  replayCapture(captureId: string, sendId?: string): Promise<ReplayHistoryEntry>;
  /** Sends an edited (or imported) request. Connection errors are outcomes, not rejections. */
  sendReplay(input: ReplaySendInput): Promise<ReplayHistoryEntry>;
  /**
   * Stops a send still waiting for its answer (given its `sendId`); the send then resolves with a
   * `cancelled` outcome, recorded like any other. False when no such send is in flight.
   */
  cancelReplay(sendId: string): Promise<boolean>;
  /** Newest first; pass null for imported requests that belong to no capture. */
  listReplays(captureId: string | null): Promise<ReplayHistorySummary[]>;
  getReplay(replayId: string): Promise<ReplayHistoryEntry>;
  getReplaySettings(): Promise<ReplaySettings>;
  updateReplaySettings(patch: Partial<ReplaySettings>): Promise<ReplaySettings>;
  exportCurl(source: CurlSource): Promise<string>;
  /** A HAR 1.2 document as JSON text. */
  exportHar(options: HarExportOptions): Promise<string>;
  /**
   * The files on this computer a pasted command would read (`-d @file`, `-H @file`, `-F f=@file`),
   * in the order it names them: what the user is asked about before `importCurl` reads them.
   */
  curlFiles(command: string): Promise<string[]>;
  /** Refuses a command that names files unless `readFiles` says the user allowed reading them. */
  importCurl(command: string, options?: CurlImportOptions): Promise<ImportedRequest>;
  importHar(text: string): Promise<HarImportResult>;
  /** Recent auto-forward attempts, newest first. */
  listForwardAttempts(): Promise<ForwardAttempt[]>;
}

export const replayMethodNames = {
  getReplayDraft: true,
  replayCapture: true,
  sendReplay: true,
  cancelReplay: true,
  listReplays: true,
  getReplay: true,
  getReplaySettings: true,
  updateReplaySettings: true,
  exportCurl: true,
  exportHar: true,
  curlFiles: true,
  importCurl: true,
  importHar: true,
  listForwardAttempts: true,
} as const satisfies Record<keyof ReplayMethods, true>;

export interface ReplayEvents {
  /** A replay, edit, forward or import was sent and recorded. */
  'replay:sent': ReplayHistorySummary;
  'replay:forward-attempt': ForwardAttempt;
  'replay:settings-changed': ReplaySettings;
}
