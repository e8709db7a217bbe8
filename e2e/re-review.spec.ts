import { bundledAdvisoryRevisionTwo } from '../electron/services/test/advisory-revision';
import { callApi, shot } from './case-steps';
import { demoUser, expect, loadDemoAndSignIn, sessionUser, test } from './fixtures';

test('a new advisory revision flags the open case; only biomed or IT security acknowledge it', async ({
  page,
  request,
  harness,
}) => {
  test.setTimeout(300_000);
  await loadDemoAndSignIn(page, 'biomed');
  const report = await callApi(request, harness, 'demo.walkthrough', {});
  const deferred = report.cases.find(
    (c) => c.trackingId === 'ICSMA-17-215-02' && c.state === 'deferred',
  );
  if (!deferred) throw new Error('the walkthrough leaves a deferred ICSMA-17-215-02 case');
  const imported = await callApi(request, harness, 'advisories.import', {
    fileName: 'icsma-17-215-02.v2.json',
    content: bundledAdvisoryRevisionTwo('Updated mitigations.'),
  });
  expect(imported.outcome).toBe('revised');

  // The technologist sees the flag and who must act on it, and no button.
  const tech = demoUser('technologist');
  await callApi(request, harness, 'session.handOver', { staffId: tech.staffId, secret: tech.pin });
  const caseUrl = `${page.url().split('#')[0]}#/incidents/${report.incidentId}/case/${deferred.caseId}`;
  await page.goto(caseUrl);
  await page.reload();
  await expect(sessionUser(page)).toContainText(tech.displayName);
  const notice = page.getByRole('status', { name: 'Advisory revision to review' });
  await expect(notice).toContainText('A newer revision of the advisory arrived (1 → 2)');
  await expect(notice).toContainText('A biomed or IT security user acknowledges');
  await expect(notice.getByRole('button')).toHaveCount(0);
  await shot(page, 're-review-technologist');

  // The biomed acknowledges it: the case now relies on revision 2 and the flag is gone.
  const biomed = demoUser('biomed');
  await callApi(request, harness, 'session.handOver', {
    staffId: biomed.staffId,
    secret: biomed.pin,
  });
  await page.reload();
  await expect(sessionUser(page)).toContainText(biomed.displayName);
  await shot(page, 're-review-biomed');
  await notice.getByRole('button', { name: /I have reviewed revision 2/ }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.locator('.case-advisory-id')).toContainText('ICSMA-17-215-02, revision 2');
  await shot(page, 're-review-acknowledged');
});
