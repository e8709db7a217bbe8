/**
 * A backup that only an administrator may restore: its chain ends before the latest anchor (a
 * later backup left the app). Restored anyway through Settings → Backups, with the reason on the
 * record. Screenshots: test-results/screenshots/restore-force-*.png.
 */
import type { Page } from '@playwright/test';
import { expect, loadDemoAndSignIn, signIn, test } from './fixtures';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png` });

async function openBackups(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Backups' }).click();
  await expect(page.getByRole('tab', { name: 'Backups' })).toHaveAttribute('aria-selected', 'true');
}

/** Back up now; the file name the app reports. */
async function backUpNow(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Back up now' }).click();
  const created = page.getByTestId('backup-created');
  await expect(created).toContainText(/Backup written: standalone-.*\.sqlite/);
  const text = (await created.textContent()) ?? '';
  const name = /standalone-\S*?\.sqlite/.exec(text)?.[0];
  if (!name) throw new Error(`no backup file name in "${text}"`);
  return name;
}

test('restore: a backup short of the latest anchor is refused, then forced with a recorded reason', async ({
  page,
  harness,
  request,
}) => {
  const admin = await loadDemoAndSignIn(page, 'admin');
  await openBackups(page);
  const older = await backUpNow(page);
  // A later backup carries a later anchor: the older one's history ends before it.
  let newer = older;
  await expect(async () => {
    newer = await backUpNow(page);
    expect(newer).not.toBe(older);
  }).toPass();

  await page.getByRole('button', { name: `Restore ${older}` }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByRole('button', { name: 'Verify and restore' }).click();
  await expect(dialog.getByRole('heading', { name: 'Restore it anyway?' })).toBeVisible();
  await expect(dialog).toContainText('latest anchor');
  await expect(dialog).toContainText(/Latest anchor\W*failed/);
  await shot(page, 'restore-force-refused');

  // Too short a reason is caught at the field; nothing is restored.
  const reasonField = dialog.getByLabel('Why must this backup be restored?');
  await reasonField.fill('because');
  await dialog.getByRole('button', { name: 'Restore anyway' }).click();
  await expect(dialog.getByText(/Say why in at least \d+ characters\./)).toBeVisible();
  await expect(dialog.getByText(`Restored from ${older}.`)).toHaveCount(0);

  const reason = 'The later backup disk failed its checks; restoring the last good copy.';
  await reasonField.fill(reason);
  await shot(page, 'restore-force-reason');
  await dialog.getByRole('button', { name: 'Restore anyway' }).click();
  await expect(dialog).toContainText(`Restored from ${older}.`);
  await expect(dialog).toContainText(`Restored anyway, for the recorded reason: ${reason}`);
  await shot(page, 'restore-force-restored');
  await dialog.getByRole('button', { name: 'Sign in again' }).click();
  await signIn(page, admin.displayName, admin.pin);

  // The restore and its reason are on the record, by the administrator who forced it.
  const response = await request.post(`${harness.url}api/call`, {
    data: { method: 'audit.list', input: { entityType: 'database' } },
    headers: { 'x-standalone-token': harness.token },
  });
  const listed = (await response.json()) as {
    ok: boolean;
    value: { action: string; actorRole: string; payload: Record<string, unknown> }[];
  };
  expect(listed.ok).toBe(true);
  const restored = listed.value.filter((e) => e.action === 'backup.restored');
  expect(restored.at(-1)).toMatchObject({
    actorRole: 'admin',
    payload: { forced: { reason, overridden: ['anchor'] } },
  });
});
