/**
 * The HTML report and the matrix page in a real browser (Debian's Chromium through
 * playwright-core): the counts on the page are the counts in the JSON, a failure expands to its
 * request, expected and actual values with the difference marked, the filters narrow the list,
 * nothing is fetched from the network, and a basic accessibility check passes. Screenshots go to
 * reports/browser/*.png (CI artifacts).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibility, ensureChromium, launch, openFirstSummaryByKeyboard, type Browser } from './support/browser.js';
import { OUT, cli, makeReports, type Run } from './support/reports.js';

const chromium = ensureChromium();
if (!chromium.ok) console.warn(`\n*** the browser tests of the report pages are SKIPPED: ${chromium.why} ***\n`);

interface Result {
  id: string;
  suite: string;
  status: string;
  evidence: string[];
  failures: { advisory: boolean }[];
}
const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { target: string; summary: Record<string, number>; results: Result[] };
const countOf = (results: Result[], status: string) => results.filter((r) => r.status === status).length;

/** The count table on a page as {row: {status: n}}. */
const tableCounts = (page: Page, id: string) =>
  page.$$eval(`#${id} tbody tr`, (rows) =>
    Object.fromEntries(
      rows.map((tr) => [
        tr.querySelector('th')!.textContent!.trim(),
        Object.fromEntries(Array.from(tr.querySelectorAll('td[data-status]')).map((td) => [td.getAttribute('data-status'), Number(td.textContent)])),
      ]),
    ),
  );
const visibleRows = (page: Page) => page.$$eval('[data-row]', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).length);

