/**
 * Faults made on purpose: overlapping drops and removals, two pages of one site, a store that runs out of
 * quota (the DevTools protocol's quota override), a file deleted after it was picked, a reload at a seeded
 * random point of a save, and the site's data failing to download. After each, what the device store holds
 * (read through the storage API, not the page) equals what the page says is kept, and the page says what
 * happened. Seeded: CADENCE_FAULT_SEED picks another run; the seed is printed with every delay it decides.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '../../scripts/generate-demo.js';
import { ROOT, startSite, launchBrowser, openPage, waitReady, readReports, showTab, openLoadReport } from './harness.js';

const SEED = Number(process.env.CADENCE_FAULT_SEED ?? 1414);
const rnd = mulberry32(SEED);
const LAYOUTS = join(ROOT, 'tests/fixtures/layouts');
const GOALS = join(LAYOUTS, 'asana_goals.csv');
const MEETINGS = join(LAYOUTS, 'outlook_en.csv');
const ZOOM = join(LAYOUTS, 'zoom_meetings.csv');

let browser;
let site;
let work;
let big;
before(async () => {
  browser = await launchBrowser();
  site = await startSite();
  work = mkdtempSync(join(tmpdir(), 'cadence-faults-'));
  big = join(work, 'big_meetings.csv');
  writeMeetings(big, 12_000_000);
});
after(async () => {
  await browser?.close();
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

/** A Zoom-layout meetings export of about `bytes` bytes (seeded: the same file in every run of a seed). */
function writeMeetings(path, bytes) {
  const r = mulberry32(SEED + 1);
  const two = (n) => String(n).padStart(2, '0');
  const lines = ['Topic,ID,Host,Duration (Minutes),Start Time,End Time,Participants'];
  let size = 0;
  while (size < bytes) {
    const day = `${two(1 + Math.floor(r() * 12))}/${two(1 + Math.floor(r() * 28))}/2025`;
    const hour = two(1 + Math.floor(r() * 11));
    const line = `Account ${Math.floor(r() * 500)} sync,${Math.floor(r() * 1e9)},csm${Math.floor(r() * 40)}@acme.example,30,${day} ${hour}:00:00 AM,${day} ${hour}:30:00 AM,${2 + Math.floor(r() * 6)}`;
    lines.push(line);
    size += line.length + 1;
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

/** A delay in [min, max) ms from the seeded sequence, logged so a failing run can be replayed. */
function seededDelay(what, min, max) {
  const ms = Math.round(min + rnd() * (max - min));
  console.log(`# seed ${SEED}: ${what} after ${ms} ms`);
  return ms;
}

const pause = (ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * The store as the storage API shows it, once no save is in flight in any page of the site (no entry lock
 * held, no description still `saving`): the names of the entries kept whole, and every other name found.
 */
async function storeContents(page) {
  await page.waitForFunction(
    async () => {
      const { held = [] } = await navigator.locks.query();
      if (held.some((l) => l.name.startsWith('cadence-entry-'))) return false;
      const root = await navigator.storage.getDirectory();
      const dir = await root.getDirectoryHandle('cadence-files').catch(() => null);
      if (!dir) return true;
      try {
        for await (const [name, h] of dir.entries()) if (name.endsWith('.json') && JSON.parse(await (await h.getFile()).text()).state === 'saving') return false;
      } catch {
        return false; // a description being written, or an entry removed while listed: look again
      }
      return true;
    },
    null,
    { polling: 100, timeout: 30_000 }
  );
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('cadence-files').catch(() => null);
    const kept = [];
    const names = [];
    if (dir) {
      const sizes = new Map();
      const metas = [];
      for await (const [name, h] of dir.entries()) {
        names.push(name);
        const f = await h.getFile();
        if (name.endsWith('.json')) metas.push(JSON.parse(await f.text()));
        else sizes.set(name, f.size);
      }
      for (const m of metas) if (m.state === 'kept' && sizes.get(`${m.stored}.bin`) === m.bytes) kept.push(m.name);
    }
    return { kept: kept.sort(), names };
  });
}

/** What the page's Kept on this device list says, on the Data tab. */
async function keptList(page) {
  await showTab(page, 'data');
  return (await page.$$eval('[data-testid="kept-file"]', (els) => els.map((e) => e.getAttribute('data-name')))).sort();
}

/** The store's contents and the page's list agree, and every name in the store belongs to a kept entry. */
async function assertStoreMatchesPage(page, expected) {
  const store = await storeContents(page);
  assert.deepEqual(store.kept, [...expected].sort(), `store holds ${JSON.stringify(store)}`);
  assert.equal(store.names.length, store.kept.length * 2, `only a description and bytes per kept entry: ${store.names}`);
  await page.waitForFunction((n) => document.querySelector('[data-testid="device-storage"]')?.getAttribute('data-files') === String(n), expected.length, { timeout: 10_000 });
  assert.deepEqual(await keptList(page), [...expected].sort());
}

/** Pick files through the input without removing what is loaded (the harness's dropFiles starts afresh). */
async function pick(page, paths) {
  await page.setInputFiles('input[type="file"]', paths);
}

/** Wait until every named file has a final report and the page is ready. */
async function settled(page, names, timeout = 90_000) {
  await page.waitForFunction(
    (expected) => {
      const app = document.querySelector('[data-testid="app"]');
      const done = [...document.querySelectorAll('[data-testid="file-report"]')].filter((r) => r.dataset.status !== 'loading').map((r) => r.dataset.file);
      return app?.dataset.status === 'ready' && expected.every((n) => done.includes(n));
    },
    names,
    { timeout, polling: 100 }
  );
  return readReports(page);
}

async function reloadSettled(page, names) {
  await page.reload();
  await waitReady(page, 90_000);
  return settled(page, names);
}

const loadedNames = (reports) => reports.filter((r) => r.status === 'loaded' || r.status === 'partial').map((r) => r.file).sort();

test('a large drop and a small one while the first is being saved: both are kept and come back after a reload', async () => {
  const { page, context, problems } = await openPage(browser, site);
  await waitReady(page);
  // Both saves held at the start (as behind a Forget data in another tab), then let go together: they overlap
  // in every run, however fast the disk. The old shared index lost one of two saves that overlapped.
  await page.evaluate(
    () => new Promise((held) => navigator.locks.request('cadence-store', { mode: 'exclusive' }, () => new Promise((release) => ((window.releaseStore = release), held()))))
  );
  await pick(page, [big]);
  await pause(seededDelay('second drop', 100, 200));
  await pick(page, [GOALS]);
  await page.evaluate(() => window.releaseStore());
  const reports = await settled(page, ['big_meetings.csv', 'asana_goals.csv']);
  assert.deepEqual(loadedNames(reports), ['asana_goals.csv', 'big_meetings.csv'], JSON.stringify(reports));
  await assertStoreMatchesPage(page, ['big_meetings.csv', 'asana_goals.csv']);

  const back = await reloadSettled(page, ['big_meetings.csv', 'asana_goals.csv']);
  assert.deepEqual(loadedNames(back), ['asana_goals.csv', 'big_meetings.csv']);
  assert.deepEqual(
    back.map(({ file, rows }) => ({ file, rows })).sort((a, b) => a.file.localeCompare(b.file)),
    reports.map(({ file, rows }) => ({ file, rows })).sort((a, b) => a.file.localeCompare(b.file))
  );
  assert.equal(await page.locator('[data-testid="store-notice"]').count(), 0);
  await assertStoreMatchesPage(page, ['big_meetings.csv', 'asana_goals.csv']);
  assert.deepEqual(problems.errors, []);
  await context.close();
});

test('a file removed while it is still being saved is not kept; the files dropped with it are', async () => {
  const { page, context, problems } = await openPage(browser, site);
  await waitReady(page);
  await pick(page, [big]);
  await pause(seededDelay('drop of two more files', 100, 200));
  await pick(page, [GOALS, MEETINGS]);
  // The large file is still loading (and maybe saving): cancel it and remove it.
  const card = page.locator('[data-testid="file-report"][data-file="big_meetings.csv"]');
  const cancel = card.locator('button', { hasText: 'Cancel' });
  if (await cancel.count()) await cancel.click({ timeout: 5_000 }).catch(() => {}); // it may finish between the look and the click
  await openLoadReport(page); // a report whose files all loaded cleanly folds into one line
  await card.locator('button', { hasText: 'Remove' }).click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="file-report"][data-file="big_meetings.csv"]'), null, { timeout: 30_000 });
  await settled(page, ['asana_goals.csv', 'outlook_en.csv']);
  await assertStoreMatchesPage(page, ['asana_goals.csv', 'outlook_en.csv']);
  const back = await reloadSettled(page, ['asana_goals.csv', 'outlook_en.csv']);
  assert.deepEqual(loadedNames(back), ['asana_goals.csv', 'outlook_en.csv']);
  assert.equal(await page.locator('[data-testid="store-notice"]').count(), 0);
  assert.deepEqual(problems.errors, []);
  await context.close();
});

