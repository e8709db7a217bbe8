/**
 * Settings as an administrator uses it: users (edit, reset, unlock), security, the signing
 * identity (generate, export checked with openssl, import a PKCS#12 made here) and backups
 * (create, verify, restore). Each tab is photographed to test-results/screenshots/settings-*.png.
 */
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoUser, expect, loadDemoAndSignIn, sessionUser, signIn, test } from './fixtures';

/** The viewport as the user sees it (the main area scrolls, so a full-page shot adds nothing). */
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png` });

async function openSettings(page: Page, tab: string) {
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
}

async function tryPin(page: Page, name: string, pin: string) {
  await page.locator('.user-card', { hasText: name }).click();
  await page.getByLabel('PIN or password').fill(pin);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const userRow = (page: Page, name: string) =>
  page.getByRole('row', { name: new RegExp(escaped(name)) });

function openssl(args: string[]): string {
  // Its progress dots go to stderr: not wanted in the test report.
  return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

test('users: roles edited take effect at the next sign-in; a reset credential must be replaced', async ({
  page,
}) => {
  const admin = await loadDemoAndSignIn(page, 'admin');
  const tech = demoUser('technologist');
  await openSettings(page, 'Users');
  const row = userRow(page, tech.displayName);
  await expect(row).toContainText('demo');
  await expect(row).toContainText('Technologist');
  await shot(page, 'settings-users');

  // Give the technologist a second role; the dialog also offers the active state, never delete.
  await page.getByRole('button', { name: `Edit ${tech.displayName}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Full name')).toHaveValue(tech.displayName);
  // The box is a label around a visually hidden checkbox: click what the user clicks.
  await dialog.locator('.role-check', { hasText: 'Clinical engineering (biomed)' }).click();
  await expect(
    dialog.getByRole('checkbox', { name: 'Clinical engineering (biomed)' }),
  ).toBeChecked();
  await dialog.getByLabel('Staff ID (optional)').fill('TECH-0042');
  await expect(dialog.getByRole('checkbox', { name: 'Active: may sign in' })).toBeChecked();
  await expect(dialog.getByRole('button', { name: /delete/i })).toHaveCount(0);
  await shot(page, 'settings-users-edit');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`Changes to ${tech.displayName} saved.`)).toBeVisible();
  await expect(row).toContainText('Technologist, Clinical engineering (biomed)');
  await expect(row).toContainText('TECH-0042');

  // At their next sign-in the technologist chooses between the two roles.
  await signOut(page);
  await page.locator('.user-card', { hasText: tech.displayName }).click();
  await page.locator('.role-option', { hasText: 'Clinical engineering (biomed)' }).click();
  await expect(
    page.getByRole('radio', { name: 'Clinical engineering (biomed)', exact: true }),
  ).toBeChecked();
  await page.getByLabel('PIN or password').fill(tech.pin);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(sessionUser(page)).toContainText('Clinical engineering (biomed)');

  // Not an administrator: Settings shows no Users, Security or Backups tab.
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('tab', { name: 'Signing identity' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Users' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Backups' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Generate identity' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Data and integrity' }).click();
  await expect(page.getByRole('button', { name: 'Check the database' })).toBeVisible();
  await shot(page, 'settings-data');

  // Reset the technologist's credential: the temporary PIN works once, then a new one is chosen.
  await signOut(page);
  await signIn(page, admin.displayName, admin.pin);
  await openSettings(page, 'Users');
  await page.getByRole('button', { name: `Reset PIN or password of ${tech.displayName}` }).click();
  const reset = page.getByRole('dialog');
  await reset.getByLabel('Temporary PIN or password').fill('111111');
  await reset.getByRole('button', { name: 'Set temporary PIN or password' }).click();
  // The services' own rule, shown as it came.
  await expect(reset.getByRole('alert')).toContainText('one repeated digit');
  await reset.getByLabel('Temporary PIN or password').fill('480361');
  await reset.getByRole('button', { name: 'Set temporary PIN or password' }).click();
  await expect(
    page.getByText(`${tech.displayName} must choose a new PIN or password at next sign-in.`),
  ).toBeVisible();
  await expect(row).toContainText('Must choose a new PIN or password');

  await signOut(page);
  await tryPin(page, tech.displayName, '480361');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Choose your own PIN or password' }),
  ).toBeVisible();
  await page.getByLabel('Temporary PIN or password').fill('480361');
  await page.getByLabel('New PIN or password').fill('605182');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(sessionUser(page)).toContainText(tech.displayName);
  await signOut(page);
  await signIn(page, tech.displayName, '605182');
});

