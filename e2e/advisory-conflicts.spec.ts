import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import canonicalize from 'canonicalize';
import { shot } from './case-steps';
import { handOver, test } from './facility-stations';
import { expect, openSection } from './fixtures';

/**
 * The command post imported ICSMA-18-037-02 as an edited file (a re-published document under the
 * same tracking ID and version); "NM laptop 2" imported it as published. Once the laptop's bundle
 * arrives, the command post's Exchange page lists the difference with both files and digests and
 * says what to do, in English and German. The advisory page lists the current revision first.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixture = (name: string) =>
  fs.readFileSync(path.join(repoRoot, '../shared/fixtures/csaf', name), 'utf8');

interface Tracked {
  document: {
    title: string;
    tracking: {
      version: string;
      current_release_date: string;
      revision_history: { date: string; number: string; summary: string }[];
    };
  };
}

const published = fixture('icsma-18-037-02.json');
const edited = (() => {
  const doc = JSON.parse(published) as Tracked;
  doc.document.title = `${doc.document.title} (re-published)`;
  return JSON.stringify(doc, null, 2);
})();
/** The first 12 digits of the SHA-256 of the document's canonical JSON (RFC 8785). */
const digest = (text: string) =>
  crypto
    .createHash('sha256')
    .update(canonicalize(JSON.parse(text)) ?? '')
    .digest('hex')
    .slice(0, 12);

/** ICSMA-19-080-01 as its publisher's revision 5 (the fixture is revision 4). */
function revisionFive(): string {
  const doc = JSON.parse(fixture('icsma-19-080-01.json')) as Tracked;
  const date = '2021-05-01T00:00:00.000Z';
  doc.document.tracking.version = '5';
  doc.document.tracking.current_release_date = date;
  doc.document.tracking.revision_history.push({ date, number: '5', summary: 'Update D.' });
  return JSON.stringify(doc, null, 2);
}

test('the Exchange page lists an advisory another station holds as a different document; the advisory page lists its current revision first', async ({
  page,
  facility: { post, enrol, exchange },
}) => {
  const floor = await enrol('NM laptop 2');
  await post.api('advisories.import', { fileName: 'icsma-18-037-02-edited.json', content: edited });
  await floor.api('advisories.import', { fileName: 'icsma-18-037-02.json', content: published });
  await exchange([floor], [post]);

  // The advisory page: revision 5 imported after 4 comes first, labelled, 4 after it.
  await post.api('advisories.import', {
    fileName: 'icsma-19-080-01.json',
    content: fixture('icsma-19-080-01.json'),
  });
  await post.api('advisories.import', {
    fileName: 'icsma-19-080-01-v5.json',
    content: revisionFive(),
  });
  // The setup takes minutes on a busy machine: the idle page may have locked the station.
  await handOver(post, 'admin');
  await page.reload();
  // The administrator's home is Settings: wait for it, or its opening overtakes the next click.
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await openSection(page, 'Advisories');
  await page.getByRole('button', { name: 'Open advisory ICSMA-19-080-01' }).click();
  const detail = page.getByRole('article');
  await detail.getByRole('tab', { name: /Revisions/ }).click();
  const imported = detail.getByRole('table', { name: 'Revisions imported at this station' });
  await expect(imported.getByRole('rowheader')).toHaveText(['5 (current)', '4 (older)']);
  await imported.scrollIntoViewIfNeeded();
  await shot(page, 'advisory-revisions-current-first-1024');

  await openSection(page, 'Exchange');
  const conflicts = page.getByTestId('exchange-advisory-conflicts');
  await expect(conflicts.getByRole('listitem')).toHaveCount(1);
  await expect(conflicts).toContainText(
    'ICSMA-18-037-02 version 2: GE Medical Devices Vulnerability (re-published)',
  );
  await expect(conflicts).toContainText(
    `This station ("Command post"): file icsma-18-037-02-edited.json, digest ${digest(edited)}`,
  );
  await expect(conflicts).toContainText(
    `Station "NM laptop 2": file icsma-18-037-02.json, digest ${digest(published)}`,
  );
  const panel = page.getByRole('region', { name: 'Advisories that differ between stations' });
  await expect(panel).toContainText('The incident commander decides which one is authoritative');
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'exchange-advisory-conflicts-1024');

  await page.evaluate(() => localStorage.setItem('standalone.language', 'de'));
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Bereiche' })
    .getByRole('link', { name: 'Austausch', exact: true })
    .click();
  const german = page.getByRole('region', {
    name: 'Sicherheitshinweise, die zwischen Stationen abweichen',
  });
  await expect(german).toContainText('ICSMA-18-037-02 Version 2:');
  await expect(german).toContainText(
    `Station „NM laptop 2“: Datei icsma-18-037-02.json, Prüfsumme ${digest(published)}`,
  );
  await expect(german).toContainText('Die Einsatzleitung entscheidet, welche maßgeblich ist');
  await german.scrollIntoViewIfNeeded();
  await shot(page, 'exchange-advisory-conflicts-de-1024');
  await page.evaluate(() => localStorage.setItem('standalone.language', 'en'));
});
