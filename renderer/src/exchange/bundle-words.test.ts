import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleExport, BundleImportOutcome } from '../../../electron/api/domains/exchange';
import {
  call,
  enrol,
  startCommandPost,
  startFloorStation,
} from '../../../electron/services/stations/test/stations-setup';
import { selfRow } from '../../../electron/services/stations/station-store';
import { signInAs, tempDir, type TestRuntime } from '../../../electron/services/test/temp-runtime';
import { tFor } from '../i18n/test/translator';
import { outcomeReason } from './bundle-words';

/**
 * Why this station refused or held a bundle, in its language: real data folders (a command post
 * and a floor station), real bundles, changed after signing, cut short, not bundles at all, or
 * starting after a gap; the Exchange page's lists say the same.
 */
const slow = { timeout: 300_000 };
let post: TestRuntime;
let floor: TestRuntime;
let folder: ReturnType<typeof tempDir>;
let first: BundleExport;
let floorId = '';

beforeAll(async () => {
  post = await startCommandPost();
  floor = await startFloorStation('NM laptop 2');
  await enrol(post, floor);
  folder = tempDir('standalone-bundle-words-');
  first = await call(floor, 'exchange.export', { outDir: folder.dir });
  floorId = selfRow(floor.services.db)?.station_id ?? '';
}, 300_000);
afterAll(() => {
  post.cleanup();
  floor.cleanup();
  folder.cleanup();
});

async function importAtPost(file: string): Promise<BundleImportOutcome> {
  const [r] = (await call(post, 'exchange.import', { files: [file] })).outcomes;
  if (!r) throw new Error(`no outcome for ${file}`);
  return r;
}

function copyWith(name: string, change: (bytes: Buffer) => Buffer): string {
  const target = path.join(folder.dir, name);
  fs.writeFileSync(target, change(fs.readFileSync(first.file)));
  return target;
}