test('two pages of one site: drops in both are kept, each sees the other’s, and Forget data in one empties the other’s list', async () => {
  const one = await openPage(browser, site);
  const two = { page: await one.context.newPage() };
  await two.page.goto(site.url);
  await Promise.all([waitReady(one.page), waitReady(two.page)]);
  // The same moment in both pages.
  await Promise.all([pick(one.page, [GOALS]), pick(two.page, [MEETINGS])]);
  await Promise.all([settled(one.page, ['asana_goals.csv']), settled(two.page, ['outlook_en.csv'])]);
  await assertStoreMatchesPage(one.page, ['asana_goals.csv', 'outlook_en.csv']);
  await assertStoreMatchesPage(two.page, ['asana_goals.csv', 'outlook_en.csv']);
  // A reload of either brings back both pages' files.
  const back = await reloadSettled(two.page, ['asana_goals.csv', 'outlook_en.csv']);
  assert.deepEqual(loadedNames(back), ['asana_goals.csv', 'outlook_en.csv']);

  await showTab(one.page, 'data');
  await one.page.click('[data-testid="forget-data"]');
  await one.page.waitForSelector('[data-testid="forget-message"]');
  await waitReady(one.page);
  await two.page.bringToFront();
  // The other page still shows its loaded data, and no longer claims it is kept.
  await assertStoreMatchesPage(two.page, []);
  assert.deepEqual(loadedNames(await readReports(two.page)), ['asana_goals.csv', 'outlook_en.csv']);
  // A drop there afterwards is kept, and the first page's list shows it.
  await pick(two.page, [ZOOM]);
  await settled(two.page, ['zoom_meetings.csv']);
  await assertStoreMatchesPage(two.page, ['zoom_meetings.csv']);
  await one.page.bringToFront();
  await one.page.waitForFunction(() => document.querySelector('[data-testid="device-storage"]')?.getAttribute('data-files') === '1', null, { timeout: 10_000 });
  assert.deepEqual(await keptList(one.page), ['zoom_meetings.csv']);
  assert.deepEqual(one.problems.errors, []);
  await one.context.close();
});

