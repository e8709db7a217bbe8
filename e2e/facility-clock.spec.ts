import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InputOf, MethodName } from '../electron/api/methods';
import {
  answerYesNo,
  callApi,
  item,
  openAssignedCase,
  shot,
  shotTop,
  takeNextStep,
} from './case-steps';
import { demoUser, expect, test } from './fixtures';

// The computer (browser) is in New York; the demo facility is in Zurich. Every time the app
// shows, asks for or prints must be Zurich's.
test.use({ timezoneId: 'America/New_York', viewport: { width: 1024, height: 768 } });

/** "HH:mm" of an instant in a zone, computed here independently of the app. */
function clockIn(zone: string, at: number): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

test('the gate reason, its table and the PDF agree on the facility time, whatever the computer zone', async ({
  page,
  request,
  harness,
}) => {
  test.info().setTimeout(test.info().timeout + 300_000);
  await openAssignedCase(page, request, harness);
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
    'America/New_York',
  );
  await expect(page.locator('.app-zone')).toHaveText('Zurich time');

  await page.getByRole('navigation').getByRole('link', { name: 'My devices' }).click();
  await page.locator('.case-card', { hasText: 'NM-0001' }).click();
  await takeNextStep(page, 'Start the assessment', 'Assessing');

  await answerYesNo(page, 'injected_patients_waiting', true);
  const patients = item(page, 'injected_patients');
  await patients.getByRole('button', { name: 'Add injected patient' }).click();
  await patients.locator('.select-button').click();
  await page.getByRole('option', { name: 'F-18', exact: true }).click();
  const typedAt = Date.now();
  const injectedAt = patients.getByRole('textbox', { name: /Injection time/ });
  await injectedAt.fill('30 min ago');
  // The field says, before saving, which moment it read, in the facility's zone.
  await expect(patients.locator('.field-hint')).toContainText('Zurich time');
  await injectedAt.blur();
  await expect(patients.locator('.save-ok')).toBeVisible();
  const doneAt = Date.now();

  // The injection was 30 minutes before typing; the minute may turn while the test types.
  const expected = new Set([typedAt, doneAt].map((t) => clockIn('Europe/Zurich', t - 30 * 60_000)));
  const newYork = clockIn('America/New_York', typedAt - 30 * 60_000);
  const gate = page.getByTestId('gate');
  await expect(gate.locator('.verdict')).toHaveText('Blocked');
  const reason = (await gate.locator('.gate-reasons').textContent()) ?? '';
  const reasonClock = /injected with F-18 at (\d{2}:\d{2})/.exec(reason)?.[1];
  const tableCell = (await gate.locator('.decay-table tbody tr').first().textContent()) ?? '';
  const tableClock = /\d{4}-\d{2}-\d{2} (\d{2}:\d{2})/.exec(tableCell)?.[1];
  expect(reasonClock).toBeDefined();
  expect(expected).toContain(reasonClock);
  expect(tableClock).toBe(reasonClock);
  expect(reasonClock).not.toBe(newYork);
  await shotTop(page, 'clock-gate-en-1024');
  await gate.scrollIntoViewIfNeeded();
  await shot(page, 'clock-gate-reasons-en-1024');

  // The commander exports the case PDF with the demo signing identity: the same minute.
  const api = <M extends MethodName>(method: M, input: InputOf<M>) =>
    callApi(request, harness, method, input);
  const ic = demoUser('incident_commander');
  await api('session.handOver', { staffId: ic.staffId, secret: ic.pin });
  await api('signing.unlock', { passphrase: 'demo-signing-only' });
  const { cases } = await api('cases.list', {});
  const nm1 = cases.find((c) => c.assetTag === 'NM-0001');
  if (!nm1) throw new Error('no NM-0001 case');
  const pdf = await api('exports.casePdf', { caseId: nm1.caseId });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-e2e-clock-'));
  try {
    const file = path.join(dir, 'case.pdf');
    fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    expect(text).toContain(`injected with F-18 at ${reasonClock}`);
    expect(text).toMatch(new RegExp(`\\d{4}-\\d{2}-\\d{2} ${reasonClock} UTC\\+0[12]:00`));
    expect(text).toContain('DEMO -- not for real records');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
