import type { Runtime } from '../runtime';

/** For tests and benchmarks: what the signing identity is set up with. */
export const testOrganisation = 'Kantonsspital Zürich-Nord';
export const testPassphrase = 'correct horse battery staple';
export const testAdmin = { displayName: 'Ada Admin', secret: 'admin-password-1' } as const;

async function call(
  rt: Pick<Runtime, 'dispatch'>,
  method: string,
  input: unknown,
): Promise<unknown> {
  const result = await rt.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value;
}

/** Sign in the first administrator at the station (first run). */
export async function signInFirstAdmin(rt: Pick<Runtime, 'dispatch'>): Promise<void> {
  await call(rt, 'people.createFirstAdmin', testAdmin);
}

/** First administrator signed in, and the organisation's identity generated and unlocked. */
export async function setUpSigningIdentity(
  rt: Pick<Runtime, 'dispatch'>,
  organisation = testOrganisation,
): Promise<{ fingerprintSha256: string; subject: string }> {
  await signInFirstAdmin(rt);
  return (await call(rt, 'signing.generate', { organisation, passphrase: testPassphrase })) as {
    fingerprintSha256: string;
    subject: string;
  };
}
