/*
 * HooklensApi: the one contract between the renderer and the core. Each feature owns a section
 * (methods + events) in this folder; this file only composes them. The IPC channel names, the
 * preload bridge and the browser-mode HTTP routes all derive from `API_METHOD_NAMES`, so a method
 * added to a section is carried everywhere, and a handler missing in the core fails to compile.
 *
 * Every method takes JSON-serialisable arguments and resolves to a JSON-serialisable value.
 * Failures reject with a `HooklensError` whose `code` comes from `../errors`.
 */
import { appSettingsMethodNames, type AppSettingsEvents, type AppSettingsMethods } from './app-settings';
import { checkMethodNames, type CheckEvents, type CheckMethods } from './check';
import { capturesMethodNames, type CapturesEvents, type CapturesMethods } from './captures';
import { endpointsMethodNames, type EndpointsEvents, type EndpointsMethods } from './endpoints';
import { healthMethodNames, type HealthEvents, type HealthMethods } from './health';
import { replayMethodNames, type ReplayEvents, type ReplayMethods } from './replay';
import { searchMethodNames, type SearchMethods } from './search';
import { signaturesMethodNames, type SignaturesEvents, type SignaturesMethods } from './signatures';
import { statusMethodNames, type StatusEvents, type StatusMethods } from './status';
import { testEventsMethodNames, type TestEventsMethods } from './test-events';
import { tunnelMethodNames, type TunnelEvents, type TunnelMethods } from './tunnel';

export interface HooklensApi
  extends
    CapturesMethods,
    StatusMethods,
    TunnelMethods,
    SignaturesMethods,
    ReplayMethods,
    EndpointsMethods,
    SearchMethods,
    AppSettingsMethods,
    HealthMethods,
    TestEventsMethods,
    CheckMethods {}

export interface HooklensEvents
  extends
    CapturesEvents,
    StatusEvents,
    TunnelEvents,
    SignaturesEvents,
    ReplayEvents,
    EndpointsEvents,
    AppSettingsEvents,
    CheckEvents,
    HealthEvents {}

export type ApiMethodName = keyof HooklensApi;
export type ApiEventName = keyof HooklensEvents;

export const API_METHOD_NAMES = Object.keys({
  ...capturesMethodNames,
  ...statusMethodNames,
  ...tunnelMethodNames,
  ...signaturesMethodNames,
  ...replayMethodNames,
  ...endpointsMethodNames,
  ...searchMethodNames,
  ...appSettingsMethodNames,
  ...healthMethodNames,
  ...testEventsMethodNames,
  ...checkMethodNames,
} satisfies Record<ApiMethodName, true>) as ApiMethodName[];

export function isApiMethodName(name: string): name is ApiMethodName {
  return (API_METHOD_NAMES as string[]).includes(name);
}

export type Unsubscribe = () => void;

/** What the renderer holds: the methods plus a typed event subscription. */
export interface HooklensClient extends HooklensApi {
  on<E extends ApiEventName>(event: E, listener: (payload: HooklensEvents[E]) => void): Unsubscribe;
}

/** IPC channel for a method; events travel on one channel as `[name, payload]`. */
export const ipcChannel = (method: ApiMethodName): string => `hooklens:${method}`;
export const IPC_EVENT_CHANNEL = 'hooklens:event';

export type { CaptureRecord, CaptureSummary, HeaderPair } from '../capture';
export type { AppStatus, StoreNotice } from './status';
export type { TunnelState, TunnelStatus } from './tunnel';