test('a store that runs out of quota mid-save: the page says the file is not kept, it stays loaded, and what was kept before stays', async () => {
  const { page, context, problems } = await openPage(browser, site);
  await waitReady(page);
  await pick(page, [GOALS]);
  await settled(page, ['asana_goals.csv']);
  await assertStoreMatchesPage(page, ['asana_goals.csv']);
  const { usage } = await page.evaluate(() => navigator.storage.estimate());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: site.origin, quotaSize: usage + 1_000_000 });
  try {
    await pick(page, [big]);
    const reports = await settled(page, ['big_meetings.csv']);
    assert.deepEqual(loadedNames(reports), ['asana_goals.csv', 'big_meetings.csv']);
    await page.waitForSelector('[data-testid="store-error"]', { timeout: 30_000 });
    assert.match(await page.locator('[data-testid="store-error"]').textContent(), /could not be kept on this device .*they stay loaded until the page is closed/);
    await assertStoreMatchesPage(page, ['asana_goals.csv']);
    const back = await reloadSettled(page, ['asana_goals.csv']);
    assert.deepEqual(loadedNames(back), ['asana_goals.csv']);
    await assertStoreMatchesPage(page, ['asana_goals.csv']);
  } finally {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: site.origin }); // no size: the browser's own quota again
  }
  assert.deepEqual(problems.errors, []);
  await context.close();
});

test('a file deleted after it was picked is reported as unreadable, not empty; the rest stays loaded and kept', async () => {
  const { page, context, problems } = await openPage(browser, site);
  await waitReady(page);
  await pick(page, [GOALS]);
  await settled(page, ['asana_goals.csv']);
  const gone = join(work, 'moved_meetings.csv');
  copyFileSync(MEETINGS, gone);
  // Picked (a File the page holds), then deleted on disk, then dropped on the page.
  await page.evaluate(() => {
    const input = Object.assign(document.createElement('input'), { type: 'file', id: 'fault-picker', hidden: true });
    document.body.append(input);
  });
  await page.setInputFiles('#fault-picker', gone);
  unlinkSync(gone);
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(document.querySelector('#fault-picker').files[0]);
    document.querySelector('[aria-label="Drop CSV files here"]').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  const reports = await settled(page, ['moved_meetings.csv']);
  const report = reports.find((r) => r.file === 'moved_meetings.csv');
  assert.equal(report.status, 'refused');
  assert.match(report.message, /moved_meetings\.csv could not be read any more: it was moved, deleted .* Pick it again/);
  assert.doesNotMatch(report.message, /empty/);
  assert.deepEqual(loadedNames(reports), ['asana_goals.csv']);
  assert.equal(await page.locator('[data-testid="store-error"]').count(), 0);
  await assertStoreMatchesPage(page, ['asana_goals.csv']);
  assert.deepEqual(problems.errors, []);
  await context.close();
});

