/**
 * A scatter of thousands of accounts is drawn as one image of marks (not an element per account), and a
 * click on a mark still opens that account: the benchmark's 3,000 accounts, dropped through the file input.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSite, launchBrowser, openPage, waitReady, dropFiles, showTab } from './harness.js';
import { writeBenchSet } from '../../scripts/bench-data.js';

let browser, site, page, problems, context, dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cadence-marks-'));
  const files = await writeBenchSet(dir, 10_000);
  browser = await launchBrowser();
  site = await startSite();
  ({ page, problems, context } = await openPage(browser, site, { viewport: { width: 1440, height: 900 } }));
  await waitReady(page, 120_000);
  await dropFiles(page, files, 180_000);
  await showTab(page, 'meetings');
});
after(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a scatter of thousands of accounts', () => {
  it('draws each panel’s marks as one image, as many marks as the panel counts', async () => {
    const panels = await page.$$eval('[data-testid="mo-scatter"]', (figs) =>
      figs.map((f) => ({
        n: Number(f.querySelector('.n')?.textContent?.replace(/[^\d]/g, '')),
        marks: Number(f.querySelector('[data-testid="mo-marks"]')?.getAttribute('data-marks') ?? -1),
        elements: f.querySelectorAll('.dot').length,
        image: f.querySelector('[data-testid="mo-marks"]')?.getAttribute('href')?.slice(0, 22)
      }))
    );
    assert.ok(panels.length >= 1);
    const big = panels.filter((p) => p.marks >= 0);
    assert.ok(big.length >= 1, 'at least one panel draws its marks as an image');
    for (const p of big) {
      assert.equal(p.marks, p.n, 'one mark per account the panel counts');
      assert.equal(p.elements, 0, 'no element per mark');
      assert.equal(p.image, 'data:image/png;base64,');
    }
  });

  it('hovering finds a mark, and clicking there opens that account’s touches', async () => {
    const image = page.locator('[data-testid="mo-marks"]').first();
    await image.scrollIntoViewIfNeeded();
    const box = await image.boundingBox();
    // Sweep the image until the pointer is over a mark (the hover mark appears, naming its account).
    let found = null;
    for (let y = box.y + box.height - 12; y > box.y + 8 && !found; y -= 6) {
      for (let x = box.x + 10; x < box.x + box.width - 8 && !found; x += 6) {
        await page.mouse.move(x, y);
        const hovered = await page.$eval('[data-testid="mo-scatter"] .dot.hover', (e) => ({ account: e.getAttribute('data-account'), meetings: Number(e.getAttribute('data-meetings')), title: e.textContent })).catch(() => null);
        if (hovered) found = { x, y, ...hovered };
      }
    }
    assert.ok(found, 'a mark under the pointer somewhere on the image');
    assert.match(found.title, new RegExp(`^${found.account.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    await page.mouse.click(found.x, found.y);
    await waitReady(page);
    await page.locator('[data-testid="drill"]').waitFor();
    assert.equal(await page.textContent('[data-testid="drill"] h3'), `Customer touches with ${found.account}`);
    assert.deepEqual(problems.errors, []);
  });
});
