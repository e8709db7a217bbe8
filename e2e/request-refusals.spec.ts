import { shot } from './case-steps';
import { caseOf, inLanguage, openIncident, test } from './facility-stations';
import { expect } from './fixtures';

const refusal = {
  en: 'No one with staff ID NOT-HERE-1 has an account at the station holding the case: the case was not assigned there.',
  de: 'Niemand mit der Personalnummer NOT-HERE-1 hat an der Station, die den Fall führt, ein Konto: Der Fall wurde dort nicht zugewiesen.',
};

test('a request the station holding the case refused reads in the command post’s language, on the Board and the Exchange page', async ({
  facility: { post, exchange, enrol },
}) => {
  const laptop = await enrol('NM laptop 2', { incident: 'with NM-0003' });
  await openIncident(post, false);
  await exchange([laptop], [post]);

  // The commander asks the laptop to assign NM-0003 to a staff ID no one there has.
  const stations = await post.api('stations.list', {});
  const laptopId = stations.find((s) => s.name === 'NM laptop 2')?.stationId ?? '';
  const sent = await post.api('requests.assign', {
    remoteCases: [{ stationId: laptopId, caseId: await caseOf(laptop, 'NM-0003') }],
    assigneeStaffId: 'NOT-HERE-1',
  });
  expect(sent.requested).toHaveLength(1);
  await exchange([post], [laptop]);
  await exchange([laptop], [post]);

  const { page } = post;
  await inLanguage(post, 'en', 'Board');
  const notice = page.getByTestId('board-request-refusals');
  await expect(notice).toContainText(`NM-0003 at NM laptop 2: ${refusal.en}`);
  await shot(page, 'request-refused-board-en-1024');
  await inLanguage(post, 'en', 'Exchange');
  const requests = page.getByTestId('exchange-requests');
  await expect(requests).toContainText(`Refused: ${refusal.en}`);
  await requests.scrollIntoViewIfNeeded();
  await shot(page, 'request-refused-exchange-en-1024');

  await inLanguage(post, 'de', 'Lagebild');
  await expect(notice).toContainText(`NM-0003 bei NM laptop 2: ${refusal.de}`);
  await expect(notice).not.toContainText('No one');
  await shot(page, 'request-refused-board-de-1024');
  await inLanguage(post, 'de', 'Austausch');
  await expect(requests).toContainText(`Abgelehnt: ${refusal.de}`);
  await expect(requests).not.toContainText('No one');
  await requests.scrollIntoViewIfNeeded();
  await shot(page, 'request-refused-exchange-de-1024');
});
