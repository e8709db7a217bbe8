/**
 * A backup SQLite cannot read, verified on a German station at 1024×768: the check says what is
 * wrong in German, and SQLite's own words wait behind „Details“.
 * Screenshot: test-results/screenshots/de-backup-unreadable-1024.png.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { shot } from './case-steps';
import { expect, loadDemoAndSignIn, test } from './fixtures';

test.use({ viewport: { width: 1024, height: 768 } });

test('a backup that is not a database is described in German, SQLite’s words behind Details', async ({
  page,
  dataDir,
}) => {
  await loadDemoAndSignIn(page, 'admin');
  await page.evaluate(() => localStorage.setItem('standalone.language', 'de'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.getByRole('navigation').getByRole('link', { name: 'Einstellungen' }).click();
  await page.getByRole('tab', { name: 'Backups' }).click();
  await page.getByRole('button', { name: 'Jetzt sichern' }).click();
  const created = page.getByTestId('backup-created');
  await expect(created).toContainText(/standalone-.*\.sqlite/);
  const name = /standalone-\S*?\.sqlite/.exec((await created.textContent()) ?? '')?.[0] ?? '';

  // The file spoiled, its checksum rewritten to match: only opening it can tell.
  const file = path.join(dataDir, 'backups', name);
  fs.writeFileSync(file, 'this is not a database\n'.repeat(100));
  const sha = execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0] ?? '';
  fs.writeFileSync(`${file}.sha256`, `${sha}  ${name}\n`);
  fs.rmSync(file.replace(/\.sqlite$/, '.manifest.json'), { force: true });

  await page.getByRole('button', { name: `${name} prüfen` }).click();
  const check = page.locator('.verification-checks li[data-status="failed"]');
  await expect(check).toContainText('keine Datenbank, die SQLite lesen kann');
  const details = check.locator('details');
  await expect(details.locator('.error-code')).toBeHidden();
  await details.locator('summary').click();
  await expect(details.locator('.error-code')).toContainText('not a database');
  // SQLite's English is only in Details, never in the sentence people read.
  const sentence = await check.evaluate((li) => {
    const copy = li.cloneNode(true) as HTMLElement;
    copy.querySelector('details')?.remove();
    return copy.textContent ?? '';
  });
  expect(sentence).toContain('Die Datei ist beschädigt');
  expect(sentence).not.toMatch(/not a database|SQLITE_/);
  await check.scrollIntoViewIfNeeded();
  await shot(page, 'de-backup-unreadable-1024');
});
