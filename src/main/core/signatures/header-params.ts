/*
 * Signature headers of the Stripe family pack their parts as `key=value` pairs: Stripe and its
 * followers write `t=…,v1=…`, Paddle `ts=…;h1=…`. Each sender's own library trims whitespace
 * around parts and skips parts without "=", so this does too. Every value is kept in order, since
 * a key can repeat (several v1 while a secret is rolled) and providers differ on which `t` wins.
 */

/** Values of each key of a `k=v<sep>k=v…` header, in the order they appear. */
export function parseHeaderParams(value: string, separator: ',' | ';'): Map<string, string[]> {
  const params = new Map<string, string[]>();
  for (const part of value.split(separator)) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const list = params.get(key) ?? [];
    list.push(part.slice(eq + 1).trim());
    params.set(key, list);
  }
  return params;
}
