/**
 * axe-core on every screen a spec visits: each new page heading or dialog is checked as it
 * appears, every screenshot is checked, and the page as the test leaves it. A serious or critical
 * violation fails the test, named with the screen it was found on (fixtures.ts wires it in).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export interface AxeFinding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

const failing = new Set(['serious', 'critical']);
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * What identifies a screen: the page heading, any open dialog's heading and any combo box whose
 * list is open (an open list is a screen of its own: react-aria hides the page around it).
 */
const screenKey = () => {
  const h1 = document.querySelector('h1')?.textContent?.trim() ?? '';
  const dialog = document.querySelector('[role="dialog"], [role="alertdialog"]');
  const title = dialog?.querySelector('h1, h2, h3, [slot="title"]')?.textContent?.trim() ?? '';
  const combo = document.querySelector('[role="combobox"][aria-expanded="true"]');
  const label = combo instanceof HTMLInputElement ? combo.labels?.[0]?.textContent : combo?.id;
  const list = combo ? ` | list open: ${label ?? ''}` : '';
  return `${document.documentElement.lang}|${h1}${dialog ? ` | dialog: ${title}` : ''}${list}`;
};

/**
 * Whether react-aria put this aria-hidden there for an open combo box list. While the list is
 * open, useComboBox (react-aria 3.53) hides every element beside the path to the input and to the
 * list with aria-hidden, not inert, because the list is not modal: the links and buttons under it
 * stay focusable, which axe names aria-hidden-focus. Neither ComboBox nor useComboBox has a
 * setting to change this (adobe/react-spectrum#4937). The list closes before focus leaves the
 * input (e2e/zone-city.spec.ts proves Tab does not land in hidden content), so only exactly
 * these elements are let through: any other aria-hidden-focus still fails.
 */
const hiddenByOpenComboBox = (selector: string): boolean => {
  const node = document.querySelector(selector);
  const input = document.querySelector('[role="combobox"][aria-expanded="true"]');
  const listId = input?.getAttribute('aria-controls');
  const list = listId ? document.getElementById(listId) : null;
  const popover = list?.closest('[data-trigger="ComboBox"]');
  if (!node || !input || !popover || node.parentElement === null) return false;
  // What react-aria hides: beside the path to a target, neither inside nor around one.
  const targets = [input, popover];
  return (
    targets.some((t) => node.parentElement?.contains(t)) &&
    !targets.some((t) => node.contains(t) || t.contains(node))
  );
};

export class AxeWatch {
  readonly findings: AxeFinding[] = [];
  private readonly seen = new Set<string>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly page: Page) {}

  /** Check the screen now unless this same screen was checked already. */
  check(reason = ''): Promise<void> {
    this.queue = this.queue.then(() => this.run(reason)).catch(() => undefined);
    return this.queue;
  }

  private async run(reason: string): Promise<void> {
    if (this.page.isClosed()) return;
    let key: string;
    try {
      key = await this.page.evaluate(screenKey);
    } catch {
      return; // navigating: the next screen is checked when it shows
    }
    if (key === '|' || this.seen.has(key)) return;
    this.seen.add(key);
    let results;
    try {
      results = await new AxeBuilder({ page: this.page })
        .withTags(tags)
        // react-aria's live announcer: off-screen, it points at the label it announces.
        .exclude('[data-live-announcer]')
        .analyze();
    } catch {
      this.seen.delete(key); // the page changed under axe: try again on the next trigger
      return;
    }
    for (const v of results.violations) {
      if (!v.impact || !failing.has(v.impact)) continue;
      let nodes = v.nodes;
      if (v.id === 'aria-hidden-focus') {
        const kept = [];
        for (const n of nodes) {
          const selector = n.target.length === 1 ? String(n.target[0]) : '';
          const library =
            selector !== '' &&
            (await this.page.evaluate(hiddenByOpenComboBox, selector).catch(() => false));
          if (!library) kept.push(n);
        }
        nodes = kept;
      }
      if (nodes.length === 0) continue;
      this.findings.push({
        screen: reason ? `${key} (${reason})` : key,
        rule: v.id,
        impact: v.impact,
        help: v.help,
        targets: nodes.slice(0, 5).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`),
      });
    }
  }

  /** After the test: wait for the checks under way, check the final screen, report. */
  async finish(): Promise<AxeFinding[]> {
    await this.check('end of test');
    await this.queue;
    return this.findings;
  }

  /** Every time the heading or a dialog changes, check the new screen (once it settles). */
  async watch(): Promise<void> {
    await this.page.exposeBinding('__axeScreenChanged', () => {
      void this.check();
    });
    await this.page.addInitScript(() => {
      let last = '';
      let timer: ReturnType<typeof setTimeout> | undefined;
      const notify = () => {
        const h1 = document.querySelector('h1')?.textContent ?? '';
        const dialog = document.querySelector('[role="dialog"], [role="alertdialog"]');
        const open = document.querySelector('[role="combobox"][aria-expanded="true"]')
          ? 'list'
          : '';
        const key = `${document.documentElement.lang}|${h1}|${dialog?.textContent?.slice(0, 80) ?? ''}|${open}`;
        if (key === last) return;
        last = key;
        clearTimeout(timer);
        timer = setTimeout(() => {
          const w = window as unknown as { __axeScreenChanged?: () => void };
          w.__axeScreenChanged?.();
        }, 400);
      };
      new MutationObserver(notify).observe(document, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['lang'],
      });
    });
  }
}

export function describeFindings(findings: AxeFinding[]): string {
  return findings
    .map((f) => `${f.impact} ${f.rule} on "${f.screen}": ${f.help} -- ${f.targets.join(', ')}`)
    .join('\n');
}
