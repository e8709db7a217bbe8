/**
 * Signing in through the UI, for every spec (re-exported by fixtures.ts):
 * - `loadDemoAndSignIn(page, role)`: on a fresh data folder, load the demo facility from the
 *   first-run screen and sign in as the demo user holding `role` (PINs in resources/demo/users.json).
 * - `signIn(page, displayName, secret)`: on the sign-in screen, pick the name, enter the secret.
 * - `createFirstAdmin(page, displayName, secret)`: on the first-run screen.
 * Each returns once the header shows the signed-in user.
 */
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '../electron/api/permissions';

export interface DemoUser {
  displayName: string;
  staffId: string;
  roles: Role[];
  pin: string;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const demoUsers = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'resources/demo/users.json'), 'utf8'),
) as DemoUser[];

export function demoUser(role: Role): DemoUser {
  const user = demoUsers.find((u) => u.roles.includes(role));
  if (!user) throw new Error(`resources/demo/users.json has no demo user with the role ${role}`);
  return user;
}

/** The header's signed-in user (name and role). */
export const sessionUser = (page: Page) => page.getByTestId('session-user');

export async function signIn(page: Page, displayName: string, secret: string): Promise<void> {
  // Loading the demo takes a while on a busy machine: wait for the screen, not a fixed time.
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible({
    timeout: 30_000,
  });
  // The card is a label around a visually hidden radio: click what the user clicks.
  await page.locator('.user-card', { hasText: displayName }).click();
  await expect(page.getByRole('radio', { name: displayName })).toBeChecked();
  await page.getByLabel('PIN or password').fill(secret);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(sessionUser(page)).toContainText(displayName);
}

export async function loadDemoAndSignIn(page: Page, role: Role = 'admin'): Promise<DemoUser> {
  // Loading the demo hashes six PINs (deliberately slow) on a busy machine: allow for it.
  test.info().setTimeout(test.info().timeout + 120_000);
  await page.getByRole('button', { name: 'Load the demo facility' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible({
    timeout: 120_000,
  });
  const user = demoUser(role);
  await signIn(page, user.displayName, user.pin);
  return user;
}

/** Open a section from the side navigation (each role starts on its own home page). */
export async function openSection(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export async function createFirstAdmin(
  page: Page,
  displayName: string,
  secret: string,
): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Set up this station' })).toBeVisible();
  await page.getByLabel('Full name').fill(displayName);
  await page.getByLabel('PIN or password', { exact: true }).fill(secret);
  await page.getByLabel('PIN or password again').fill(secret);
  await page.getByRole('button', { name: 'Create administrator and sign in' }).click();
  await expect(sessionUser(page)).toContainText(displayName);
}
