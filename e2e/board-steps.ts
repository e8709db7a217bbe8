import { expect, type Locator, type Page } from '@playwright/test';
import { boardColumns, type BoardColumn } from '../renderer/src/board/board-columns';
import { loadDemoAndSignIn, type DemoUser } from './sign-in';

/**
 * Steps on the board's pages as a user takes them, for the board specs: the demo walkthrough that
 * fills the board, its rows and Selects, and what spills over at a small window.
 */

/** The walkthrough's button and the link it ends with, in the station's language. */
const walkthroughWords = {
  en: { run: 'Run the demo walkthrough', open: 'Open the incident' },
  de: { run: 'Demo-Durchlauf starten', open: 'Vorfall öffnen' },
};

/**
 * The demo walkthrough through its own button on the Incidents page: the demo staff open the
 * ICSMA-17-215-02 response and leave eight cases on the board.
 */
export async function runDemoWalkthrough(
  page: Page,
  language: keyof typeof walkthroughWords = 'en',
): Promise<void> {
  const words = walkthroughWords[language];
  await page.goto(`${page.url().split('#')[0]}#/incidents`);
  await page.getByRole('button', { name: words.run }).click();
  // Each demo person signs with their PIN (deliberately slow to check) on a busy machine.
  await expect(page.getByRole('link', { name: words.open })).toBeVisible({ timeout: 300_000 });
}

/** The opening of the board specs: the demo loaded, the commander signed in, the walkthrough run. */
export async function demoWalkthroughAsCommander(page: Page): Promise<DemoUser> {
  const commander = await loadDemoAndSignIn(page, 'incident_commander');
  await runDemoWalkthrough(page);
  return commander;
}

/** How far the page, and the main area, are wider than the window: both 0 when nothing spills. */
export const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => {
    const doc = document.documentElement;
    const main = document.getElementById('main');
    return {
      page: doc.scrollWidth - doc.clientWidth,
      main: main ? main.scrollWidth - main.clientWidth : 0,
    };
  });

/** The board's row of the case for the device `assetTag`. */
export const boardRow = (page: Page, assetTag: string): Locator =>
  page.locator(`tr[data-asset-tag="${assetTag}"]`);

/** A react-aria Select: open it by its label, pick the option. */
export async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page
    .locator('.filter-select')
    .filter({ has: page.locator('.field-label', { hasText: new RegExp(`^${label}$`) }) })
    .getByRole('button')
    .click();
  await page.getByRole('option', { name: option }).click();
}

/**
 * The board's cells whose words pass their row's box (above or below it) or their own cell's
 * sides (over the next column), each as "NM-0003, cell 2: 'Held at …' 23px past": none when
 * every row holds its words.
 */
export function cellsPastTheirRow(page: Page): Promise<string[]> {
  return page.locator('.board-table tr.vtable-row').evaluateAll((rows) =>
    rows.flatMap((tr) => {
      const row = tr.getBoundingClientRect();
      return [...tr.children].flatMap((cell, index) => {
        const box = cell.getBoundingClientRect();
        const parts = [...cell.children].map((e) => e.getBoundingClientRect());
        if (parts.length === 0) return [];
        const past = Math.max(
          row.top - Math.min(...parts.map((r) => r.top)),
          Math.max(...parts.map((r) => r.bottom)) - row.bottom,
          box.left - Math.min(...parts.map((r) => r.left)),
          Math.max(...parts.map((r) => r.right)) - box.right,
        );
        const tag = tr.getAttribute('data-asset-tag') ?? '?';
        return past > 1
          ? [`${tag}, cell ${index + 1}: '${cell.textContent ?? ''}' ${Math.round(past)}px past`]
          : [];
      });
    }),
  );
}

/**
 * The words in one of the board's columns that break across two lines inside the word
 * ("Nuklearme / dizin"), each as "NM-0003, cell 4: 'Nuklearmedizin'": none when every word of the
 * column reads whole. A line may end at a
 * space, a hyphen, a soft hyphen or a slash; two letters side by side anywhere else must share
 * their line (their boxes' tops).
 */
export function wordsSplitAcrossLines(page: Page, column: BoardColumn): Promise<string[]> {
  return page.locator('.board-table tr.vtable-row').evaluateAll(
    (rows, index) =>
      rows.flatMap((tr) => {
        const cell = tr.children[index];
        if (!cell) return [];
        const tag = tr.getAttribute('data-asset-tag') ?? '?';
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        const split: string[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          const range = document.createRange();
          const topOf = (at: number) => {
            range.setStart(node, at);
            range.setEnd(node, at + 1);
            return [...range.getClientRects()].find((r) => r.width > 0)?.top;
          };
          for (const word of text.matchAll(/\S+/g)) {
            for (let i = word.index; i < word.index + word[0].length - 1; i++) {
              if (/[-\u00ad/]/.test(text.charAt(i) + text.charAt(i + 1))) continue;
              const [here, next] = [topOf(i), topOf(i + 1)];
              if (here !== undefined && next !== undefined && Math.abs(next - here) > 2) {
                split.push(`${tag}, cell ${index + 1}: '${word[0].replace(/\u00ad/g, '')}'`);
                break;
              }
            }
          }
        }
        return split;
      }),
    boardColumns.indexOf(column),
  );
}
