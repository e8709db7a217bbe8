import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorWordsIn } from '../../api/error-words';
import { call } from '../stations/test/stations-setup';
import { bundledAdvisoryRevisionTwo } from '../test/advisory-revision';
import { slow } from './test/facility-setup';
import { startPostAndLaptop, type PostAndLaptop } from './test/post-and-laptop';

/**
 * The command post imported its own revision 2 of ICSMA-17-215-02; the laptop imports a differing
 * revision 2 under the same tracking ID and version. The laptop's bundle is applied, but its
 * document is not stored at the command post: the outcome names it in catalogue words, what the
 * import found behind Details.
 */

const operator = { kind: 'operator', osUser: 'test' } as const;
let f: PostAndLaptop;
beforeAll(async () => {
  f = await startPostAndLaptop(async (post) => {
    const own = await post.client(operator).value('advisories.import', {
      fileName: 'icsma-17-215-02.v2.json',
      content: bundledAdvisoryRevisionTwo('The command post’s own note.'),
    });
    expect(own).toMatchObject({ outcome: 'imported', version: '2' });
  });
}, 300_000);
afterAll(() => f.cleanup());

describe('a carried document differing from the one stored here', () => {
  it('is not stored, named in the outcome in the station’s language', slow, async () => {
    await call(f.post, 'exchange.import', { files: [f.bundle.file] });
    const differing = await f.laptop.rt.client(operator).value('advisories.import', {
      fileName: 'icsma-17-215-02.v2.json',
      content: bundledAdvisoryRevisionTwo('The laptop’s differing note.'),
    });
    expect(differing).toMatchObject({ outcome: 'revised', version: '2' });
    const dir = path.join(f.folder.dir, 'differing');
    fs.mkdirSync(dir);
    const second = await call(f.laptop.rt, 'exchange.export', { outDir: dir });
    const { outcomes } = await call(f.post, 'exchange.import', { files: [second.file] });
    const [applied] = outcomes;
    expect(applied).toMatchObject({ status: 'applied' });
    const params = { trackingId: 'ICSMA-17-215-02', version: '2', station: 'NM laptop 2' };
    expect(applied?.notStored).toEqual([{ key: 'carriedAdvisoryNotStored', params }]);
    expect(applied?.technical).toBeTruthy();
    expect(applied?.reason).toMatch(/^The advisory document ICSMA-17-215-02 version 2 that/);
    expect(errorWordsIn('de', { key: 'carriedAdvisoryNotStored', params })).toContain(
      'wurde hier nicht gespeichert',
    );
  });
});
