/*
 * The Provider fields a scheme module copies from its scheme as they are: names, the secret hint
 * and, for timestamped schemes, the documented tolerance.
 */
import type { Provider } from '../types';

type Identity = Pick<Provider, 'id' | 'name' | 'secretHint' | 'toleranceSec'>;

export function schemeIdentity(
  scheme: Identity,
  signatureHeaders: string[],
): Identity & Pick<Provider, 'signatureHeaders'> {
  const { id, name, secretHint, toleranceSec } = scheme;
  return { id, name, signatureHeaders, secretHint, ...(toleranceSec === undefined ? {} : { toleranceSec }) };
}
