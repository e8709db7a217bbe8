import crypto from 'node:crypto';
import { z } from 'zod';
import type {
  AcceptResult,
  AuthorityCertificate,
  EnrolmentResult,
  EnrolmentReview,
  StationFile,
  StationStatus,
} from '../../api/domains/stations';
import { mutate, type CallContext, type Services } from '../core/context';
import type { TermKey } from '../../api/error-words';
import { wordedError } from '../core/errors';
import { certificateToPem, fingerprintOf } from '../signing/certificate';
import { currentIdentity } from '../signing/identity-store';
import { requireUnlockedIdentity } from '../signing/identity';
import type { UnlockedIdentity } from '../signing/session-key';
import {
  issueStationCertificate,
  issuedByAuthority,
  makeAuthorityCertificate,
  publicKeyFingerprint,
  readStationCertificate,
  spokenFingerprint,
} from './station-certificates';
import { fileSafe, parseJson, readRequest, writeEnrolmentRequest } from './enrolment-request';
import { createStationKey, loadStationKey } from './station-key';
import {
  authorityRow,
  holdsAuthority,
  insertAuthority,
  insertSelf,
  selfRow,
  setSelfCertificate,
  stationRow,
  upsertStation,
  type AuthorityRow,
  type SelfRow,
} from './station-store';

const entityType = 'station';
const responseFormat = 'standalone-enrolment-response';

export function stationStatus(services: Services): StationStatus {
  const self = selfRow(services.db);
  const authority = authorityRow(services.db);
  const commandPost = self?.certificate_der
    ? readStationCertificate(self.certificate_der)?.commandPost === true
    : false;
  return {
    initialised: self !== undefined,
    stationId: self?.station_id ?? null,
    name: self?.name ?? null,
    keyFingerprint: self?.key_fingerprint ?? null,
    keyFingerprintSpoken: self ? spokenFingerprint(self.key_fingerprint) : null,
    enrolled: self?.certificate_der != null,
    // A station enrolled by another knows that authority: its own signing identity (for PDFs)
    // is not the organisation's, and it enrols no one.
    holdsOrganisationIdentity:
      currentIdentity(services.db) !== undefined &&
      (authority === undefined || authority.organisation_fingerprint !== null),
    commandPost,
    renewCommandPost: self?.certificate_der != null && !commandPost && holdsAuthority(services.db),
    authorityFingerprint: authority?.fingerprint_sha256 ?? null,
  };
}

export function requireSelf(services: Services): SelfRow {
  const self = selfRow(services.db);
  if (!self) {
    throw wordedError('conflict', 'notAStation', {}, { station: 'not_initialised' });
  }
  return self;
}

export function initStation(ctx: CallContext, name: string): StationStatus {
  const { services } = ctx;
  const existing = selfRow(services.db);
  if (existing) {
    throw wordedError(
      'conflict',
      'alreadyAStation',
      { name: existing.name, id: existing.station_id },
      { station: 'already_initialised' },
    );
  }
  const privateKey = createStationKey(services.dataDir);
  const publicKeyDer = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const stationId = crypto.randomUUID();
  const keyFingerprint = publicKeyFingerprint(crypto.createPublicKey(privateKey));
  const now = services.clock.now().toISOString();
  mutate(ctx, () => {
    insertSelf(services.db, {
      station_id: stationId,
      name,
      public_key_der: publicKeyDer,
      key_fingerprint: keyFingerprint,
      created_at: now,
    });
    upsertStation(services.db, {
      station_id: stationId,
      name,
      key_fingerprint: keyFingerprint,
      certificate_der: null,
      enrolled_at: null,
    });
    return {
      value: null,
      audit: {
        action: 'station.initialised',
        entityType,
        entityId: stationId,
        payload: { name, keyFingerprint },
      },
    };
  });
  return stationStatus(services);
}

export function enrolmentRequest(services: Services): StationFile {
  const self = requireSelf(services);
  const key = loadStationKey(services.dataDir, self.public_key_der);
  return writeEnrolmentRequest(self, key, services.clock.now());
}

