import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServices } from '../../services/runtime';
import { setUpSigningIdentity, testPassphrase } from '../../services/signing/test/test-identity';
import { runCli } from '../../services/test/run-cli';
import { tempDir } from '../../services/test/temp-runtime';

const slow = { timeout: 300_000 };
let post: ReturnType<typeof tempDir>;
let floor: ReturnType<typeof tempDir>;
let work: ReturnType<typeof tempDir>;
let passFile: string;

beforeAll(async () => {
  post = tempDir('standalone-cli-post-');
  floor = tempDir('standalone-cli-floor-');
  work = tempDir('standalone-cli-station-files-');
  const rt = startServices({ dataDir: post.dir });
  try {
    await setUpSigningIdentity(rt);
  } finally {
    rt.close();
  }
  passFile = path.join(work.dir, 'passphrase.txt');
  fs.writeFileSync(passFile, `${testPassphrase}\n`);
}, 120_000);
afterAll(() => {
  post.cleanup();
  floor.cleanup();
  work.cleanup();
});

describe('standalone station', () => {
  it(
    'init, request, enrol, accept, list, exchange and revoke, as the issue writes them',
    slow,
    async () => {
      const [postInit, floorInit] = await Promise.all([
        runCli(post.dir, ['station', 'init', '--name', 'Command post', '--json']),
        runCli(floor.dir, ['station', 'init', '--name', 'NM laptop 2', '--json']),
      ]);
      expect(postInit.code, postInit.stderr).toBe(0);
      expect(floorInit.code, floorInit.stderr).toBe(0);
      const floorStatus = JSON.parse(floorInit.stdout) as {
        stationId: string;
        keyFingerprint: string;
      };

      const requestFile = path.join(work.dir, 'request.json');
      const request = await runCli(floor.dir, [
        'station',
        'request',
        '--out',
        requestFile,
        '--json',
      ]);
      expect(request.code, request.stderr).toBe(0);
      expect(JSON.parse(request.stdout)).toMatchObject({ file: requestFile });

      const responseFile = path.join(work.dir, 'response.json');
      const enrol = await runCli(post.dir, [
        'station',
        'enrol',
        requestFile,
        '--out',
        responseFile,
        '--passphrase-file',
        passFile,
      ]);
      expect(enrol.code, enrol.stderr).toBe(0);
      // The fingerprint to compare with the station is printed, in the form read aloud too.
      expect(enrol.stdout).toContain(floorStatus.keyFingerprint);
      expect(enrol.stdout).toContain('read aloud');

      const accept = await runCli(floor.dir, ['station', 'accept', responseFile, '--json']);
      expect(accept.code, accept.stderr).toBe(0);

      const list = await runCli(post.dir, ['station', 'list', '--json']);
      expect(list.code, list.stderr).toBe(0);
      const stations = JSON.parse(list.stdout) as Record<string, unknown>[];
      expect(stations.map((s) => [s.name, s.enrolled, s.revoked, s.lastHeardFrom])).toEqual([
        ['Command post', true, false, null],
        ['NM laptop 2', true, false, null],
      ]);

      // The command post renews its own certificate with the command-post mark; a floor cannot.
      const notHere = await runCli(floor.dir, ['station', 'renew']);
      expect(notHere.code).not.toBe(0);
      expect(notHere.stderr).toContain(
        'Only the station holding the organisation identity renews its certificate',
      );
      const renewed = await runCli(post.dir, [
        'station',
        'renew',
        '--passphrase-file',
        passFile,
        '--json',
      ]);
      expect(renewed.code, renewed.stderr).toBe(0);
      expect(JSON.parse(renewed.stdout)).toMatchObject({
        commandPost: true,
        renewCommandPost: false,
      });

      // A bundle from the floor, through a folder, to the command post.
      const exported = await runCli(floor.dir, ['exchange', 'export', '--out', work.dir]);
      expect(exported.code, exported.stderr).toBe(0);
      const bundle = exported.stdout.trim();
      expect(fs.existsSync(bundle)).toBe(true);
      const flipped = path.join(work.dir, 'flipped.p7m');
      const bytes = fs.readFileSync(bundle);
      bytes[bytes.length - 400] = (bytes[bytes.length - 400] as number) ^ 0x04;
      fs.writeFileSync(flipped, bytes);
      const junk = path.join(work.dir, 'junk.p7m');
      fs.writeFileSync(junk, 'not a bundle\n');
      const [applied, refusedFile, notBundle] = await Promise.all([
        runCli(post.dir, ['exchange', 'import', bundle]),
        runCli(post.dir, ['exchange', 'import', flipped]),
        runCli(post.dir, ['exchange', 'import', junk]),
      ]);
      expect(applied.code, applied.stderr).toBe(0);
      expect(applied.stdout).toContain('applied');
      expect(refusedFile.code).toBe(1);
      expect(refusedFile.stdout).toContain('REFUSED');
      expect(notBundle.code).toBe(2);
      const again = await runCli(post.dir, ['exchange', 'import', bundle, '--json']);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ outcomes: [{ status: 'already_had' }] });

      // case transfer: the station named by its name, then the case looked up (none here yet).
      const [nowhere, noCase, noStation] = await Promise.all([
        runCli(post.dir, ['case', 'transfer', '1', 'Nowhere']),
        runCli(post.dir, ['case', 'transfer', '1', 'NM laptop 2']),
        runCli(post.dir, ['case', 'transfer', '1']),
      ]);
      expect(nowhere.code).toBe(2);
      expect(nowhere.stderr).toContain('No station "Nowhere" is known here');
      expect(noCase.code).not.toBe(0);
      expect(noCase.stderr).toContain('Case 1');
      expect(noStation.code).toBe(2);
      expect(noStation.stderr).toContain('case transfer needs the case ID and the station');

      const revoke = await runCli(post.dir, [
        'station',
        'revoke',
        floorStatus.stationId,
        '--passphrase-file',
        passFile,
        '--json',
      ]);
      expect(revoke.code, revoke.stderr).toBe(0);
      expect(JSON.parse(revoke.stdout)).toMatchObject({ name: 'NM laptop 2', revoked: true });

      // A request file that is not one: exit 2 with the reason.
      const bogus = path.join(work.dir, 'bogus.json');
      fs.writeFileSync(bogus, '{"hello": 1}');
      const refused = await runCli(post.dir, ['station', 'enrol', bogus, '--out', responseFile]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('not a Standalone enrolment request');
    },
  );
});
