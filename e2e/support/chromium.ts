/*
 * The Chromium the e2e suite and the UI bench drive: Debian's (Playwright's own browser download is
 * not possible here), with the flags that keep it from reaching the network or updating itself.
 */
export const CHROMIUM = process.env.HOOKLENS_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  '--disable-quic',
];
