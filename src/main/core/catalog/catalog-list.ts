/* Every catalog provider, in the order `hooklens events` lists them. Adding one: an import and an entry. */
import { clerkCatalog } from './providers/clerk';
import { githubCatalog } from './providers/github';
import { hubspotCatalog } from './providers/hubspot';
import { linearCatalog } from './providers/linear';
import { paddleCatalog } from './providers/paddle';
import { resendCatalog } from './providers/resend';
import { shopifyCatalog } from './providers/shopify';
import { slackCatalog } from './providers/slack';
import { squareCatalog } from './providers/square';
import { stripeCatalog } from './providers/stripe';
import { twilioCatalog } from './providers/twilio';
import { twitchCatalog } from './providers/twitch';
import { zoomCatalog } from './providers/zoom';
import type { CatalogProviderSpec } from './types';

export const CATALOG: readonly CatalogProviderSpec[] = [
  stripeCatalog,
  githubCatalog,
  shopifyCatalog,
  slackCatalog,
  clerkCatalog,
  resendCatalog,
  twilioCatalog,
  squareCatalog,
  paddleCatalog,
  linearCatalog,
  zoomCatalog,
  twitchCatalog,
  hubspotCatalog,
];
