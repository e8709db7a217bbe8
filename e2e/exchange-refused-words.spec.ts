/**
 * Bundles the command post refuses, on its Exchange page at 1024×768 in German and in English:
 * the reason in the station's language, what the system said only behind „Details“.
 * Screenshots: test-results/screenshots/exchange-refused-bundles-{de,en}-1024.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { shot } from './case-steps';
import { inLanguage, test } from './facility-stations';
import { expect } from './fixtures';

test('bundles refused here are worded in the station’s language, the system’s words behind Details', async ({
  page,
  facility,
}) => {
  test.setTimeout(600_000);
  const laptop = await facility.enrol('NM laptop 2');
  const written = await laptop.api('exchange.export', { outDir: facility.folder });
  // The bundle changed after it was signed, and a file that is no bundle at all.
  const changed = path.join(facility.folder, 'changed.p7m');
  const bytes = fs.readFileSync(written.file);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at] as number) ^ 0x20;
  fs.writeFileSync(changed, bytes);
  const notes = path.join(facility.folder, 'notes.txt');
  fs.writeFileSync(notes, 'hello\n');
  fs.rmSync(written.file);
  await facility.post.api('exchange.import', { files: [changed, notes] });

  const problems = page.locator('section[aria-labelledby="exchange-problems-title"]');
  await inLanguage(facility.post, 'de', 'Austausch');
  await expect(problems).toContainText(
    /changed\.p7m: Abgelehnt \(Signatur\): Die Signatur der Station „NM laptop 2“ \(.+\) passt nicht zum Inhalt: Die Datei wurde nach dem Signieren verändert\./,
  );
  await expect(problems).toContainText(
    'notes.txt: Kein Bündel (Datei): Die Datei ist kein Bündel dieser App (kein signierter Bündelumschlag)',
  );
  await expect(problems).not.toContainText(/the signature|does not match|not a bundle/i);
  const details = problems.locator('details.error-details');
  await expect(details).toHaveCount(1);
  await expect(details.locator('summary')).toHaveText('Details');
  await expect(details.locator('.error-code')).toBeHidden();
  await details.locator('summary').click();
  await expect(details.locator('.error-code')).toHaveText('it does not start with a DER SEQUENCE');
  await problems.scrollIntoViewIfNeeded();
  await shot(page, 'exchange-refused-bundles-de-1024');

  await inLanguage(facility.post, 'en', 'Exchange');
  await expect(problems).toContainText(
    /changed\.p7m: Refused \(signature\): the signature of station "NM laptop 2" \(.+\) does not match the content: the file was changed after it was signed\./,
  );
  await expect(problems).toContainText(
    'notes.txt: Not a bundle (file): the file is not a bundle of this app (not a signed bundle envelope)',
  );
  await problems.scrollIntoViewIfNeeded();
  await shot(page, 'exchange-refused-bundles-en-1024');
});
