/**
 * The HTML dashboard in a real browser: Debian's headless Chromium driven by playwright-core loads
 * the file (no network), the test reads what is on the page, uses a filter and takes a screenshot.
 * Skipped, with a message, where /usr/bin/chromium is not installed (`.ci/run` installs it).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../tools/config/load.js';
import { loadModelState } from '../../tools/pipeline/model.js';
import { renderHtml } from '../../tools/report/reporters/html.js';
import type { Report } from '../../tools/report/schema.js';
import { readMapping, reportFromInputs } from '../../tools/report/stage.js';
import { REPO } from '../helpers/temp-workspace.js';
import { CHROMIUM, launchChromium } from '../helpers/chromium.js';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`skipping the dashboard browser test: ${CHROMIUM} not found (apt-get install -y chromium)`);

describe.skipIf(!hasChromium)('HTML dashboard in headless Chromium', () => {
  let dir: string;
  let report: Report;
  let browser: import('playwright-core').Browser;
  let page: import('playwright-core').Page;
  const requests: string[] = [];

  beforeAll(async () => {
    // The repository's own config: the reference docs + the example workspace and its committed mapping.json.
    const { config, root } = await loadConfig(undefined, REPO);
    const state = await loadModelState(config, root);
    const mapping = await readMapping(root, config.mapping);
    report = await reportFromInputs({
      model: state.model,
      mapping,
      config,
    });
    dir = mkdtempSync(join(tmpdir(), 'specmap-dash-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(report, { linkBase: '../' }));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    expect(errors).toEqual([]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the report numbers', async () => {
    const o = report.summary.overall;
    expect(await page.textContent('#count-total b')).toBe(String(o.total));
    expect(await page.textContent('#count-missing b')).toBe(String(o.missing));
    expect(await page.locator('#categories [data-row]').count()).toBe(report.categories.length);
    expect(await page.textContent('#shown-count')).toBe(`${o.total} of ${o.total} items shown`);
    expect(await page.locator('#matrix tbody tr').count()).toBe(o.total);
  });

  it('links items to their spec anchor and code locations', async () => {
    const anchor = page.locator('#matrix tr', { hasText: 'response.created' }).first().locator('td').nth(3).locator('a');
    expect(await anchor.getAttribute('href')).toMatch(/DOC_streaming_events\.md#L\d+$/);
    const code = page.locator('#matrix td.cell.has a').first();
    expect(await code.getAttribute('href')).toMatch(/^\.\.\/examples\/workspace\/.+#L\d+$/);
  });

  it('filters by text and by status', async () => {
    await page.fill('#filter-text', 'response.output_text');
    const want = report.items.filter((i) => i.label.includes('response.output_text')).length;
    expect(await page.textContent('#shown-count')).toBe(`${want} of ${report.items.length} items shown`);
    expect(await page.locator('#matrix tbody tr').count()).toBe(want);
    await page.fill('#filter-text', '');
    await page.selectOption('#filter-status', { label: 'implemented' });
    const implemented = report.summary.overall.implemented;
    expect(await page.textContent('#shown-count')).toBe(`${implemented} of ${report.items.length} items shown`);
    await page.selectOption('#filter-status', { label: 'all statuses' });
    await page.screenshot({ path: join(tmpdir(), 'specmap-dashboard.png'), fullPage: false });
    await page.locator('#matrix').evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: join(tmpdir(), 'specmap-dashboard-matrix.png') });
  });

  it('made no network request besides the file itself', () => {
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  });
});
