import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import path from 'node:path';
import { assignedCaseCard, item, nextStep, shot } from './case-steps';
import { createFirstAdmin, expect, sessionUser, test } from './fixtures';

// Every form says what is missing at the field when it is submitted; the smallest window.
test.use({ viewport: { width: 1024, height: 768 } });

const problem = (page: Page, text: string | RegExp) =>
  page.locator('.field-error', { hasText: text });

test('first run, add user and sign-in say what is missing at each field, in English and German', async ({
  page,
}) => {
  // Several PINs are hashed (deliberately slow) on a busy machine.
  test.setTimeout(420_000);
  // First run submitted empty: each field says what it needs, nothing is sent.
  const create = page.getByRole('button', { name: 'Create administrator and sign in' });
  await create.click();
  await expect(problem(page, "Type the person's full name.")).toBeVisible();
  await expect(problem(page, 'Choose a PIN of at least 6 digits')).toBeVisible();
  await shot(page, 'form-problems-first-run-en');

  // A PIN too short is the service's rule: said at the PIN field, not as a general failure.
  await page.getByLabel('Full name').fill('Ada Admin');
  await page.getByLabel('PIN or password', { exact: true }).fill('123');
  await page.getByLabel('PIN or password again').fill('124');
  await create.click();
  await expect(problem(page, 'The two entries are not the same')).toBeVisible();
  await page.getByLabel('PIN or password again').fill('123');
  await create.click();
  await expect(problem(page, 'this one has 3')).toBeVisible();
  await expect(page.locator('.error-message')).toHaveCount(0);
  await page.reload();
  await createFirstAdmin(page, 'Ada Admin', '40718253');

  // Add user with nothing: the name, a role (none of the six boxes is required on its own) and
  // the PIN each say so.
  const add = page.getByRole('button', { name: 'Add user' });
  await add.click();
  await expect(problem(page, "Type the person's full name.")).toBeVisible();
  await expect(problem(page, 'Tick at least one role.')).toBeVisible();
  await expect(problem(page, 'Type a temporary PIN or password')).toBeVisible();
  for (const box of await page.getByRole('checkbox').all()) {
    await expect(box).not.toHaveAttribute('required');
  }
  await page.getByLabel('Full name').fill('Night Nurse');
  await page.locator('.role-check', { hasText: 'Technologist' }).click();
  await page.getByLabel('Temporary PIN or password').fill('123');
  await add.click();
  await expect(problem(page, 'this one has 3')).toBeVisible();
  await expect(problem(page, 'Tick at least one role.')).toHaveCount(0);
  await page.getByLabel('Temporary PIN or password').scrollIntoViewIfNeeded();
  await shot(page, 'form-problems-add-user-en');
  await page.getByLabel('Temporary PIN or password').fill('583920');
  await add.click();
  await expect(page.getByRole('row', { name: /Night Nurse/ })).toBeVisible();

  // Edit user with the name cleared and no role left: each said at its field, nothing saved.
  await page.getByRole('button', { name: 'Edit Night Nurse' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Night Nurse' });
  await edit.getByLabel('Full name').fill('');
  await edit.locator('.role-check', { hasText: 'Technologist' }).click();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(
    edit.locator('.field-error', { hasText: "Type the person's full name." }),
  ).toBeVisible();
  await expect(edit.locator('.field-error', { hasText: 'Tick at least one role.' })).toBeVisible();
  await shot(page, 'form-problems-edit-user-en');
  await edit.getByLabel('Full name').fill('Night Nurse');
  await edit.locator('.role-check', { hasText: 'Technologist' }).click();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Night Nurse.*Technologist/ })).toBeVisible();

  // Sign in without a name or PIN; then a wrong PIN, worded for people.
  await page.getByRole('button', { name: 'Sign out' }).click();
  const signIn = page.getByRole('button', { name: 'Sign in', exact: true });
  await signIn.click();
  await expect(problem(page, 'Pick your name first.')).toBeVisible();
  await expect(problem(page, 'Type your PIN or password.')).toBeVisible();
  await shot(page, 'form-problems-sign-in-en');
  await page.getByRole('button', { name: 'Type my staff ID instead' }).click();
  await signIn.click();
  await expect(problem(page, 'Type your staff ID.')).toBeVisible();
  await page.getByRole('button', { name: 'Pick my name instead' }).click();
  await page.locator('.user-card', { hasText: 'Ada Admin' }).click();
  await page.getByLabel('PIN or password').fill('99999999');
  await signIn.click();
  await expect(page.getByRole('alert')).toContainText(
    'The user and the PIN or password do not match',
  );
  await expect(page.getByRole('alert')).not.toContainText('Something went wrong');

  // The same in German.
  await page.getByRole('button', { name: /Language/ }).click();
  await page.getByRole('option', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(problem(page, 'Wählen Sie zuerst Ihren Namen.')).toBeVisible();
  await expect(problem(page, 'Geben Sie Ihre PIN oder Ihr Passwort ein.')).toBeVisible();
  await shot(page, 'form-problems-sign-in-de');
  // The service's refusal in the station's language.
  await page.locator('.user-card', { hasText: 'Ada Admin' }).click();
  await page.getByLabel('PIN oder Passwort').fill('99999999');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Benutzer und PIN bzw. Passwort passen nicht zusammen.',
  );
  await shot(page, 'form-problems-wrong-pin-de');
  await page.getByLabel('PIN oder Passwort').fill('40718253');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(sessionUser(page)).toContainText('Ada Admin');
  await page.getByRole('button', { name: 'Benutzer hinzufügen' }).click();
  await expect(problem(page, 'Kreuzen Sie mindestens eine Rolle an.')).toBeVisible();
  await page.getByLabel('Vollständiger Name').scrollIntoViewIfNeeded();
  await shot(page, 'form-problems-add-user-de');
});