test('a reload at a seeded point of a save: the file comes back whole, or the page names it as not kept; never silently gone', async () => {
  const { page, context, problems } = await openPage(browser, site);
  await waitReady(page);
  await pick(page, [GOALS]);
  await settled(page, ['asana_goals.csv']);
  for (const round of [1, 2]) {
    await pick(page, [big]);
    // Once the save has begun (its description is written), at a seeded point of it.
    await page.waitForFunction(
      async () => {
        const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('cadence-files').catch(() => null);
        if (!dir) return false;
        try {
          for await (const [name, h] of dir.entries()) if (name.endsWith('.json') && JSON.parse(await (await h.getFile()).text()).name === 'big_meetings.csv') return true;
        } catch {
          // being written: look again
        }
        return false;
      },
      null,
      { polling: 'raf', timeout: 30_000 }
    );
    await pause(seededDelay(`reload ${round}`, 0, 300));
    await page.reload();
    await waitReady(page, 90_000);
    const reports = await readReports(page);
    const back = reports.some((r) => r.file === 'big_meetings.csv');
    const notice = (await page.locator('[data-testid="store-notice"]').textContent().catch(() => null)) ?? '';
    console.log(`# round ${round}: ${back ? 'came back' : 'reported as not kept'}`);
    if (back) {
      assert.equal(notice, '');
      await settled(page, ['big_meetings.csv', 'asana_goals.csv']);
      assert.deepEqual(loadedNames(await readReports(page)), ['asana_goals.csv', 'big_meetings.csv']);
      await assertStoreMatchesPage(page, ['asana_goals.csv', 'big_meetings.csv']);
      // The next round starts from the one kept file again (the report folds once every file loaded cleanly).
      await openLoadReport(page);
      await page.locator('[data-testid="file-report"][data-file="big_meetings.csv"] button', { hasText: 'Remove' }).click();
      await waitReady(page);
      await assertStoreMatchesPage(page, ['asana_goals.csv']);
    } else {
      assert.match(notice, /^1 file was not kept: drop it again\. big_meetings\.csv \(.*still being saved when the page closed\)\.$/);
      await settled(page, ['asana_goals.csv']);
      await assertStoreMatchesPage(page, ['asana_goals.csv']);
    }
  }
  assert.deepEqual(problems.errors, []);
  await context.close();
});

test('the site’s data failing to download: the page names it and files can still be dropped and kept', async () => {
  const { page, context, problems } = await openPage(browser, site, {
    setup: (ctx) => ctx.route('**/data/manifest.json', (route) => route.abort('failed'))
  });
  await waitReady(page);
  const text = await page.locator('[data-testid="data-error"]').textContent();
  assert.match(text, /The site’s own data could not be opened|The site's own data could not be opened/);
  assert.match(text, /did not answer.*reload the page to try again.*Drop your exports/);
  await pick(page, [GOALS]);
  assert.deepEqual(loadedNames(await settled(page, ['asana_goals.csv'])), ['asana_goals.csv']);
  await assertStoreMatchesPage(page, ['asana_goals.csv']);
  // The one error is the refused download itself.
  assert.ok(problems.errors.every((e) => /Failed to load resource/.test(e)), JSON.stringify(problems.errors));
  await context.close();
});

test('the engine’s worker crashing: every view says the engine stopped and what to do, nothing hangs, nothing kept is lost', async () => {
  const { page, context, problems } = await openPage(browser, site);
  await waitReady(page);
  await pick(page, [GOALS]);
  await settled(page, ['asana_goals.csv']);
  await assertStoreMatchesPage(page, ['asana_goals.csv']);
  // An uncaught error inside DuckDB's worker, as a crash or the WebAssembly memory running out raise.
  const engines = page.workers().filter((w) => /duckdb/i.test(w.url()));
  assert.equal(engines.length, 1, `one engine worker: ${page.workers().map((w) => w.url()).join(', ')}`);
  await engines[0].evaluate(() => setTimeout(() => { throw new Error('injected engine crash'); }, 0));
  // The next thing the user does needs the engine: a view not seen yet.
  await page.locator('[data-testid="tab-goals"]').click();
  await page.waitForFunction(() => /The analysis engine stopped/.test(document.body.innerText), null, { timeout: 30_000 });
  await waitReady(page, 30_000); // not stuck busy
  assert.match(await page.locator('body').innerText(), /injected engine crash.*Reload the page/s);
  // What was kept on the device is still there for the reload the page asks for.
  await assertStoreMatchesPage(page, ['asana_goals.csv']);
  assert.ok(problems.errors.length > 0 && problems.errors.every((e) => /injected engine crash|duckdb worker|engine stopped|^console: ErrorEvent$/i.test(e)), JSON.stringify(problems.errors));
  await page.reload();
  await waitReady(page, 60_000);
  assert.deepEqual(loadedNames(await readReports(page)), ['asana_goals.csv']);
  await context.close();
});