export function reviewRequest(services: Services, text: string): EnrolmentReview {
  const r = readRequest(text);
  return {
    stationId: r.stationId,
    name: r.name,
    keyFingerprint: r.keyFingerprint,
    keyFingerprintSpoken: spokenFingerprint(r.keyFingerprint),
    requestedAt: r.requestedAt,
    alreadyEnrolled: stationRow(services.db, r.stationId)?.enrolled_at != null,
  };
}

/** The authority over the unlocked organisation key: made at the first enrolment, else checked. */
function authorityFor(ctx: CallContext, identity: UnlockedIdentity): AuthorityRow {
  const { db, clock } = ctx.services;
  const existing = authorityRow(db);
  const orgPublic = crypto
    .createPublicKey(identity.privateKey)
    .export({ type: 'spki', format: 'der' });
  if (existing) {
    const authorityPublic = new crypto.X509Certificate(existing.certificate_der).publicKey.export({
      type: 'spki',
      format: 'der',
    });
    if (!authorityPublic.equals(orgPublic)) {
      throw wordedError('conflict', 'otherOrganisation', {}, { station: 'authority_mismatch' });
    }
    return existing;
  }
  const der = makeAuthorityCertificate(identity, clock.now());
  const row: AuthorityRow = {
    certificate_der: der,
    fingerprint_sha256: fingerprintOf(der),
    organisation_fingerprint: identity.fingerprintSha256,
    created_at: clock.now().toISOString(),
  };
  insertAuthority(db, row);
  return row;
}

export function enrolStation(ctx: CallContext, text: string): EnrolmentResult {
  const { services } = ctx;
  const self = requireSelf(services);
  const request = readRequest(text);
  const identity = requireUnlockedIdentity(services);
  const now = services.clock.now();
  const review = reviewRequest(services, text);
  const result = mutate(ctx, () => {
    const authority = authorityFor(ctx, identity);
    const issuer = { certificateDer: authority.certificate_der, privateKey: identity.privateKey };
    const events = [];
    // The station holding the organisation identity is a station too: its bundles carry
    // revocations, so it enrols itself first.
    if (!self.certificate_der && request.stationId !== self.station_id) {
      const ownPublic = crypto.createPublicKey({
        key: self.public_key_der,
        format: 'der',
        type: 'spki',
      });
      const own = issueStationCertificate(
        issuer,
        { stationId: self.station_id, name: self.name, publicKey: ownPublic },
        now,
        true,
      );
      events.push(recordEnrolment(ctx, own, self.name));
      setSelfCertificate(services.db, own);
    }
    const certificate = issueStationCertificate(
      issuer,
      request,
      now,
      request.stationId === self.station_id,
    );
    events.push(recordEnrolment(ctx, certificate, request.name));
    if (request.stationId === self.station_id) setSelfCertificate(services.db, certificate);
    return { value: { certificate, authority }, audit: events };
  });
  const facts = readStationCertificate(result.certificate);
  const response = {
    format: responseFormat,
    version: 1,
    stationId: request.stationId,
    name: request.name,
    certificate: certificateToPem(result.certificate),
    authority: certificateToPem(result.authority.certificate_der),
    issuedAt: now.toISOString(),
  };
  return {
    ...review,
    certificateSerial: facts?.serialNumber ?? '',
    response: {
      fileName: `enrolment-response-${fileSafe(request.name)}.json`,
      content: JSON.stringify(response, null, 2) + '\n',
    },
  };
}

/**
 * The command post enrolled before certificates marked it (before the mark existed, it issued
 * itself a plain station certificate, so the others refuse its requests and conflict choices):
 * it enrols itself again, through the same path as any station, and the authority marks the
 * certificate of the station holding the organisation identity.
 */
export function renewCommandPost(ctx: CallContext): StationStatus {
  const { services } = ctx;
  if (!holdsAuthority(services.db)) {
    throw wordedError('forbidden', 'renewNotTheIdentity', { station: requireSelf(services).name });
  }
  enrolStation(ctx, enrolmentRequest(services).content);
  return stationStatus(services);
}

