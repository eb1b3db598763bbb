// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EndpointsMethods {}

export const endpointsMethodNames = {} as const satisfies Record<keyof EndpointsMethods, true>;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EndpointsEvents {}