describe('a bundle this station refuses or holds', () => {
  it('is worded in the station’s language, the system’s words behind Details', slow, async () => {
    const [de, en] = [await tFor('de'), await tFor('en')];
    const flipped = copyWith('flipped.p7m', (b) => {
      const c = Buffer.from(b);
      const at = Math.floor(c.length / 2);
      c[at] = (c[at] as number) ^ 0x20;
      return c;
    });
    const signature = await importAtPost(flipped);
    expect(signature).toMatchObject({
      status: 'refused',
      step: 'signature',
      words: { key: 'bundleSignatureMismatch', params: { station: 'NM laptop 2', id: floorId } },
    });
    expect(outcomeReason(en, signature)).toBe(signature.reason);
    expect(outcomeReason(en, signature)).toBe(
      `the signature of station "NM laptop 2" (${floorId}) does not match the content: the file was changed after it was signed. Ask that station for the bundle again.`,
    );
    expect(outcomeReason(de, signature)).toBe(
      `Die Signatur der Station „NM laptop 2“ (${floorId}) passt nicht zum Inhalt: Die Datei wurde nach dem Signieren verändert. Bitten Sie diese Station erneut um das Bündel.`,
    );

    const truncated = await importAtPost(copyWith('truncated.p7m', (b) => b.subarray(0, -100)));
    expect(truncated).toMatchObject({ status: 'refused', words: { key: 'bundleTruncated' } });
    expect(outcomeReason(de, truncated)).toMatch(/^Die Datei hat \d+ Bytes, .* abgeschnitten\./);
    expect(outcomeReason(en, truncated)).toBe(truncated.reason);

    // Not a bundle: the sentence says so in words; the parser's words go behind Details only.
    const notes = await importAtPost(copyWith('notes.txt', () => Buffer.from('hello\n')));
    expect(notes).toMatchObject({
      status: 'not_a_bundle',
      words: { key: 'bundleNotAnEnvelope' },
      technical: 'it does not start with a DER SEQUENCE',
    });
    expect(outcomeReason(de, notes)).toBe(
      'Die Datei ist kein Bündel dieser App (kein signierter Bündelumschlag)',
    );
    expect(outcomeReason(en, notes)).toBe(
      'the file is not a bundle of this app (not a signed bundle envelope)',
    );
    expect(notes.reason).toContain('DER SEQUENCE');

    const gone = await importAtPost(path.join(folder.dir, 'gone.p7m'));
    expect(outcomeReason(de, gone)).toBe(
      'Die Datei kann nicht gelesen werden. Prüfen Sie, ob sie noch da ist und gelesen werden darf.',
    );

    // The Exchange page's list of refused bundles carries the same words.
    const status = await call(post, 'exchange.status', {});
    const listed = status.refused.find((o) => path.basename(o.file) === 'flipped.p7m');
    expect(listed?.words).toEqual(signature.words);
    for (const f of ['flipped.p7m', 'truncated.p7m', 'notes.txt']) {
      fs.rmSync(path.join(folder.dir, f));
    }
  });

  it('held after a gap, names the gap in the station’s language', slow, async () => {
    const [de, en] = [await tFor('de'), await tFor('en')];
    // The floor learns how far the command post has its chain, then records more.
    await importAtPost(first.file);
    const fromPost = await call(post, 'exchange.export', { outDir: folder.dir });
    await call(floor, 'exchange.import', { files: [fromPost.file] });
    await signInAs(floor, 'biomed');
    const second = await call(floor, 'exchange.export', { outDir: folder.dir });
    expect(second.fromId).toBe(first.headId);
    // A station that never had the first bundle holds the second.
    const third = await startFloorStation('Biomed workstation');
    try {
      await enrol(post, third);
      const [held] = (await call(third, 'exchange.import', { files: [second.file] })).outcomes;
      expect(held).toMatchObject({ status: 'held', words: { key: 'bundleGap' } });
      if (!held) throw new Error('no outcome');
      expect(outcomeReason(en, held)).toBe(held.reason);
      expect(outcomeReason(de, held)).toBe(
        `Es beginnt nach Ereignis ${first.headId} der Station „NM laptop 2“ (${floorId}), hier sind aber nur Ereignisse bis 0: Die Ereignisse 1–${first.headId} fehlen (importieren Sie das Bündel, das sie enthält)`,
      );
      const status = await call(third, 'exchange.status', {});
      expect(status.held.map((o) => o.words?.key)).toEqual(['bundleGap']);
    } finally {
      third.cleanup();
    }
  });

  it('from an older app (a sentence only) shows its sentence', async () => {
    const de = await tFor('de');
    const old = { reason: 'it carries no station certificate for its signer' };
    expect(outcomeReason(de, old)).toBe(old.reason);
    expect(outcomeReason(de, { ...old, words: null })).toBe(old.reason);
  });

  it('applied, names each carried advisory not stored here in the station’s language', async () => {
    const [de, en] = await Promise.all([tFor('de'), tFor('en')]);
    const params = { trackingId: 'ICSMA-17-215-02', version: '1', station: 'NM laptop 2' };
    const applied = {
      reason: 'The advisory document ICSMA-17-215-02 version 1 … was not stored here …',
      notStored: [
        { key: 'carriedAdvisoryNotStored' as const, params },
        { key: 'carriedAdvisoryNotStored' as const, params: { ...params, version: '2' } },
      ],
    };
    const german = outcomeReason(de, applied);
    expect(german).toContain(
      'Das Dokument des Sicherheitshinweises ICSMA-17-215-02 Version 1, das die Station ' +
        '„NM laptop 2“ mitschickt, wurde hier nicht gespeichert',
    );
    expect(german).toContain('ICSMA-17-215-02 Version 2,');
    expect(outcomeReason(en, applied)).toContain(
      'The advisory document ICSMA-17-215-02 version 2 that station "NM laptop 2" carries was ' +
        'not stored here',
    );
    // An older outcome without the words shows its English.
    expect(outcomeReason(de, { reason: applied.reason, notStored: null })).toBe(applied.reason);
  });
});
