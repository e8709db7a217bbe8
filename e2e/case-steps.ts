/**
 * Steps of the on-floor case screen as a user takes them, for the case and incident specs: answer
 * a checklist item, hand the station over, sign. Each waits for what the user would wait for.
 */
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import type { InputOf, MethodName, ResultOf } from '../electron/api/methods';
import type { Role, SignoffKind } from '../electron/api/permissions';
import { signoffStatement } from '../electron/api/roles';
import type { Result } from '../electron/api/result';
import type { BrowserServer } from '../electron/browser/server';
import { demoUser, expect, loadDemoAndSignIn, sessionUser } from './fixtures';

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png` });

/** A phase as it first shows: the main area scrolled to the top, the next step in view. */
export async function shotTop(page: Page, name: string) {
  await page.evaluate(() => {
    document.getElementById('main')?.scrollTo(0, 0);
    window.scrollTo(0, 0);
  });
  await shot(page, name);
}

/** One API call on the station's session, its outcome as data: for a refusal a test expects. */
export async function apiResult<M extends MethodName>(
  request: APIRequestContext,
  harness: BrowserServer,
  method: M,
  input: InputOf<M>,
): Promise<Result<ResultOf<M>>> {
  const response = await request.post(`${harness.url}api/call`, {
    data: { method, input },
    headers: { 'x-standalone-token': harness.token },
  });
  return (await response.json()) as Result<ResultOf<M>>;
}

/** Setup only: one API call on the station's session (the UI for it is another page's). */
export async function callApi<M extends MethodName>(
  request: APIRequestContext,
  harness: BrowserServer,
  method: M,
  input: InputOf<M>,
): Promise<ResultOf<M>> {
  const result = await apiResult(request, harness, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

export const item = (page: Page, id: string): Locator => page.locator(`[data-item="${id}"]`);

/** Wait until this item shows its saved answer. */
async function saved(page: Page, id: string) {
  await expect(item(page, id).locator('.save-ok')).toBeVisible();
  await expect(page.getByTestId('autosave')).not.toHaveText('Saving…');
}

export async function answerYesNo(page: Page, id: string, value: boolean) {
  await item(page, id)
    .getByRole('radio', { name: value ? 'Yes' : 'No', exact: true })
    .click();
  await expect(
    item(page, id).getByRole('radio', { name: value ? 'Yes' : 'No', exact: true }),
  ).toBeChecked();
  await saved(page, id);
}

/**
 * Assessing after the segment: reachable from the business network (not the internet) with a port
 * open, remotely updatable with a patch available; an F-18 patient injected 30 minutes ago is
 * waiting and everything else is ready, so the patient-safety gate blocks.
 */
export async function answerAssessingGateBlocks(page: Page) {
  await answerChoice(page, 'reachable_from_business_network', 'Yes');
  await answerChoice(page, 'reachable_from_internet', 'No');
  await answerChoice(page, 'ports_filtered', 'No, at least one is open');
  await answerYesNo(page, 'remote_update_capable', true);
  await answerChoice(page, 'patch_availability', 'Yes, available now');
  await answerYesNo(page, 'acquisition_running', false);
  await answerYesNo(page, 'injected_patients_waiting', true);
  const patients = item(page, 'injected_patients');
  await patients.getByRole('button', { name: 'Add injected patient' }).click();
  await patients.locator('.select-button').click();
  await page.getByRole('option', { name: 'F-18', exact: true }).click();
  const injectedAt = patients.getByRole('textbox', { name: /Injection time/ });
  await injectedAt.fill('30 min ago');
  await injectedAt.blur();
  await expect(patients.locator('.save-ok')).toBeVisible();
  await answerYesNo(page, 'studies_upcoming', false);
  await answerYesNo(page, 'paper_orders_ready', true);
  await answerYesNo(page, 'downtime_log_ready', true);
  await answerYesNo(page, 'local_image_reading_ready', true);
}

export async function answerChoice(page: Page, id: string, label: string) {
  await item(page, id).locator('.choice-option').getByText(label, { exact: true }).click();
  await saved(page, id);
}

export async function answerText(page: Page, id: string, value: string) {
  const input = item(page, id).getByRole('textbox');
  await input.fill(value);
  await input.press('Tab');
  await saved(page, id);
}

export async function answerNow(page: Page, id: string) {
  await item(page, id).getByRole('button', { name: /^Now/ }).click();
  await saved(page, id);
}

/** The standalone operation log: two studies done locally, no temporary registrations or media. */
export async function answerStandaloneLog(page: Page) {
  await answerText(page, 'studies_done_locally', '2');
  await answerText(page, 'temporary_registrations', '0');
  await answerChoice(page, 'removable_media', 'No removable media were used');
}

/** The patch record of a patch installed on site by the vendor's engineer (its time: the default). */
export async function recordOnSitePatch(page: Page) {
  await answerText(page, 'vendor_fix_id', 'MS15-034 (KB3042553)');
  await answerChoice(page, 'update_method', 'On site, by an engineer at the device');
  await answerText(page, 'onsite_engineer', 'Vendor field engineer');
  await answerChoice(page, 'patch_result', 'Installed');
}

/** Every check of the verification answered Yes (the sign-offs are the caller's). */
export async function passVerificationChecks(page: Page) {
  const checks = [
    'patch_level_matches',
    'daily_qc_passed',
    'clock_in_sync',
    'exposed_ports_closed',
  ];
  for (const id of checks) await answerYesNo(page, id, true);
}

/** The reconnection checks passed and the two studies done locally sent to PACS. */
export async function answerReconnection(page: Page) {
  await answerYesNo(page, 'dicom_echo_ok', true);
  await answerYesNo(page, 'test_study_committed', true);
  await answerText(page, 'backlog_sent_count', '2');
}

/** Hand the station over through the header, as the demo user holding `role`. */
export async function handOver(page: Page, role: Role) {
  const user = demoUser(role);
  await page.getByRole('button', { name: 'Hand over' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Hand over this station' }),
  ).toBeVisible();
  await page.locator('.user-card', { hasText: user.displayName }).click();
  await page.getByLabel('PIN or password').fill(user.pin);
  await page.getByRole('button', { name: 'Take over the station' }).click();
  await expect(sessionUser(page)).toContainText(user.displayName, { timeout: 60_000 });
  await expect(page.getByTestId('case-page')).toBeVisible();
}

/** Sign the case's pending sign-off of `kind` as the signed-in demo user of `role`. */
export async function signOff(page: Page, kind: string, role: Role, shotName?: string) {
  const row = page.locator(`.signoff[data-kind="${kind}"]`);
  await row.getByRole('button', { name: /^Sign/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('sign-statement')).toBeVisible();
  await dialog.getByLabel('Your PIN or password').fill(demoUser(role).pin);
  if (shotName) await shot(page, shotName);
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await expect(row).toContainText('Signed by');
}

/** The sign-off row's and the co-sign dialog's words, in the station's language. */
export const signWords = {
  en: {
    language: 'en',
    sign: /^Sign/,
    secret: 'PIN or password of the person who signs',
    signedBy: 'Signed by',
  },
  de: {
    language: 'de',
    sign: /^Unterschreiben/,
    secret: 'PIN oder Passwort der unterschreibenden Person',
    signedBy: 'Unterschrieben von',
  },
};

/**
 * The demo user of `role` gives the case's pending sign-off of `kind` at a station someone else
 * holds: the button says who is needed, the only person who may is already picked, they type
 * their own PIN and press Enter. No hand-over.
 */
export async function coSign(
  page: Page,
  kind: string,
  role: Role,
  shotName?: string,
  words = signWords.en,
) {
  const user = demoUser(role);
  const row = page.locator(`.signoff[data-kind="${kind}"]`);
  await row.getByRole('button', { name: words.sign }).click();
  const dialog = page.getByRole('dialog');
  // The person signs the words they read: the kind's statement in the station's language.
  await expect(dialog.getByTestId('sign-statement')).toHaveText(
    signoffStatement(kind as SignoffKind, words.language),
  );
  await expect(dialog.locator('.user-card', { hasText: user.displayName })).toHaveAttribute(
    'data-selected',
    'true',
  );
  const secret = dialog.getByLabel(words.secret);
  await secret.fill(user.pin);
  if (shotName) await shot(page, shotName);
  await secret.press('Enter');
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await expect(row).toContainText(`${words.signedBy} ${user.displayName}`);
}

export const nextStep = (page: Page) => page.getByTestId('next-step');

/** Press the one next action and wait for the state it leads to. */
export async function takeNextStep(page: Page, action: string, stateLabel: string) {
  const button = nextStep(page).getByRole('button', { name: action });
  await expect(button).toBeEnabled();
  await button.click();
  await expect(page.getByTestId('case-state')).toHaveText(stateLabel);
}

/**
 * Setup through the API (the pages for it are tested elsewhere): the biomed confirms that NM-0001
 * is affected by ICSMA-17-215-02, the commander opens an incident for it and assigns the case to
 * the demo technologist, who then takes the station.
 */
export async function openAssignedCase(
  page: Page,
  request: APIRequestContext,
  harness: BrowserServer,
) {
  await loadDemoAndSignIn(page, 'biomed');
  const api = <M extends MethodName>(method: M, input: InputOf<M>) =>
    callApi(request, harness, method, input);
  const { matches } = await api('matches.list', { status: 'suggested', limit: 500 });
  const match = matches.find((m) => m.assetTag === 'NM-0001' && m.trackingId === 'ICSMA-17-215-02');
  if (!match) throw new Error('The demo has no suggested NM-0001 / ICSMA-17-215-02 match');
  await api('matches.confirm', { id: match.id, reason: 'Checked on the device.' });
  const ic = demoUser('incident_commander');
  const { user: commander } = await api('session.handOver', {
    staffId: ic.staffId,
    secret: ic.pin,
  });
  if (!commander) throw new Error('The commander did not take the station');
  const now = Date.now();
  const created = await api('incidents.create', {
    name: 'Night response',
    commanderUserId: commander.id,
    operationalPeriod: {
      start: new Date(now).toISOString(),
      end: new Date(now + 12 * 3_600_000).toISOString(),
    },
    advisoryIds: [match.advisoryId],
  });
  const { cases } = await api('cases.list', {
    incidentId: created.incident.id,
  });
  const users = await api('session.listUsers', {});
  const tech = demoUser('technologist');
  const techId = users.find((u) => u.staffId === tech.staffId)?.id;
  if (techId === undefined) throw new Error('The demo has no technologist');
  await api('cases.assign', { caseIds: cases.map((c) => c.caseId), assigneeUserId: techId });
  await api('session.handOver', { staffId: tech.staffId, secret: tech.pin });
  await page.reload();
  await expect(sessionUser(page)).toContainText(tech.displayName);
  return created.incident.id;
}

/** The technologist's My devices page, with NM-0001's case assigned to them: its card. */
export async function assignedCaseCard(
  page: Page,
  request: APIRequestContext,
  harness: BrowserServer,
): Promise<Locator> {
  await openAssignedCase(page, request, harness);
  await page.goto(`${harness.url}#/my-devices`);
  return page.locator('.case-card', { hasText: 'NM-0001' });
}