function recordEnrolment(ctx: CallContext, certificate: Buffer, name: string) {
  const facts = readStationCertificate(certificate);
  if (!facts) throw new Error('The station certificate just issued cannot be read');
  upsertStation(ctx.services.db, {
    station_id: facts.stationId,
    name,
    key_fingerprint: facts.keyFingerprint,
    certificate_der: certificate,
    enrolled_at: ctx.services.clock.now().toISOString(),
  });
  return {
    action: 'station.enrolled',
    entityType,
    entityId: facts.stationId,
    payload: {
      name,
      keyFingerprint: facts.keyFingerprint,
      certificateSerial: facts.serialNumber,
      certificate: certificate.toString('base64'),
    },
  };
}

const responseSchema = z
  .object({
    format: z.literal(responseFormat),
    version: z.literal(1),
    stationId: z.string().uuid(),
    name: z.string().min(1).max(64),
    certificate: z.string().max(16_000),
    authority: z.string().max(16_000),
    issuedAt: z.string().max(40),
  })
  .strict();

function derFromPem(pem: string, what: TermKey): Buffer {
  try {
    return Buffer.from(new crypto.X509Certificate(pem).raw);
  } catch {
    throw wordedError('invalid_input', 'responsePartUnreadable', {}, {}, { terms: { what } });
  }
}

export function acceptEnrolment(ctx: CallContext, text: string): AcceptResult {
  const { services } = ctx;
  const self = requireSelf(services);
  const parsed = responseSchema.safeParse(parseJson(text, 'enrolmentResponse'));
  if (!parsed.success) {
    throw wordedError('invalid_input', 'notAResponse');
  }
  const r = parsed.data;
  if (r.stationId !== self.station_id) {
    throw wordedError('invalid_input', 'responseForOther', {
      name: r.name,
      id: r.stationId,
      self: self.name,
      selfId: self.station_id,
    });
  }
  const certificate = derFromPem(r.certificate, 'stationCertificate');
  const authority = derFromPem(r.authority, 'authorityCertificate');
  const authorityX = new crypto.X509Certificate(authority);
  const now = services.clock.now();
  if (
    !authorityX.ca ||
    authorityX.subject !== authorityX.issuer ||
    !authorityX.verify(authorityX.publicKey) ||
    !issuedByAuthority(certificate, authority, now)
  ) {
    throw wordedError('invalid_input', 'responseNotIssued');
  }
  const ownKey = new crypto.X509Certificate(certificate).publicKey.export({
    type: 'spki',
    format: 'der',
  });
  if (!ownKey.equals(self.public_key_der)) {
    throw wordedError('invalid_input', 'responseOtherKey');
  }
  const known = authorityRow(services.db);
  if (known && !known.certificate_der.equals(authority)) {
    throw wordedError(
      'conflict',
      'otherAuthority',
      { fingerprint: known.fingerprint_sha256 },
      { station: 'authority_mismatch' },
    );
  }
  const facts = readStationCertificate(certificate);
  const authorityFingerprint = fingerprintOf(authority);
  mutate(ctx, () => {
    if (!known) {
      insertAuthority(services.db, {
        certificate_der: authority,
        fingerprint_sha256: authorityFingerprint,
        organisation_fingerprint: null,
        created_at: now.toISOString(),
      });
    }
    setSelfCertificate(services.db, certificate);
    upsertStation(services.db, {
      station_id: self.station_id,
      name: self.name,
      key_fingerprint: self.key_fingerprint,
      certificate_der: certificate,
      enrolled_at: now.toISOString(),
    });
    return {
      value: null,
      audit: {
        action: 'station.accepted',
        entityType,
        entityId: self.station_id,
        payload: {
          authorityFingerprint,
          certificateSerial: facts?.serialNumber ?? null,
          certificate: certificate.toString('base64'),
        },
      },
    };
  });
  return {
    stationId: self.station_id,
    name: self.name,
    authorityFingerprint,
    certificateNotAfter: facts?.notAfter ?? '',
  };
}

export function authorityCertificate(services: Services): AuthorityCertificate {
  const row = authorityRow(services.db);
  if (!row) {
    throw wordedError('not_found', 'noAuthorityYet');
  }
  return {
    fileName: `station-authority-${row.fingerprint_sha256.replaceAll(':', '').slice(0, 8)}.pem`,
    pem: certificateToPem(row.certificate_der),
    fingerprintSha256: row.fingerprint_sha256,
  };
}
