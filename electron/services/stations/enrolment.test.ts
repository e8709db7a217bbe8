import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setUpSigningIdentity } from '../signing/test/test-identity';
import { startTestRuntime, type TestRuntime } from '../test/temp-runtime';
import { call, refusal, startCommandPost, startFloorStation } from './test/stations-setup';
import { stationKeyFile } from './station-key';

const slow = { timeout: 120_000 };
const open: TestRuntime[] = [];
afterEach(() => {
  for (const rt of open.splice(0)) rt.cleanup();
});

async function commandPost(): Promise<TestRuntime> {
  const rt = await startCommandPost();
  open.push(rt);
  return rt;
}

async function floorStation(name: string): Promise<TestRuntime> {
  const rt = await startFloorStation(name);
  open.push(rt);
  return rt;
}

describe('station identity and enrolment', () => {
  it('gives a station an ID, its name and a key that stays in its own file', slow, async () => {
    const rt = await floorStation('NM laptop 2');
    const status = await call(rt, 'stations.status', {});
    expect(status).toMatchObject({ initialised: true, name: 'NM laptop 2', enrolled: false });
    expect(status.stationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(status.keyFingerprintSpoken).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
    const keyFile = stationKeyFile(rt.dir);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    // The private key is nowhere in the database.
    const keyDer = crypto
      .createPrivateKey(fs.readFileSync(keyFile, 'utf8'))
      .export({ type: 'pkcs8', format: 'der' });
    const dbBytes = fs.readFileSync(path.join(rt.dir, 'standalone.sqlite'));
    expect(dbBytes.includes(keyDer.subarray(40, 80))).toBe(false);
    expect(await refusal(rt, 'stations.init', { name: 'Again' })).toContain('already is station');
  });

  it('enrols a floor station at the command post and the station accepts it', slow, async () => {
    const post = await commandPost();
    const floor = await floorStation('NM laptop 2');
    const request = await call(floor, 'stations.request', {});
    const review = await call(post, 'stations.reviewRequest', {
      request: request.content,
    });
    const floorStatus = await call(floor, 'stations.status', {});
    expect(review).toMatchObject({
      name: 'NM laptop 2',
      stationId: floorStatus.stationId,
      keyFingerprint: floorStatus.keyFingerprint,
      keyFingerprintSpoken: floorStatus.keyFingerprintSpoken,
    });
    const enrolled = await call(post, 'stations.enrol', {
      request: request.content,
    });
    await call(floor, 'stations.accept', { response: enrolled.response.content });
    expect(await call(floor, 'stations.status', {})).toMatchObject({ enrolled: true });
    // The command post enrolled itself first: its bundles carry revocations.
    const atPost = await call(post, 'stations.list', {});
    expect(atPost.map((s) => [s.name, s.enrolled, s.self])).toEqual([
      ['Command post', true, true],
      ['NM laptop 2', true, false],
    ]);

    // OpenSSL agrees: the station certificate chains to the authority, which is a CA.
    const work = path.join(floor.dir, 'openssl');
    fs.mkdirSync(work);
    const response = JSON.parse(enrolled.response.content) as {
      certificate: string;
      authority: string;
    };
    fs.writeFileSync(path.join(work, 'authority.pem'), response.authority);
    fs.writeFileSync(path.join(work, 'station.pem'), response.certificate);
    const verify = spawnSync('openssl', ['verify', '-CAfile', 'authority.pem', 'station.pem'], {
      cwd: work,
      encoding: 'utf8',
    });
    expect(verify.stdout + verify.stderr).toContain('station.pem: OK');
  });

  it(
    'refuses a changed request, a response for another station, and a foreign authority',
    slow,
    async () => {
      const post = await commandPost();
      const floor = await floorStation('Biomed workstation');
      const other = await floorStation('NM laptop 3');
      const request = await call(floor, 'stations.request', {});
      const renamed = request.content.replace('Biomed workstation', 'Biomed workstatioN');
      expect(await refusal(post, 'stations.enrol', { request: renamed })).toContain(
        'not signed by the key it carries',
      );
      const enrolled = await call(post, 'stations.enrol', {
        request: request.content,
      });
      expect(
        await refusal(other, 'stations.accept', { response: enrolled.response.content }),
      ).toContain('not for this station');
      await call(floor, 'stations.accept', { response: enrolled.response.content });

      // Another facility's command post enrols the same station: its response is refused.
      const foreign = startTestRuntime();
      open.push(foreign);
      await setUpSigningIdentity(foreign, 'Another Hospital');
      await call(foreign, 'stations.init', { name: 'Their command post' });
      const theirs = await call(foreign, 'stations.enrol', {
        request: request.content,
      });
      expect(
        await refusal(floor, 'stations.accept', { response: theirs.response.content }),
      ).toContain('another organisation');
    },
  );

  it('revokes a station with a statement signed by the organisation', slow, async () => {
    const post = await commandPost();
    const floor = await floorStation('Lost laptop');
    const request = await call(floor, 'stations.request', {});
    const { stationId } = await call(post, 'stations.enrol', {
      request: request.content,
    });
    const revoked = await call(post, 'stations.revoke', { stationId });
    expect(revoked).toMatchObject({ name: 'Lost laptop', revoked: true });
    const self = (await call(post, 'stations.status', {})).stationId ?? '';
    expect(await refusal(post, 'stations.revoke', { stationId: self })).toContain(
      'cannot revoke itself',
    );
  });
});
