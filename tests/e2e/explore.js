/**
 * Walk through everything a person can open on the dashboard: every tab, its definitions and folded
 * sections, its table toggles, a focus filter and Undo, tooltips of chart marks, a drill-down, and on the
 * data tab every file's mapping. Tests that watch the page (requests, CSP, injected markup) call it so
 * their watchers see every part of the app, not just the first screen.
 */
import { showTab, waitReady } from './harness.js';

export const TABS = ['meetings', 'oneonone', 'goals', 'outcomes', 'data'];

/** Click every closed <details> summary inside `scope`, one at a time (opening one can render more). */
async function openAllDetails(page, scope) {
  for (let i = 0; i < 40; i++) {
    const closed = page.locator(`${scope} details:not([open]) > summary`);
    if (!(await closed.count())) return;
    await closed.first().click();
    await waitReady(page);
  }
}

/** Hover and focus a few of each kind of chart mark: their tooltips (SVG <title>) hold data values. */
async function hoverMarks(page, scope) {
  for (const sel of ['svg [role="button"]', 'svg rect', 'svg circle', 'svg path.dot', 'button.link', 'th button.sort']) {
    const marks = page.locator(`${scope} ${sel}`);
    const n = Math.min(3, await marks.count());
    for (let i = 0; i < n; i++) {
      const m = marks.nth(i);
      if (!(await m.isVisible())) continue;
      await m.hover({ timeout: 5_000 }).catch(() => {}); // a mark under another one cannot be hovered: fine
      await m.focus().catch(() => {});
    }
  }
}

/** Open a drill-down from the first mark that offers one, check it lists rows, and close it. */
async function drillOnce(page, scope) {
  const mark = page.locator(`${scope} svg [role="button"]`).first();
  if (!(await mark.count())) return false;
  await mark.focus();
  await page.keyboard.press('Enter');
  await waitReady(page);
  const drill = page.locator('[data-testid="drill"]');
  if (!(await drill.count())) return false;
  await drill.locator('button', { hasText: 'Close' }).click();
  await waitReady(page);
  return true;
}

/** Focus on the first value a row or card offers (a manager, an account, a segment), then Undo. */
async function focusAndUndo(page, scope) {
  const target = page.locator(`${scope} button.link, ${scope} [data-testid="outcome-segment"]`).first();
  if (!(await target.count()) || !(await target.isVisible())) return;
  await target.click();
  await waitReady(page);
  const undo = page.locator('[data-testid="undo"]');
  if (await undo.count()) {
    await undo.click();
    await waitReady(page);
  }
}

/** Show each chart's table and back, so both renderings of the numbers are visited. */
async function toggleTables(page, scope) {
  const toggles = page.locator(`${scope} button[aria-pressed]`);
  for (let i = 0; i < (await toggles.count()); i++) {
    await toggles.nth(i).click();
    await waitReady(page);
    await toggles.nth(i).click();
    await waitReady(page);
  }
}

/**
 * Visit every view and open what it offers. `onView(tab)` runs on each tab with everything open
 * (e.g. to read the page). Returns the number of drill-downs opened.
 */
export async function exploreAll(page, { onView } = {}) {
  let drills = 0;
  for (const tab of TABS) {
    await showTab(page, tab);
    const scope = `#panel-${tab}`;
    await openAllDetails(page, scope);
    if (tab !== 'data') {
      await hoverMarks(page, scope);
      await toggleTables(page, scope);
      if (await drillOnce(page, scope)) drills++;
      await focusAndUndo(page, scope);
    } else {
      await hoverMarks(page, scope);
    }
    await onView?.(tab);
  }
  return drills;
}
