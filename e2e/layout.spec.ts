import type { Locator, Page } from '@playwright/test';
import type { ChecklistSectionId } from '../electron/api/domains/case-vocabulary';
import type { InputOf, MethodName } from '../electron/api/methods';
import * as given from '../electron/services/demo/walkthrough-answers';
import { demoWalkthroughAsCommander } from './board-steps';
import {
  callApi,
  item,
  nextStep,
  openAssignedCase,
  shot,
  shotTop,
  takeNextStep,
} from './case-steps';
import { expect, loadDemoAndSignIn, test } from './fixtures';

/** The side navigation's pages in each language, and the file name of each page's screenshot. */
const pages = {
  en: ['My devices', 'Devices', 'Advisories', 'Incidents', 'Board', 'Settings'],
  // "Sicherheits-hinweise" may break at its soft hyphen in the narrow navigation.
  de: [
    'Meine Geräte',
    'Geräte',
    /^Sicherheits\u00ad?hinweise$/,
    'Vorfälle',
    'Lagebild',
    'Einstellungen',
  ],
} satisfies Record<string, (string | RegExp)[]>;
const files = ['my-devices', 'devices', 'advisories', 'incidents', 'board', 'settings'];

/**
 * How far the page, or the main area, is wider than the window; what inside the main area scrolls
 * sideways (a table in its own scrolling box); the header's rows; and the header's names that are
 * cut (the facility's and the signed-in person's).
 */
function measure(page: Page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const main = document.getElementById('main');
    const header = document.querySelector('.app-header');
    const tops = [...(header?.querySelectorAll('.app-name, .app-facility, .session-bar') ?? [])]
      .map((e) => e.getBoundingClientRect())
      .map((r) => Math.round(r.top + r.height / 2));
    const scrollsSideways = (e: Element) =>
      ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth;
    return {
      page: doc.scrollWidth - doc.clientWidth,
      main: main ? main.scrollWidth - main.clientWidth : 0,
      inMain: [...(main?.querySelectorAll('*') ?? [])]
        .filter(scrollsSideways)
        .map((e) => `${e.className}: ${e.scrollWidth - e.clientWidth}px`),
      // Every part of the header on one row: their middles within a few pixels.
      headerRows:
        tops.length && Math.max(...tops) - Math.min(...tops) > 6
          ? Math.max(...tops) - Math.min(...tops)
          : 0,
      cutNames: [...(header?.querySelectorAll('.app-facility-name, .session-user-name') ?? [])]
        .filter((e) => e.scrollWidth > e.clientWidth)
        .map((e) => e.textContent),
    };
  });
}

for (const size of [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
]) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('no page scrolls sideways, in English and German; the header stays on one row with its names whole', async ({
      page,
    }) => {
      const user = await loadDemoAndSignIn(page, 'incident_commander');
      for (const language of ['en', 'de'] as const) {
        if (language === 'de') {
          // The station's language, as the sign-in screen and Settings store it.
          await page.evaluate(() => localStorage.setItem('standalone.language', 'de'));
          await page.reload();
          await expect(page.locator('html')).toHaveAttribute('lang', 'de');
        }
        for (const [index, name] of pages[language].entries()) {
          await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          await page.waitForLoadState('networkidle');
          const m = await measure(page);
          expect(m, `${files[index]} in ${language} at ${size.width}px`).toEqual({
            page: 0,
            main: 0,
            inMain: [],
            headerRows: 0,
            cutNames: [],
          });
          await shot(page, `layout-${language}-${files[index]}-${size.width}`);
        }
        // Whole on the screen, and in full on hover however long a name is.
        await expect(page.locator('.session-user-name')).toHaveAttribute('title', user.displayName);
        await expect(page.locator('.app-facility-name')).toHaveAttribute(
          'title',
          'Kantonsspital Zürich-Nord (demo)',
        );
      }
    });
  });
}

/** How far each matching element's content is wider (or taller) than its box: 0 when nothing is cut. */
function cutOff(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) =>
    elements
      .map((e) => ({
        text: e.textContent ?? '',
        wider: e.scrollWidth - e.clientWidth,
        taller: e.scrollHeight - e.clientHeight,
      }))
      .filter((e) => e.wider > 1 || e.taller > 1),
  );
}