test('security: a lower lockout threshold applies; an administrator unlocks the account', async ({
  page,
}) => {
  const admin = await loadDemoAndSignIn(page, 'admin');
  await openSettings(page, 'Security');
  const threshold = page.getByLabel('Failed sign-ins before an account locks');
  await expect(threshold).toHaveValue('5');

  // Out of range: the services' message says so at the field and nothing changes.
  await threshold.fill('2');
  await page.getByRole('button', { name: 'Save security settings' }).click();
  await expect(page.locator('.field-error')).toHaveText('Too small; the least allowed is 3.');
  await expect(threshold).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'settings-security-invalid');

  await threshold.fill('3');
  await page.getByRole('button', { name: 'Save security settings' }).click();
  await expect(page.getByText('Security settings saved.')).toBeVisible();
  await shot(page, 'settings-security');

  // The third wrong PIN now locks the account.
  await signOut(page);
  const lead = demoUser('clinical_lead');
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    await tryPin(page, lead.displayName, '000000');
    await expect(page.getByRole('alert')).toContainText('do not match');
  }
  await tryPin(page, lead.displayName, '000000');
  await expect(page.getByRole('alert')).toContainText(/locked until/);

  // The administrator sees the lock and lifts it; the right PIN works again.
  await page.getByLabel('PIN or password').fill('');
  await signIn(page, admin.displayName, admin.pin);
  await openSettings(page, 'Users');
  const row = userRow(page, lead.displayName);
  await expect(row).toContainText('Locked until');
  await shot(page, 'settings-users-locked');
  await page.getByRole('button', { name: `Unlock the account of ${lead.displayName}` }).click();
  await expect(page.getByText(`${lead.displayName} can sign in again.`)).toBeVisible();
  await expect(row).not.toContainText('Locked until');
  await signOut(page);
  await signIn(page, lead.displayName, lead.pin);
});

