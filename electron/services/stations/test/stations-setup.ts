import type Database from 'better-sqlite3';
import crypto from 'node:crypto';
import type { EnrolmentResult } from '../../../api/domains/stations';
import type { InputOf, MethodName, ResultOf } from '../../../api/methods';
import type { Runtime } from '../../runtime';
import { setUpSigningIdentity, signInFirstAdmin } from '../../signing/test/test-identity';
import { startTestRuntime, type TestRuntime } from '../../test/temp-runtime';
import { issueStationCertificate } from '../station-certificates';
import { authorityRow, selfRow, setSelfCertificate } from '../station-store';

/** The value of a call that must succeed, for tests of the stations and the exchange. */
export function call<M extends MethodName>(
  rt: Pick<Runtime, 'client'>,
  method: M,
  input: InputOf<M>,
): Promise<ResultOf<M>> {
  return rt.client().value(method, input);
}

/** The message of a call that must be refused. */
export async function refusal<M extends MethodName>(
  rt: Pick<Runtime, 'client'>,
  method: M,
  input: InputOf<M>,
): Promise<string> {
  const r = await rt.client().call(method, input);
  if (r.ok) throw new Error(`${method} was not refused`);
  return r.error.message;
}

/** A station holding the organisation identity (unlocked), with its own station identity. */
export async function startCommandPost(
  organisation?: string,
  name = 'Command post',
): Promise<TestRuntime> {
  const rt = startTestRuntime();
  await setUpSigningIdentity(rt, organisation);
  await call(rt, 'stations.init', { name });
  return rt;
}

/** A station with its identity, not enrolled. */
export async function startFloorStation(name: string): Promise<TestRuntime> {
  const rt = startTestRuntime();
  await signInFirstAdmin(rt);
  await call(rt, 'stations.init', { name });
  return rt;
}

/** Request, enrol at `post`, accept at `station`. */
export async function enrol(post: TestRuntime, station: TestRuntime): Promise<EnrolmentResult> {
  const request = await call(station, 'stations.request', {});
  const result = await call(post, 'stations.enrol', { request: request.content });
  await call(station, 'stations.accept', { response: result.response.content });
  return result;
}

/**
 * The command post's certificate as one issued before command-post certificates were marked (a
 * database from an earlier version): a plain station certificate for its own key, signed at `at`
 * with the organisation key `privateKey`.
 */
export function setUnmarkedCertificate(
  db: Database.Database,
  privateKey: crypto.KeyObject,
  at: Date,
): void {
  const self = selfRow(db);
  const authority = authorityRow(db);
  if (!self || !authority) throw new Error('The command post is not enrolled');
  const publicKey = crypto.createPublicKey({
    key: self.public_key_der,
    format: 'der',
    type: 'spki',
  });
  const plain = issueStationCertificate(
    { certificateDer: authority.certificate_der, privateKey },
    { stationId: self.station_id, name: self.name, publicKey },
    at,
  );
  setSelfCertificate(db, plain);
}