/** How far an element's content is wider than its box. */
const sideways = (page: Page, selector: string) =>
  page.locator(selector).evaluate((e) => e.scrollWidth - e.clientWidth);

for (const size of [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
]) {
  test.describe(`the commander's tables at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('board and device tables fit, names are whole, Settings scrolls inside, the decay table is whole', async ({
      page,
    }) => {
      test.setTimeout(300_000);
      await demoWalkthroughAsCommander(page);

      // The board: no sideways scrolling, every device's and person's name whole, named in full.
      await page.getByRole('navigation').getByRole('link', { name: 'Board', exact: true }).click();
      const rows = page.locator('.board-table .vtable-row[data-asset-tag]');
      await expect(rows).toHaveCount(8);
      expect(await sideways(page, '.board-table-scroll')).toBeLessThanOrEqual(0);
      expect(await cutOff(page, '.board-device-name, .board-assignee')).toEqual([]);
      const nm3 = page.locator('tr[data-asset-tag="NM-0003"]');
      const name = (await nm3.locator('.board-device-name').textContent()) ?? '';
      expect(name.length).toBeGreaterThan(0);
      await expect(nm3).toHaveAttribute('aria-label', `NM-0003, ${name}`);
      await expect(nm3.locator('.board-cell-device')).toHaveAttribute('title', `NM-0003, ${name}`);
      await expect(
        nm3.getByRole('link', { name: `Open the case of NM-0003, ${name}` }),
      ).toBeVisible();
      await nm3.scrollIntoViewIfNeeded();
      await shot(page, `layout-board-rows-${size.width}`);

      // The patient-safety gate of the deferred case: its decay table is not cut.
      const deferred = page.locator('.board-table .vtable-row', { hasText: 'Deferred' }).first();
      await deferred.locator('.board-case-link').click();
      const gate = page.getByTestId('gate');
      await expect(gate.locator('.decay-table tbody tr')).toHaveCount(1);
      const fits = await gate.evaluate((g) => {
        const table = g.querySelector('.decay-table');
        const box = g.getBoundingClientRect();
        const t = table?.getBoundingClientRect();
        return !!t && t.right <= box.right && g.scrollWidth <= g.clientWidth;
      });
      expect(fits, 'the decay table inside its panel').toBe(true);
      await gate.locator('.decay-table').scrollIntoViewIfNeeded();
      await shot(page, `layout-gate-${size.width}`);

      // Devices: the table does not scroll sideways.
      await page
        .getByRole('navigation')
        .getByRole('link', { name: 'Devices', exact: true })
        .click();
      await expect(page.locator('.device-table .vtable-row').first()).toBeVisible();
      expect(await sideways(page, '.device-table-scroll')).toBeLessThanOrEqual(0);

      // Settings scrolls inside the main area: the window itself never scrolls, the header stays.
      await page
        .getByRole('navigation')
        .getByRole('link', { name: 'Settings', exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
      await page.evaluate(() => {
        const main = document.getElementById('main');
        main?.scrollTo(0, main.scrollHeight);
      });
      const scrolled = await page.evaluate(() => ({
        window: document.documentElement.scrollHeight - document.documentElement.clientHeight,
        headerTop: document.querySelector('.app-header')?.getBoundingClientRect().top,
      }));
      expect(scrolled).toEqual({ window: 0, headerTop: 0 });
    });
  });
}

/** The part of the element visible inside the scrolling main area, above the status line. */
function shownInMain(locator: Locator) {
  return locator.evaluate((e) => {
    const main = document.getElementById('main')?.getBoundingClientRect();
    const box = e.getBoundingClientRect();
    return !!main && box.top >= main.top && box.bottom <= main.bottom;
  });
}

for (const size of [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
]) {
  test.describe(`Assessing at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });
    // NM-0001's case assigned to the demo technologist, who has taken the station.
    test.beforeEach(async ({ page, request, harness }) => {
      test.setTimeout(300_000);
      await openAssignedCase(page, request, harness);
    });

    test('the first question shows above the fold, and the status line names no transport', async ({
      page,
    }) => {
      await page.locator('.case-card', { hasText: 'NM-0001' }).click();
      await takeNextStep(page, 'Start the assessment', 'Assessing');
      await expect(nextStep(page)).toContainText('questions left');
      await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
      // Inside the main area's visible part: not under the status line or the demo banner.
      // The first question: its words and its first answer in full, above the fold.
      const firstQuestion = page
        .locator('[data-section="exposure_assessment"] [data-item]')
        .first();
      await expect(firstQuestion).toBeVisible();
      const firstAnswer = firstQuestion.locator('.choice-option').first();
      expect(await shownInMain(firstQuestion.locator('.answer-label, legend').first())).toBe(true);
      expect(await shownInMain(firstAnswer)).toBe(true);
      await shotTop(page, `layout-assessing-${size.width}`);
      // The transport (desktop app or browser mode) is for developers: not in a built app.
      await expect(page.getByRole('contentinfo')).not.toContainText('Transport');
    });

    test("in German, the gate's decay table is whole in the side column, its numbers German, its words grammatical", async ({
      page,
      request,
      harness,
    }) => {
      // Setup through the API: Assessing, an F-18 patient injected 30 minutes ago still waiting.
      const api = <M extends MethodName>(method: M, input: InputOf<M>) =>
        callApi(request, harness, method, input);
      const { cases } = await api('cases.list', {});
      const caseId = cases.find((c) => c.assetTag === 'NM-0001')?.caseId ?? 0;
      await api('cases.transition', { caseId, target: 'assessing' });
      const answers: [ChecklistSectionId, given.SectionAnswerList][] = [
        ['exposure_assessment', given.exposedOnClinicalNetwork('available')],
        ['patient_safety_gate', given.gateInjectedPatientWaiting(new Date())],
      ];
      for (const [sectionId, list] of answers) {
        for (const [itemId, value] of list) {
          await api('cases.answer', { caseId, sectionId, itemId, value });
        }
      }
      await page.evaluate(() => localStorage.setItem('standalone.language', 'de'));
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      await page.locator('.case-card', { hasText: 'NM-0001' }).click();

      const gate = page.getByTestId('gate');
      await expect(gate.locator('.verdict')).toHaveText('Blockiert');
      await expect(gate.locator('.decay-table tbody tr')).toHaveCount(1);
      // Half-lives with a decimal comma, in the reason and in the table (0.27 at 30 of 110 min).
      await expect(gate.locator('.gate-reasons')).toContainText(/\(0,\d\d Halbwertszeiten\)/);
      await expect(gate.locator('.decay-table')).toContainText(/0,\d\d Halbwerts\u00ad?zeiten/);
      await expect(gate).not.toContainText(/\d\.\d\d/);
      // The CVSS scores in the case's head too.
      await expect(page.locator('.case-header .cvss').first()).toContainText(/CVSS \d+,\d/);
      // Whole: the table inside its panel and the window, no cell's words wider than the cell.
      const fits = await gate.evaluate((g) => {
        const table = g.querySelector('.decay-table');
        const box = g.getBoundingClientRect();
        const t = table?.getBoundingClientRect();
        return (
          !!t &&
          t.right <= box.right &&
          t.right <= window.innerWidth &&
          g.scrollWidth <= g.clientWidth
        );
      });
      expect(fits, 'the decay table inside its panel').toBe(true);
      expect(await cutOff(page, '.decay-table tbody th, .decay-table tbody td')).toEqual([]);
      expect((await measure(page)).page).toBe(0);
      // The list's button in German grammar: the label is the same in every case.
      await expect(
        item(page, 'injected_patients').getByRole('button', {
          name: 'Injizierte Person hinzufügen',
        }),
      ).toBeVisible();
      await gate.locator('.decay-table').scrollIntoViewIfNeeded();
      await shot(page, `layout-gate-de-${size.width}`);
      await item(page, 'injected_patients').scrollIntoViewIfNeeded();
      await shot(page, `layout-patients-de-${size.width}`);
    });
  });
}
