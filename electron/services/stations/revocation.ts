import crypto from 'node:crypto';
import { z } from 'zod';
import type { StationView } from '../../api/domains/stations';
import { canonicalJson } from '../audit/hash';
import { mutate, type CallContext, type Services } from '../core/context';
import { wordedError } from '../core/errors';
import { requireUnlockedIdentity } from '../signing/identity';
import { requireSelf } from './enrolment';
import {
  allStations,
  authorityRow,
  markRevoked,
  selfRow,
  stationRow,
  type StationRow,
} from './station-store';

function viewOf(row: StationRow, selfId: string | undefined): StationView {
  return {
    stationId: row.station_id,
    name: row.name,
    keyFingerprint: row.key_fingerprint,
    self: row.station_id === selfId,
    enrolled: row.certificate_der !== null,
    enrolledAt: row.enrolled_at,
    revoked: row.revoked_at !== null,
    revokedAt: row.revoked_at,
    lastHeardFrom: row.last_heard_from,
    headId: row.head_id,
    headHash: row.head_hash,
  };
}

export function listStations(services: Services): StationView[] {
  const selfId = selfRow(services.db)?.station_id;
  return allStations(services.db).map((row) => viewOf(row, selfId));
}

/**
 * A revocation as it travels: what is revoked, when, and the organisation key's signature over
 * the canonical JSON of the three, so that a station receiving it through any bundle can check
 * it against the station authority and no enrolled station can revoke another on its own.
 */
export const revocationSchema = z
  .object({
    stationId: z.string().uuid(),
    keyFingerprint: z.string().max(200),
    revokedAt: z.string().max(40),
    signature: z.string().max(2000),
  })
  .strict();
export type Revocation = z.infer<typeof revocationSchema>;

function statementOf(r: Omit<Revocation, 'signature'>): Buffer {
  return Buffer.from(
    canonicalJson({
      stationId: r.stationId,
      keyFingerprint: r.keyFingerprint,
      revokedAt: r.revokedAt,
    }),
  );
}

/** Whether a revocation is signed by the key of the station authority known here. */
export function revocationIsAuthentic(services: Services, r: Revocation): boolean {
  const authority = authorityRow(services.db);
  if (!authority) return false;
  const key = new crypto.X509Certificate(authority.certificate_der).publicKey;
  return crypto.verify('sha256', statementOf(r), key, Buffer.from(r.signature, 'base64'));
}

export function revokeStation(ctx: CallContext, stationId: string): StationView {
  const { services } = ctx;
  const self = requireSelf(services);
  const identity = requireUnlockedIdentity(services);
  const row = stationRow(services.db, stationId);
  if (!row) {
    throw wordedError('not_found', 'stationUnknown', { id: stationId });
  }
  if (stationId === self.station_id) {
    throw wordedError('invalid_input', 'revokeSelf');
  }
  if (!authorityRow(services.db)) {
    throw wordedError('conflict', 'nothingToRevoke');
  }
  if (row.revoked_at) return viewOf(row, self.station_id);
  const statement = {
    stationId,
    keyFingerprint: row.key_fingerprint,
    revokedAt: services.clock.now().toISOString(),
  };
  const revocation: Revocation = {
    ...statement,
    signature: crypto
      .sign('sha256', statementOf(statement), identity.privateKey)
      .toString('base64'),
  };
  if (!revocationIsAuthentic(services, revocation)) {
    throw wordedError('conflict', 'revokeOtherAuthority', {}, { station: 'authority_mismatch' });
  }
  mutate(ctx, () => {
    markRevoked(services.db, stationId, revocation.revokedAt, JSON.stringify(revocation));
    return {
      value: null,
      audit: {
        action: 'station.revoked',
        entityType: 'station',
        entityId: stationId,
        payload: { name: row.name, revocation },
      },
    };
  });
  const updated = stationRow(services.db, stationId);
  if (!updated) throw new Error('The revoked station disappeared');
  return viewOf(updated, self.station_id);
}
