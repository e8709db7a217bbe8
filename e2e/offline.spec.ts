import type { Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY, metaPolicyOf } from '../electron/api/content-security-policy';
import { expect, loadDemoAndSignIn, openSection, test } from './fixtures';

/**
 * Record every request the browser tries to send, at Playwright's network layer (below the page,
 * after the CSP): loopback ones go on to browser mode, anything else is recorded and aborted so
 * that nothing leaves the machine even if the CSP failed.
 */
async function watchNetwork(page: Page): Promise<{ loopback: string[]; elsewhere: string[] }> {
  const seen = { loopback: [] as string[], elsewhere: [] as string[] };
  await page.context().route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') {
      seen.loopback.push(url.href);
      await route.fallback();
    } else {
      seen.elsewhere.push(url.href);
      await route.abort('blockedbyclient');
    }
  });
  return seen;
}

/** Try a fetch and an image from other hosts; report what the page saw of each. */
async function tryToLeave(page: Page): Promise<{ fetch: string; image: string }> {
  await page.evaluate(() => {
    const log: { directive: string; blocked: string }[] = [];
    (window as { cspViolations?: typeof log }).cspViolations = log;
    document.addEventListener('securitypolicyviolation', (event) =>
      log.push({ directive: event.effectiveDirective, blocked: event.blockedURI }),
    );
  });
  return page.evaluate(async () => {
    const fetched = await fetch('https://example.org/').then(
      () => 'loaded',
      (error: unknown) => `refused (${String(error)})`,
    );
    const image = await new Promise<string>((resolve) => {
      const img = document.createElement('img');
      img.onload = () => resolve('loaded');
      img.onerror = () => resolve('refused');
      img.alt = ''; // a probe, not content: keeps the accessibility check to the app's own page
      img.src = 'http://192.0.2.1/x.png';
      document.body.append(img);
    });
    return { fetch: fetched, image };
  });
}

const violations = (page: Page) =>
  page.evaluate(() => (window as { cspViolations?: unknown[] }).cspViolations ?? []);

test('the CSP refuses a fetch and an image from other hosts; nothing reaches the network', async ({
  page,
  harness,
  consoleErrors,
}) => {
  const network = await watchNetwork(page);
  const response = await page.reload();
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    metaPolicyOf(CONTENT_SECURITY_POLICY),
  );
  // The app itself works offline: load the demo, sign in and visit every section.
  await loadDemoAndSignIn(page, 'admin');
  await openSection(page, 'Devices');
  await expect(page.getByTestId('device-count')).toContainText('devices');
  for (const name of ['Advisories', 'Incidents', 'Board', 'Settings', 'Devices']) {
    await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  }
  expect(consoleErrors).toEqual([]);

  const outcome = await tryToLeave(page);
  expect(outcome.fetch).toMatch(/^refused/);
  expect(outcome.image).toBe('refused');
  await expect
    .poll(() => violations(page))
    .toEqual(
      expect.arrayContaining([
        { directive: 'connect-src', blocked: 'https://example.org/' },
        { directive: 'img-src', blocked: 'http://192.0.2.1/x.png' },
      ]),
    );
  // Chromium's wording changes between versions; the URL and the policy name do not.
  await expect
    .poll(() => consoleErrors.join('\n'))
    .toMatch(/'https:\/\/example\.org\/'.*Content Security Policy.*connect-src/);
  expect(consoleErrors.join('\n')).toMatch(
    /'http:\/\/192\.0\.2\.1\/x\.png'.*Content Security Policy.*img-src/,
  );
  // Both refusals were provoked here and are checked: only they may stand in the console.
  expect(consoleErrors.filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
  consoleErrors.length = 0;

  // The watch works (it saw the app's own requests) and saw nothing addressed elsewhere.
  expect(network.loopback.some((url) => url.startsWith(harness.url))).toBe(true);
  expect(network.elsewhere).toEqual([]);
});

test('control: with the CSP stripped, the same attempts reach the network layer', async ({
  page,
  harness,
  consoleErrors,
}) => {
  // Proves the test above can fail: if the CSP allowed these requests, the watch would see them.
  const network = await watchNetwork(page);
  await page.route(harness.url, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    const body = (await response.text()).replace(/<meta[^>]*Content-Security-Policy[^>]*>/i, '');
    await route.fulfill({ response, headers, body });
  });
  await page.reload();
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up this station' })).toBeVisible();

  await tryToLeave(page);
  expect(network.elsewhere).toEqual(
    expect.arrayContaining(['https://example.org/', 'http://192.0.2.1/x.png']),
  );
  expect(await violations(page)).toEqual([]);
  // The attempts now fail in the network layer (this machine is offline): the console says so.
  consoleErrors
    .splice(0)
    .forEach((e) => expect(e).toMatch(/example\.org|192\.0\.2\.1|net::ERR_|Failed to fetch/));
});
