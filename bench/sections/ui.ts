/*
 * The UI with many captures stored, in Chromium against the built app in browser mode
 * (`npx electron-vite build` first), with 100,000 captures (20,000 with --quick: the names keep
 * `_100k`, and `ui_stored` says how many were stored).
 * - ui_first_paint_ms_100k: navigation → the newest row visible (median of a few loads).
 * - ui_search_ms_100k: the search box filled (the last keystroke) → the list shows the one match;
 *   the box waits 60 ms after typing before it asks, so that is included.
 * - ui_scroll_frame_p95_ms_100k: frame times (requestAnimationFrame) while the list is scrolled
 *   by mouse wheel through a few thousand rows, pages fetched on the way; p95 and max.
 * - renderer_heap_mb_100k: the page's used JS heap after those steps (after a GC), via CDP.
 * - core_rss_mb_100k: the serve process's resident memory then (and its peak so far).
 * - body_25mb_open_ms: three 25 MB JSON captures received; click on one → its body text visible
 *   (median of the three, each opened for the first time); body_25mb_pretty_ms: → pretty JSON.
 * - diff_25mb_ms: two of them ticked, click Compare → the change that tells them apart listed (quoting
 *   both texts) and both texts side by side, or, above the side-by-side limit, the note saying so.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Locator, Page } from '@playwright/test';
import { openSettingsStore } from '../../src/main/core/settings/settings-store';
import { seedDataDir } from '../../src/main/core/store/test-support/seed-data-dir';
import { QUICK, type BenchFigures, type BenchSection } from '../section';
import { browserModeMissing, launchChromium, processMemoryMb, serveApp } from '../support/browser-mode';
import { tempDataDir } from '../support/prefill';
import { median } from '../support/median';

const STORED = QUICK ? 20_000 : 100_000;
const NEEDLE = Math.floor(STORED * 0.37);
const LOADS = QUICK ? 2 : 5;
const SEARCHES = QUICK ? 3 : 7;
const BIG = 25 * 1024 * 1024;
const BIG_NAMES = ['big-a', 'big-b', 'big-c'];

const round = (x: number, digits = 0): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Minified JSON of exactly `size` bytes, one long line; `mark` changes one item in the middle. */
function jsonOfSize(size: number, mark: string): string {
  const head = `{"action":"opened","delivery":"${mark}","items":[`;
  const item = '{"id":1234567,"name":"hooklens"},';
  const count = Math.floor((size - head.length - 40) / item.length);
  const items = item.repeat(count).slice(0, -1);
  const middle = Math.floor(count / 2) * item.length;
  const body = `${head}${items.slice(0, middle)}{"id":7654321,"name":"${mark.padEnd(8, '_')}"}${items.slice(middle + item.length - 1)}],"pad":"`;
  return body + 'x'.repeat(size - body.length - 2) + '"}';
}

/*
 * Times are taken on the page's clock: the start when the page sees the event (a capture-phase
 * listener), the end at the first animation frame whose DOM shows the result (checked every frame),
 * so neither the polling of Playwright's waits (up to 500 ms apart) nor its round trips count.
 * (Strings: the bench is type-checked without the DOM library.)
 */
const WATCH_SCRIPT = `(() => {
  window.benchWatch = {};
  window.benchEvent = {};
  for (const type of ['input', 'click']) document.addEventListener(type, () => { window.benchEvent[type] = performance.now(); }, true);
  window.benchWatchFor = (name, predicate) => {
    window.benchWatch[name] = new Promise((resolve) => {
      const check = () => {
        let ok = false;
        try { ok = predicate(); } catch {}
        if (ok) resolve(performance.now());
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  };
})()`;

/** Starts watching, frame by frame, for `predicate` (a page-side function expression). */
async function watchFor(page: Page, name: string, predicate: string): Promise<void> {
  await page.evaluate(`window.benchWatchFor(${JSON.stringify(name)}, ${predicate})`);
}

/** Page-clock ms from the last `event` the page saw to the frame where the watched result showed. */
async function watchedSince(page: Page, name: string, event: 'input' | 'click'): Promise<number> {
  return page.evaluate<number>(
    `window.benchWatch[${JSON.stringify(name)}].then((t) => t - window.benchEvent.${event})`,
  );
}

const hasLabel = (label: string): string =>
  `document.querySelector(${JSON.stringify(`[aria-label="${label}"]`)}) !== null`;

function captureList(page: Page): Locator {
  return page.getByRole('list', { name: 'Captured requests' });
}

async function firstPaint(page: Page, uiUrl: string): Promise<number> {
  const times: number[] = [];
  // From the document's start: the clock starts at navigation, and the first frame with the row ends it.
  await page.addInitScript(
    `${WATCH_SCRIPT}; window.benchWatchFor('paint', () => ${hasLabel(`Select POST /bulk/${STORED - 1}`)})`,
  );
  for (let i = 0; i < LOADS; i += 1) {
    await page.goto(uiUrl, { waitUntil: 'commit' });
    await page.getByRole('checkbox', { name: `Select POST /bulk/${STORED - 1}` }).waitFor({ timeout: 120_000 });
    times.push(await page.evaluate<number>('window.benchWatch.paint'));
  }
  return median(times);
}