test('signing identity: generate, export checked with openssl, lock and unlock, import a PKCS#12', async ({
  page,
}) => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-e2e-signing-'));
  try {
    await loadDemoAndSignIn(page, 'admin');
    await openSettings(page, 'Signing identity');
    // The demo facility comes with a demo identity, marked as such; a real one replaces it.
    await expect(page.getByTestId('signing-subject')).toContainText('DEMO -- not for real records');
    await expect(page.getByTestId('signing-demo')).toContainText('demo-signing-only');
    await shot(page, 'settings-signing-demo');

    const generateForm = page.getByRole('form', { name: 'Generate a new identity' });
    await generateForm.getByLabel('Organisation name').fill('St. Elsewhere Hospital');
    await generateForm.getByLabel('New signing passphrase').fill('short');
    await generateForm.getByLabel('Signing passphrase again').fill('short');
    await generateForm.getByRole('button', { name: 'Generate identity' }).click();
    await expect(generateForm.getByRole('alert')).toContainText('at least 12 characters');
    await shot(page, 'settings-signing-invalid');

    const passphrase = 'correct horse battery staple';
    await generateForm.getByLabel('New signing passphrase').fill(passphrase);
    await generateForm.getByLabel('Signing passphrase again').fill(passphrase);
    await generateForm.getByRole('button', { name: 'Generate identity' }).click();
    const fingerprint = page.getByTestId('signing-fingerprint');
    await expect(fingerprint).toHaveText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    await expect(page.getByTestId('signing-subject')).toContainText('St. Elsewhere Hospital');
    await expect(page.getByTestId('signing-session')).toHaveText('Unlocked: PDFs can be signed');
    const shown = (await fingerprint.textContent()) ?? '';
    await page
      .getByRole('heading', { level: 2, name: 'Signing identity' })
      .scrollIntoViewIfNeeded();
    await shot(page, 'settings-signing');

    // The saved PEM is the certificate whose fingerprint is shown.
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save certificate (PEM)' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^standalone-signing-[0-9A-F]{8}\.pem$/);
    const pemFile = path.join(work, download.suggestedFilename());
    await download.saveAs(pemFile);
    const printed = openssl(['x509', '-noout', '-fingerprint', '-sha256', '-in', pemFile]);
    expect(printed.trim().split('=')[1]).toBe(shown);

    const derPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save certificate (DER, .cer)' }).click();
    const der = await derPromise;
    const derFile = path.join(work, der.suggestedFilename());
    await der.saveAs(derFile);
    const derPrinted = openssl(
      ['x509', '-inform', 'DER', '-noout', '-fingerprint', '-sha256'].concat(['-in', derFile]),
    );
    expect(derPrinted.trim().split('=')[1]).toBe(shown);

    // Lock, a wrong passphrase is refused, the right one unlocks.
    await page.getByRole('button', { name: 'Lock now' }).click();
    await expect(page.getByTestId('signing-session')).toHaveText(
      'Locked: the passphrase is needed to sign',
    );
    await page.getByLabel('Signing passphrase', { exact: true }).fill('not the passphrase');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('The passphrase is not correct');
    await page.getByLabel('Signing passphrase', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(page.getByTestId('signing-session')).toHaveText('Unlocked: PDFs can be signed');

    // A PKCS#12 from "the hospital's PKI", made here with openssl.
    const key = path.join(work, 'pki.key');
    const cert = path.join(work, 'pki.pem');
    const p12 = path.join(work, 'hospital.p12');
    openssl(
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert].concat([
        '-days',
        '30',
        '-subj',
        '/CN=Hospital PKI Signing/O=St. Elsewhere',
      ]),
    );
    openssl(
      ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12].concat([
        '-passout',
        'pass:from the pki',
      ]),
    );
    const expected = openssl(['x509', '-noout', '-fingerprint', '-sha256', '-in', cert])
      .trim()
      .split('=')[1];

    await page.locator('input[type="file"]').setInputFiles(p12);
    await expect(page.getByText('hospital.p12')).toBeVisible();
    await page.getByLabel('Password of the file').fill('from the pki');
    const importForm = page.getByRole('form', { name: "Import the hospital's certificate" });
    await importForm.getByLabel('New signing passphrase').fill('another long passphrase');
    await importForm.getByLabel('Signing passphrase again').fill('another long passphrase');
    await shot(page, 'settings-signing-import');
    await importForm.getByRole('button', { name: 'Import' }).click();
    await expect(fingerprint).toHaveText(expected ?? 'missing');
    await expect(page.getByTestId('signing-subject')).toContainText('Hospital PKI Signing');
    // The demo identity and the one generated above are both kept for verifying old PDFs.
    await expect(page.getByText('2 earlier identities are kept')).toBeVisible();
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('backups: create, verify, change something, restore, and the change is gone', async ({
  page,
}) => {
  const admin = await loadDemoAndSignIn(page, 'admin');
  await openSettings(page, 'Backups');
  await expect(page.getByText('No backups in this folder yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Back up now' }).click();
  const created = page.getByTestId('backup-created');
  await expect(created).toContainText(/Backup written: standalone-.*-schema\d+\.sqlite/);
  await expect(created).toContainText(/[0-9a-f]{64}/);
  await expect(created).toContainText('bytes');
  const fileName = (await page.locator('.backup-file-name').first().textContent()) ?? '';
  expect(fileName).toMatch(/^standalone-.*\.sqlite$/);

  await page.getByRole('button', { name: `Verify ${fileName}` }).click();
  await expect(page.getByText(`${fileName} is intact: every check passed.`)).toBeVisible();
  await expect(page.getByText('Audit trail: passed')).toBeVisible();
  await page.getByRole('button', { name: 'Back up now' }).scrollIntoViewIfNeeded();
  await shot(page, 'settings-backups');

  // Automatic backups: the services' range check, then a valid change.
  await page.getByLabel('Minutes between automatic backups').fill('1');
  await page.getByRole('button', { name: 'Save automatic backups' }).click();
  await expect(page.locator('.field-error')).toHaveText('Too small; the least allowed is 5.');
  await page.getByLabel('Minutes between automatic backups').fill('120');
  await page.getByLabel('Automatic backups kept').fill('14');
  await page.getByRole('button', { name: 'Save automatic backups' }).click();
  await expect(page.getByText('Automatic backup settings saved.')).toBeVisible();
  await shot(page, 'settings-backups-automatic');

  // A change after the backup: a new user.
  await openSettings(page, 'Users');
  await page.getByLabel('Full name').fill('Temporary Locum');
  await page.locator('.role-check', { hasText: 'Technologist' }).click();
  await expect(page.getByRole('checkbox', { name: 'Technologist' })).toBeChecked();
  await page.getByLabel('Temporary PIN or password').fill('583920');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('row', { name: /Temporary Locum/ })).toBeVisible();

  await openSettings(page, 'Backups');
  await page.getByRole('button', { name: `Restore ${fileName}` }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('The backup is verified first');
  await expect(dialog).toContainText('The current database is kept aside');
  await expect(dialog).toContainText('Everyone at this station is signed out');
  await shot(page, 'settings-backups-restore');
  await dialog.getByRole('button', { name: 'Verify and restore' }).click();
  await expect(dialog).toContainText(`Restored from ${fileName}.`);
  await expect(dialog).toContainText('is kept as');
  await dialog.getByRole('button', { name: 'Sign in again' }).click();

  // Signed out; the user added after the backup is gone.
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.locator('.user-card', { hasText: 'Temporary Locum' })).toHaveCount(0);
  await signIn(page, admin.displayName, admin.pin);
  await openSettings(page, 'Users');
  await expect(page.getByRole('row', { name: /Temporary Locum/ })).toHaveCount(0);
});
