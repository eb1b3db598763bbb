/*
 * Square's package exports only its whole client (13 s to load); its WebhooksHelper module is the
 * code under comparison, so tests load it by file.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface WebhooksHelper {
  verifySignature(args: {
    requestBody: string;
    signatureHeader: string;
    signatureKey: string;
    notificationUrl: string;
  }): Promise<boolean>;
}

const require = createRequire(import.meta.url);

export const SquareWebhooks = (
  require(join(dirname(require.resolve('square')), 'wrapper', 'WebhooksHelper.js')) as {
    WebhooksHelper: WebhooksHelper;
  }
).WebhooksHelper;