async function search(page: Page): Promise<{ ms: number }> {
  const box = page.getByRole('searchbox', { name: 'Search captures' });
  const needleRow = page.getByRole('checkbox', { name: `Select POST /bulk/${NEEDLE}` });
  // As the list's status line writes counts ("1 of 20,000 shown").
  const narrowed = page.getByText(`of ${STORED.toLocaleString('en-US')} shown`);
  const times: number[] = [];
  const shownOne = `1 of ${STORED.toLocaleString('en-US')} shown`;
  for (let i = 0; i < SEARCHES; i += 1) {
    // The needle is only in a body, far down the list: only the core's search index can bring its row up.
    await watchFor(
      page,
      'search',
      `() => ${hasLabel(`Select POST /bulk/${NEEDLE}`)} && document.querySelector('[role="search"]').textContent.includes(${JSON.stringify(shownOne)})`,
    );
    await box.fill('needle');
    await page.getByText(shownOne).waitFor();
    await needleRow.waitFor();
    times.push(await watchedSince(page, 'search', 'input'));
    await box.fill('');
    await narrowed.waitFor({ state: 'hidden' });
    await page.getByRole('checkbox', { name: `Select POST /bulk/${STORED - 1}` }).waitFor();
  }
  return { ms: median(times) };
}

async function scrollFrames(page: Page): Promise<{ p95: number; max: number; frames: number }> {
  const list = captureList(page);
  await list.hover();
  // (A string: the bench is type-checked without the DOM library.)
  await page.evaluate(`(() => {
    window.benchFrames = [];
    window.benchStop = false;
    let last = performance.now();
    const tick = (now) => {
      window.benchFrames.push(now - last);
      last = now;
      if (!window.benchStop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  // A fling down through about 6,000 rows, then back up part of the way.
  for (let i = 0; i < 120; i += 1) await page.mouse.wheel(0, 2000);
  for (let i = 0; i < 40; i += 1) await page.mouse.wheel(0, -2000);
  const frames = await page.evaluate<number[]>('(window.benchStop = true, window.benchFrames.slice(1))');
  frames.sort((a, b) => a - b);
  return { p95: frames[Math.floor(frames.length * 0.95)], max: frames[frames.length - 1], frames: frames.length };
}

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

async function postBig(captureUrl: string, name: string): Promise<void> {
  const res = await fetch(new URL(`/github/${name}`, captureUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: jsonOfSize(BIG, name),
  });
  if (res.status !== 200) throw new Error(`25 MB capture refused: ${res.status}`);
  await res.arrayBuffer();
}

/** With HOOKLENS_BENCH_PROFILE=<dir>, the renderer's CPU profile of `step` is written there. */
async function profiled<T>(cdp: CDPSession, label: string, step: () => Promise<T>): Promise<T> {
  const dir = process.env.HOOKLENS_BENCH_PROFILE;
  if (!dir) return step();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  try {
    return await step();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    await writeFile(path.join(dir, `ui-${label}.cpuprofile`), JSON.stringify(profile));
  }
}

async function openBig(page: Page, name: string): Promise<{ visible: number; pretty: number }> {
  const row = page.getByRole('button', { name: `POST /github/${name},` });
  // The delivery mark tells this body from the one open before.
  const text = page.getByLabel(/^Body, (raw|pretty JSON)$/).filter({ hasText: new RegExp(`"delivery": ?"${name}"`) });
  const shows = (label: string, mark: string): string =>
    `[...document.querySelectorAll(${JSON.stringify(`[aria-label="${label}"]`)})].some((e) => e.textContent.includes(${JSON.stringify(mark)}))`;
  await watchFor(
    page,
    'body',
    `() => ${shows('Body, raw', `"delivery":"${name}"`)} || ${shows('Body, pretty JSON', `"delivery": "${name}"`)}`,
  );
  await watchFor(page, 'pretty', `() => ${shows('Body, pretty JSON', `"delivery": "${name}"`)}`);
  await row.click();
  await text.first().waitFor({ timeout: 60_000 });
  await page
    .getByLabel('Body, pretty JSON')
    .filter({ hasText: `"delivery": "${name}"` })
    .waitFor({ timeout: 120_000 });
  return { visible: await watchedSince(page, 'body', 'click'), pretty: await watchedSince(page, 'pretty', 'click') };
}

async function diffBig(page: Page, left: string, right: string): Promise<number> {
  await page.getByRole('checkbox', { name: `Select POST /github/${left}` }).check();
  await page.getByRole('checkbox', { name: `Select POST /github/${right}` }).check();
  const view = page.getByRole('region', { name: 'Compare captures' });
  const has = (within: string, css: string, mark: string): string =>
    `[...${within}.querySelectorAll(${JSON.stringify(css)})].some((e) => e.textContent.includes(${JSON.stringify(mark)}))`;
  await watchFor(
    page,
    'diff',
    `() => {
      const listed = [...document.querySelectorAll('[aria-label="Body changes"] li')].some(
        (li) => li.textContent.includes(${JSON.stringify(left)}) && li.textContent.includes(${JSON.stringify(right)}));
      const merge = document.querySelector('[data-testid="merge-view"]');
      const texts = merge !== null && ${has('merge', '[aria-label="Left body text"]', left)} && ${has('merge', '[aria-label="Right body text"]', right)};
      return listed && (texts || ${hasLabel('Side-by-side view skipped')});
    }`,
  );
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  // The change that tells them apart, quoting both sides' text (each delivery mark).
  await view
    .getByRole('list', { name: 'Body changes' })
    .getByRole('listitem')
    .filter({ hasText: left })
    .filter({ hasText: right })
    .first()
    .waitFor({ timeout: 60_000 });
  // Both texts side by side, or (above its size limit) the note that sends the reader to each Body tab.
  const merge = view.getByTestId('merge-view');
  await merge
    .or(view.getByRole('note', { name: 'Side-by-side view skipped' }))
    .first()
    .waitFor({ timeout: 120_000 });
  if (await merge.count()) {
    await merge.getByLabel('Left body text').filter({ hasText: left }).waitFor({ timeout: 120_000 });
    await merge.getByLabel('Right body text').filter({ hasText: right }).waitFor({ timeout: 120_000 });
  }
  return watchedSince(page, 'diff', 'click');
}

export const section: BenchSection = {
  name: 'ui',
  async run(): Promise<BenchFigures> {
    const missing = browserModeMissing();
    if (missing) return { ui_skipped: missing };
    const dir = await tempDataDir('ui');
    const seeded = performance.now();
    await seedDataDir(dir, STORED, NEEDLE);
    const seedMs = performance.now() - seeded;
    // The retention cap (10,000 by default) must keep them all, and the 25 MB ones later.
    await (await openSettingsStore(dir)).update('capture', { maxCaptures: STORED + BIG_NAMES.length });
    // Each figure is also written to stderr as it is taken: a step that hangs the renderer (the
    // 25 MB diff did) must not lose the ones before it.
    const figures = new Proxy<BenchFigures>(
      {},
      {
        set(target, key: string, value: number | string) {
          target[key] = value;
          process.stderr.write(`bench: ui ${key} = ${value}\n`);
          return true;
        },
      },
    );
    figures.ui_stored = STORED;
    figures.ui_seed_ms = Math.round(seedMs);
    const app = await serveApp(dir);
    const browser = await launchChromium();
    // Figures are kept as they come, so one failing step still reports the ones before it.
    try {
      const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
      const cdp = await page.context().newCDPSession(page);
      figures.ui_first_paint_ms_100k = Math.round(await firstPaint(page, app.uiUrl));
      figures.ui_search_ms_100k = Math.round((await search(page)).ms);
      const scroll = await profiled(cdp, 'scroll', () => scrollFrames(page));
      figures.ui_scroll_frame_p95_ms_100k = round(scroll.p95, 1);
      figures.ui_scroll_frame_max_ms_100k = round(scroll.max, 1);
      figures.ui_scroll_frames = scroll.frames;
      figures.renderer_heap_mb_100k = round(await heapMb(cdp), 1);
      const core = await processMemoryMb(app.pid);
      figures.core_rss_mb_100k = round(core.rss, 1);
      figures.core_rss_peak_mb_100k = round(core.peak, 1);

      for (const name of BIG_NAMES) await postBig(app.captureUrl, name);
      // Back to the top of the list, where the new captures are.
      await page.mouse.wheel(0, -STORED * 100);
      await page.getByRole('button', { name: `POST /github/${BIG_NAMES[2]},` }).waitFor();
      const opens = [];
      for (const name of BIG_NAMES) opens.push(await profiled(cdp, `open-${name}`, () => openBig(page, name)));
      figures.body_25mb_open_ms = Math.round(median(opens.map((o) => o.visible)));
      figures.body_25mb_pretty_ms = Math.round(median(opens.map((o) => o.pretty)));
      figures.diff_25mb_ms = Math.round(await profiled(cdp, 'diff', () => diffBig(page, BIG_NAMES[0], BIG_NAMES[1])));
      figures.renderer_heap_mb_after_25mb = round(await heapMb(cdp), 1);
      figures.core_rss_mb_after_25mb = round((await processMemoryMb(app.pid)).rss, 1);
    } catch (err) {
      figures.ui_error = (err as Error).message.split('\n')[0];
      const shot = path.join(os.tmpdir(), 'hooklens-bench-ui-error.png');
      await browser.contexts()[0]?.pages()[0]?.screenshot({ path: shot });
      figures.ui_error_screenshot = shot;
    } finally {
      await browser.close();
      await app.stop();
    }
    return { ...figures };
  },
};