describe.skipIf(!chromium.ok)('report pages in headless Chromium', () => {
  let runs: Run[];
  let browser: Browser;
  let matrixFile: string;

  beforeAll(async () => {
    runs = await makeReports();
    matrixFile = join(OUT, 'matrix.html');
    const m = await cli(['matrix', ...runs.map((r) => r.json), '--html', matrixFile, '--markdown', join(OUT, 'matrix.md')]);
    expect(m.code, m.stderr).toBe(0);
    browser = await launch();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('the run report: counts match the JSON, a failure expands, filters work, no request leaves the page', async () => {
    const run = runs.find((r) => r.name === 'quirky-b')!;
    const report = load(run.json);
    const page = await browser.open(run.html);
    expect(await page.textContent('#verdict')).toMatch(new RegExp(`^FAIL: ${report.results.length} scenarios`));
    const bySuite = await tableCounts(page, 'by-suite');
    for (const status of ['passed', 'failed', 'fixed', 'known', 'advisory', 'skipped']) expect(bySuite.total![status], status).toBe(report.summary[status]);
    for (const suite of new Set(report.results.map((r) => r.suite)))
      for (const status of ['passed', 'failed', 'known', 'advisory'])
        expect(bySuite[suite]![status], `${suite} ${status}`).toBe(
          countOf(
            report.results.filter((r) => r.suite === suite),
            status,
          ),
        );
    expect(await page.locator('#by-operation tbody tr').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('[data-row]').count()).toBe(report.results.length);

    const failing = report.results.find((r) => r.status === 'failed')!;
    const scenario = page.locator(`[id="scenario-${failing.id}"]`);
    await expect(scenario.locator('.failure').first().isVisible()).resolves.toBe(false);
    await scenario.locator('summary').click();
    await expect(scenario.locator('.failure').first().isVisible()).resolves.toBe(true);
    expect(await scenario.locator('.failure h3').first().textContent()).toMatch(/step \d+: at .+\[(docs|model|recorded)\]/);
    expect(await scenario.locator('.failure mark').count()).toBeGreaterThan(0);
    expect(await scenario.locator('pre.expected').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUT, 'report-expanded.png'), fullPage: false });

    await page.selectOption('#filter-status', 'failed');
    expect(await visibleRows(page)).toBe(report.summary.failed);
    expect(await page.textContent('#shown')).toBe(`Showing ${report.summary.failed} of ${report.results.length}`);
    await page.selectOption('#filter-suite', 'qualifiers');
    expect(await visibleRows(page)).toBe(report.results.filter((r) => r.status === 'failed' && r.suite === 'qualifiers').length);
    await page.click('#reset-filters');
    await page.selectOption('#filter-evidence', 'inferred');
    expect(await visibleRows(page)).toBe(report.results.filter((r) => r.evidence.includes('inferred')).length);
    await page.click('#reset-filters');
    expect(await visibleRows(page)).toBe(report.results.length);
    await page.screenshot({ path: join(OUT, 'report.png'), fullPage: true });
    expect(browser.outside, 'requests that left the page').toEqual([]);
  }, 60_000);

  it('the run report passes a basic accessibility check and works from the keyboard', async () => {
    const page = await browser.open(runs.find((r) => r.name === 'quirky-a')!.html);
    const a11y = await accessibility(page);
    expect(a11y.problems).toEqual([]);
    expect(a11y.checked.controls).toBeGreaterThanOrEqual(4);
    expect(a11y.checked.contrastPairs).toBeGreaterThan(100);
    const key = await openFirstSummaryByKeyboard(page);
    expect(key.opened, `opened by Enter after ${key.tabs} tabs: ${key.text}`).toBe(true);
    expect(browser.outside).toEqual([]);
  }, 60_000);

  it('the matrix: per-target counts match each JSON, a failing cell expands, filters work, accessible, no network', async () => {
    const page = await browser.open(matrixFile);
    const byTarget = await tableCounts(page, 'by-target');
    for (const run of runs) {
      const report = load(run.json);
      for (const status of Object.keys(report.summary).filter((s) => s !== 'total')) expect(byTarget[report.target]![status] ?? 0, `${report.target} ${status}`).toBe(report.summary[status]);
    }
    expect(await page.locator('#matrix thead th').count()).toBe(runs.length + 1);
    expect(await page.locator('[data-row]').count()).toBe(load(runs[0]!.json).results.length);
    const cell = page.locator('td.cell details').first();
    await expect(cell.locator('ul.paths').isVisible()).resolves.toBe(false);
    await cell.locator('summary').click();
    await expect(cell.locator('ul.paths').isVisible()).resolves.toBe(true);
    expect(await cell.locator('ul.paths').textContent()).toMatch(/^at |baseline: /);
    expect(await page.locator('td.cell[title]').first().getAttribute('title')).toMatch(/at /);

    await page.selectOption('#filter-suite', 'pagination');
    const pagination = load(runs[0]!.json).results.filter((r) => r.suite === 'pagination').length;
    expect(await visibleRows(page)).toBe(pagination);
    expect(await page.locator('tr[data-group]:not([hidden])').count()).toBe(1);
    await page.click('#reset-filters');
    await page.selectOption('#filter-status', 'known');
    expect(await visibleRows(page)).toBe(load(runs.find((r) => r.name === 'quirky-b')!.json).summary.known);
    await page.click('#reset-filters');
    expect(await page.locator('.causes > li').count()).toBeGreaterThan(5);
    await page.screenshot({ path: join(OUT, 'matrix.png'), fullPage: true });
    await page.locator('#matrix').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, 'matrix-view.png') });

    const a11y = await accessibility(page);
    expect(a11y.problems).toEqual([]);
    const key = await openFirstSummaryByKeyboard(page, 200);
    expect(key.opened, `opened by Enter after ${key.tabs} tabs`).toBe(true);
    expect(browser.outside).toEqual([]);
    console.log(`report pages: matrix ${statSync(matrixFile).size} bytes, run report ${statSync(runs[1]!.html).size} bytes; screenshots in ${OUT}`);
  }, 60_000);

  it('the network guard itself sees a page that reaches out (so its silence above means something)', async () => {
    const leaky = join(OUT, 'leaky.html');
    writeFileSync(leaky, '<!DOCTYPE html><html lang="en"><title>x</title><img src="http://127.0.0.1:9/pixel.png" alt=""><script>fetch("https://example.invalid/x").catch(() => {})</script></html>');
    const before = browser.outside.length;
    const page = await browser.open(leaky);
    await page.waitForTimeout(300);
    expect(browser.outside.slice(before)).toEqual(expect.arrayContaining(['http://127.0.0.1:9/pixel.png', 'https://example.invalid/x']));
  }, 30_000);

  it("the accessibility check itself finds a bad page's problems", async () => {
    const bad = join(OUT, 'inaccessible.html');
    writeFileSync(
      bad,
      '<!DOCTYPE html><html><title>x</title><h1>a</h1><h3>skipped a level</h3><p style="color:#bbb">faint text</p><select id="s"><option>1</option></select><table id="t"><tr><th>h</th></tr></table></html>',
    );
    const findings = await accessibility(await browser.open(bad));
    expect(findings.problems.join('\n')).toMatch(/html has no lang/);
    expect(findings.problems.join('\n')).toMatch(/heading level jumps from h1 to h3/);
    expect(findings.problems.join('\n')).toMatch(/contrast 1\.\d+:1 for <p> "faint text"/);
    expect(findings.problems.join('\n')).toMatch(/select#s has no label/);
    expect(findings.problems.join('\n')).toMatch(/table#t has no caption/);
  }, 30_000);
});
