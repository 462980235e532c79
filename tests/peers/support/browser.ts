/**
 * Headless Chromium for the report pages: Debian's `chromium` package driven by playwright-core
 * (never a downloaded browser). `ensureChromium()` installs the package with apt-get when it is
 * missing and we may (root, CI), and otherwise says loudly why the browser tests are skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Whether Chromium is there, installing Debian's package first where we are root. */
export function ensureChromium(): { ok: true } | { ok: false; why: string } {
  if (existsSync(CHROMIUM)) return { ok: true };
  if (process.getuid?.() !== 0 || spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0)
    return { ok: false, why: `${CHROMIUM} is missing and apt-get cannot install it here (apt-get install chromium as root)` };
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env, timeout: 180_000 });
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore', env, timeout: 300_000 }) : update;
  return existsSync(CHROMIUM) ? { ok: true } : { ok: false, why: `apt-get install chromium failed (exit ${install.status})` };
}

export interface Browser {
  readonly context: BrowserContext;
  /** Every request the pages made that was not for the page file itself. */
  readonly outside: string[];
  open(file: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Chromium with a fresh profile; any request other than the file:// page is recorded and aborted.
 * @example const browser = await launch(); const page = await browser.open('/tmp/report.html');
 */
export async function launch(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'eic-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 } });
  const outside: string[] = [];
  context.on('request', (request) => {
    if (!request.url().startsWith('file://')) outside.push(request.url());
  });
  await context.route(/^(?!file:)/, (route) => route.abort());
  return {
    context,
    outside,
    async open(file: string) {
      const page = await context.newPage();
      await page.goto(`file://${file}`);
      return page;
    },
    close: () => context.close(),
  };
}

export interface AccessibilityFindings {
  readonly problems: string[];
  readonly checked: { headings: number; controls: number; tables: number; contrastPairs: number };
}

/**
 * A basic accessibility check in the page: language, one h1 and no skipped heading level, a label
 * for every form control, captions and scoped headers on tables, and a contrast ratio of at
 * least 4.5:1 for the text of every visible element that holds text directly.
 */
export async function accessibility(page: Page): Promise<AccessibilityFindings> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (!document.documentElement.lang) problems.push('html has no lang');
    const headings = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'));
    if (document.querySelectorAll('h1').length !== 1) problems.push(`${document.querySelectorAll('h1').length} h1 elements`);
    let last = 0;
    for (const h of headings) {
      const level = Number(h.tagName[1]);
      if (level > last + 1) problems.push(`heading level jumps from h${last} to h${level}: ${h.textContent}`);
      last = level;
    }
    const controls = Array.from(document.querySelectorAll('select, input, button, textarea'));
    for (const c of controls) {
      const label = c.id ? document.querySelector(`label[for="${c.id}"]`) : null;
      const name = (label?.textContent ?? '').trim() || c.getAttribute('aria-label') || (c.tagName === 'BUTTON' ? (c.textContent ?? '').trim() : '');
      if (!name) problems.push(`${c.tagName.toLowerCase()}#${c.id} has no label`);
    }
    const tables = Array.from(document.querySelectorAll('table'));
    for (const t of tables) {
      if (!t.querySelector('caption')) problems.push(`table#${t.id} has no caption`);
      for (const th of Array.from(t.querySelectorAll('th'))) if (!th.getAttribute('scope')) problems.push(`table#${t.id}: a th without scope`);
    }
    const rgb = (text: string) => (text.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const f = (channel: number) => {
        const v = channel / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3]! > 0)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    let pairs = 0;
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim());
      if (!own || (el as HTMLElement).offsetParent === null) continue;
      const fg = rgb(getComputedStyle(el).color).slice(0, 3);
      const [a, b] = [luminance(fg), luminance(background(el))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      pairs++;
      if (ratio < 4.5) problems.push(`contrast ${ratio.toFixed(2)}:1 for <${el.tagName.toLowerCase()}> "${(el.textContent ?? '').trim().slice(0, 40)}"`);
    }
    return { problems, checked: { headings: headings.length, controls: controls.length, tables: tables.length, contrastPairs: pairs } };
  });
}

/**
 * Tabs through the page until a `<summary>` has the focus, then opens it with Enter (closing it
 * first if a click left it open); returns whether its details opened (usable without a mouse).
 */
export async function openFirstSummaryByKeyboard(page: Page, maxTabs = 80): Promise<{ opened: boolean; tabs: number; text: string }> {
  await page.locator('body').focus();
  for (let tabs = 1; tabs <= maxTabs; tabs++) {
    await page.keyboard.press('Tab');
    const tag = await page.evaluate(() => document.activeElement?.tagName);
    if (tag !== 'SUMMARY') continue;
    const isOpen = () => page.evaluate(() => (document.activeElement!.parentElement as HTMLDetailsElement).open);
    if (await isOpen()) await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    return page.evaluate((n) => {
      const summary = document.activeElement as HTMLElement;
      return { opened: (summary.parentElement as HTMLDetailsElement).open, tabs: n, text: (summary.textContent ?? '').trim().slice(0, 80) };
    }, tabs);
  }
  return { opened: false, tabs: maxTabs, text: '' };
}
