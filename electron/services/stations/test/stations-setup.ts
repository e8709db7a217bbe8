import type { EnrolmentResult } from '../../../api/domains/stations';
import type { InputOf, MethodName, ResultOf } from '../../../api/methods';
import type { Runtime } from '../../runtime';
import { setUpSigningIdentity, signInFirstAdmin } from '../../signing/test/test-identity';
import { startTestRuntime, type TestRuntime } from '../../test/temp-runtime';

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
