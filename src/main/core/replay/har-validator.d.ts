// har-validator ships no types; only its promise API is used (in tests).
declare module 'har-validator' {
  export function har(data: unknown): Promise<unknown>;
}