test('arrow keys in an option group move without saving; Enter saves the option once; no false restored notice', async ({
  page,
  request,
  harness,
}) => {
  await (await assignedCaseCard(page, request, harness)).click();
  await nextStep(page).getByRole('button', { name: 'Start the assessment' }).click();
  await expect(page.getByTestId('case-state')).toHaveText('Assessing');
  await nextStep(page).getByRole('button', { name: 'Answer the questions' }).click();
  const segment = item(page, 'network_segment');
  await expect(segment.getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(segment.getByRole('radio').nth(1)).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(segment.locator('.save-ok')).toBeVisible();
  await expect(page.getByTestId('autosave')).not.toHaveText('Saving…');

  // Text typed and saved leaves no draft: coming back says nothing was restored.
  const segmentName = item(page, 'segment_name').getByRole('textbox');
  await segmentName.fill('VLAN 40 Clinical');
  await segmentName.press('Tab');
  await expect(item(page, 'segment_name').locator('.save-ok')).toBeVisible();
  await expect(page.getByTestId('autosave')).toHaveText('Each answer is saved as you give it.');
  await page.goto(`${harness.url}#/my-devices`);
  await page.locator('.case-card', { hasText: 'NM-0001' }).click();
  await expect(item(page, 'segment_name').getByRole('textbox')).toHaveValue('VLAN 40 Clinical');
  await expect(page.getByTestId('autosave')).toHaveText('Each answer is saved as you give it.');

  // A list's drop-down says what to do in the station's words, not react-aria's own.
  await item(page, 'injected_patients_waiting')
    .getByRole('radio', { name: 'Yes', exact: true })
    .click();
  const patients = item(page, 'injected_patients');
  await patients.getByRole('button', { name: 'Add injected patient' }).click();
  await expect(patients.locator('.select-button')).toContainText('Choose…');
  await expect(patients).not.toContainText('Select an item');

  // One answer recorded: the option committed, none of those the arrows passed.
  const db = new Database(path.join(harness.dataDir, 'standalone.sqlite'), { readonly: true });
  try {
    const answers = db
      .prepare<[], { value: string }>(
        `SELECT json_extract(body, '$.payload') AS value FROM audit_events
          WHERE json_extract(body, '$.action') = 'case.answered'
            AND body LIKE '%network_segment%'`,
      )
      .all();
    expect(answers).toHaveLength(1);
    expect(answers[0]?.value).toContain('shared_clinical');
  } finally {
    db.close();
  }
});
