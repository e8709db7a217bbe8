import type { Runtime } from '../../runtime';
import { loadDemo, signInAs } from '../../test/temp-runtime';

/** For tests and benchmarks: what the signing identity is set up with. */
export const testOrganisation = 'Kantonsspital Zürich-Nord';
export const testPassphrase = 'correct horse battery staple';
export const testAdmin = { displayName: 'Ada Admin', secret: 'admin-password-1' } as const;

/** Sign in the first administrator at the station (first run). */
export async function signInFirstAdmin(rt: Pick<Runtime, 'client'>): Promise<void> {
  await rt.client().value('people.createFirstAdmin', testAdmin);
}

/** First administrator signed in, and the organisation's identity generated and unlocked. */
export async function setUpSigningIdentity(
  rt: Pick<Runtime, 'client'>,
  organisation = testOrganisation,
): Promise<{ fingerprintSha256: string; subject: string }> {
  await signInFirstAdmin(rt);
  return rt.client().value('signing.generate', { organisation, passphrase: testPassphrase });
}

/**
 * The demo facility loaded into an empty database (the only place it may go), then a real
 * administrator generates the organisation's identity, which replaces the demo's.
 */
export async function loadDemoWithSigningIdentity(
  rt: Pick<Runtime, 'client' | 'services'>,
  organisation = testOrganisation,
): Promise<{ fingerprintSha256: string; subject: string }> {
  await loadDemo(rt);
  await signInAs(rt, 'admin');
  return rt.client().value('signing.generate', { organisation, passphrase: testPassphrase });
}
