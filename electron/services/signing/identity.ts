import crypto from 'node:crypto';
import {
  demoSigningMarker,
  demoSigningPassphrase,
  isDemoSubject,
  type CertificateExport,
  type CertificateFacts,
  type SigningIdentityView,
  type SigningStatus,
} from '../../api/domains/signing';
import { mutate, type CallContext, type Services } from '../core/context';
import { wordedError } from '../core/errors';
import { formatUntil } from '../people/format-until';
import {
  assertUsableForSigning,
  certificateToPem,
  describeCertificate,
  generateSelfSignedIdentity,
} from './certificate';
import {
  currentIdentity,
  previousIdentityCount,
  replaceCurrentIdentity,
  splitDer,
  type IdentityRow,
} from './identity-store';
import { decryptPrivateKey, encryptPrivateKey } from './key-envelope';
import { readPkcs12 } from './pkcs12-import';
import { getSecuritySettings } from '../people/security-settings';
import { assertUnlockAllowed, clearWrongPassphrases, countWrongPassphrase } from './unlock-limit';
import {
  forgetUnlockedIdentity,
  holdUnlockedIdentity,
  unlockedIdentity,
  type UnlockedIdentity,
} from './session-key';

const entityType = 'signing_identity';
const expiryWarningDays = 60;

function viewOf(row: IdentityRow): SigningIdentityView {
  return {
    subject: row.subject,
    issuer: row.issuer,
    serialNumber: row.serial_number,
    notBefore: row.not_before,
    notAfter: row.not_after,
    fingerprintSha256: row.fingerprint_sha256,
    keyAlgorithm: row.key_algorithm,
    selfSigned: describeCertificate(row.certificate_der).selfSigned,
    source: row.source,
    createdAt: row.created_at,
    demo: isDemoSubject(row.subject),
  };
}

function warningsFor(row: IdentityRow, now: Date): string[] {
  const notAfter = new Date(row.not_after);
  const daysLeft = Math.floor((notAfter.getTime() - now.getTime()) / 86_400_000);
  if (daysLeft < 0) {
    return [`The signing certificate expired on ${row.not_after}; generate or import a new one.`];
  }
  if (daysLeft < expiryWarningDays) {
    return [`The signing certificate expires in ${daysLeft} days (${row.not_after}).`];
  }
  return [];
}

export function signingStatus(services: Services): SigningStatus {
  const row = currentIdentity(services.db);
  const held = unlockedIdentity(services.db);
  return {
    configured: row !== undefined,
    unlocked: row !== undefined && held?.identityId === row.id,
    identity: row ? viewOf(row) : null,
    previousIdentities: previousIdentityCount(services.db),
    warnings: row ? warningsFor(row, services.clock.now()) : [],
  };
}

function pkcs8Of(key: crypto.KeyObject): Buffer {
  return key.export({ type: 'pkcs8', format: 'der' });
}

/** Store a new current identity (retiring the one before) and keep its key unlocked. */
async function installIdentity(
  ctx: CallContext,
  facts: CertificateFacts,
  material: { privateKey: crypto.KeyObject; certificateDer: Buffer; chainDer: Buffer[] },
  source: IdentityRow['source'],
  passphrase: string,
): Promise<SigningIdentityView> {
  const { db, clock } = ctx.services;
  // The slow part (scrypt) stays outside the write transaction.
  const encrypted = await encryptPrivateKey(
    pkcs8Of(material.privateKey),
    passphrase,
    facts.fingerprintSha256,
  );
  const row = mutate(ctx, () => {
    const previous = currentIdentity(db);
    const stored = replaceCurrentIdentity(
      db,
      {
        fingerprint_sha256: facts.fingerprintSha256,
        subject: facts.subject,
        issuer: facts.issuer,
        serial_number: facts.serialNumber,
        not_before: facts.notBefore,
        not_after: facts.notAfter,
        source,
        key_algorithm: facts.keyAlgorithm,
        certificate_der: material.certificateDer,
        chain_der: material.chainDer,
        encrypted_key: encrypted,
        created_at: clock.now().toISOString(),
      },
      clock.now().toISOString(),
    );
    return {
      value: stored,
      audit: {
        action: source === 'generated' ? 'signing.generated' : 'signing.imported',
        entityType,
        entityId: stored.id,
        // Never the key or a passphrase: only what identifies the certificate.
        payload: {
          subject: facts.subject,
          issuer: facts.issuer,
          fingerprintSha256: facts.fingerprintSha256,
          notBefore: facts.notBefore,
          notAfter: facts.notAfter,
          chainCertificates: material.chainDer.length,
          retiredFingerprintSha256: previous?.fingerprint_sha256 ?? null,
        },
      },
    };
  });
  holdUnlockedIdentity(db, unlockedFrom(row, material.privateKey));
  return viewOf(row);
}

function unlockedFrom(row: IdentityRow, privateKey: crypto.KeyObject): UnlockedIdentity {
  return {
    identityId: row.id,
    fingerprintSha256: row.fingerprint_sha256,
    subject: row.subject,
    privateKey,
    certificateDer: row.certificate_der,
    chainDer: splitDer(row.chain_der),
  };
}

export function generateIdentity(
  ctx: CallContext,
  input: { organisation: string; passphrase: string },
): Promise<SigningIdentityView> {
  const material = generateSelfSignedIdentity(input.organisation, ctx.services.clock.now());
  const facts = describeCertificate(material.certificateDer);
  return installIdentity(ctx, facts, { ...material, chainDer: [] }, 'generated', input.passphrase);
}

/**
 * The demo facility's identity, so that its PDFs can be shown signed at once: its certificate's
 * common name and every page it signs say it is not for real records; its passphrase is public
 * (README). Left locked, like any identity after a restart. A real identity replaces it, and
 * one set up before the demo was loaded is kept.
 */
export async function installDemoIdentity(ctx: CallContext, facility: string): Promise<void> {
  // An identity set up before the demo was loaded is the hospital's own: it stays.
  if (currentIdentity(ctx.services.db)) return;
  const organisation = facility.slice(0, 64);
  const material = generateSelfSignedIdentity(
    organisation,
    ctx.services.clock.now(),
    demoSigningMarker,
  );
  const facts = describeCertificate(material.certificateDer);
  await installIdentity(
    ctx,
    facts,
    { ...material, chainDer: [] },
    'generated',
    demoSigningPassphrase,
  );
  forgetUnlockedIdentity(ctx.services.db);
}

export function importIdentity(
  ctx: CallContext,
  input: { contentBase64: string; p12Password: string; newPassphrase: string },
): Promise<SigningIdentityView> {
  const content = Buffer.from(input.contentBase64.replace(/\s+/g, ''), 'base64');
  const material = readPkcs12(content, input.p12Password);
  const facts = describeCertificate(material.certificateDer);
  assertUsableForSigning(material.certificateDer, facts, ctx.services.clock.now());
  return installIdentity(ctx, facts, material, 'imported', input.newPassphrase);
}

function requireCurrent(services: Services): IdentityRow {
  const row = currentIdentity(services.db);
  if (!row) {
    throw wordedError('not_found', 'signingNotConfigured', {}, { signing: 'not_configured' });
  }
  return row;
}

export function exportCertificate(services: Services, format: 'pem' | 'der'): CertificateExport {
  const row = requireCurrent(services);
  const short = row.fingerprint_sha256.replaceAll(':', '').slice(0, 8);
  return {
    format,
    fileName: `standalone-signing-${short}.${format === 'pem' ? 'pem' : 'cer'}`,
    mediaType: format === 'pem' ? 'application/x-pem-file' : 'application/pkix-cert',
    content:
      format === 'pem'
        ? certificateToPem(row.certificate_der)
        : row.certificate_der.toString('base64'),
    fingerprintSha256: row.fingerprint_sha256,
  };
}

export async function unlockIdentity(ctx: CallContext, passphrase: string): Promise<SigningStatus> {
  const { db, clock } = ctx.services;
  const row = requireCurrent(ctx.services);
  assertUnlockAllowed(db, clock.now());
  const pkcs8 = row.encrypted_key
    ? await decryptPrivateKey(row.encrypted_key, passphrase, row.fingerprint_sha256)
    : null;
  const audit = (action: string) => ({
    action,
    entityType,
    entityId: row.id,
    payload: { fingerprintSha256: row.fingerprint_sha256 },
  });
  if (!pkcs8) {
    const lockedUntil = countWrongPassphrase(db, clock.now(), getSecuritySettings(db));
    // Recorded (and committed) before refusing: repeated guesses show in the audit trail.
    mutate(ctx, () => ({
      value: null,
      audit: lockedUntil
        ? [
            audit('signing.unlock_failed'),
            {
              ...audit('signing.unlock_locked'),
              payload: {
                fingerprintSha256: row.fingerprint_sha256,
                lockedUntil: lockedUntil.toISOString(),
              },
            },
          ]
        : audit('signing.unlock_failed'),
    }));
    throw lockedUntil
      ? wordedError(
          'forbidden',
          'passphraseLockedUntil',
          { until: formatUntil(db, lockedUntil, clock.now()) },
          { signing: 'unlock_locked', lockedUntil: lockedUntil.toISOString() },
        )
      : wordedError('forbidden', 'passphraseWrong', {}, { signing: 'wrong_passphrase' });
  }
  clearWrongPassphrases(db);
  const privateKey = crypto.createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  mutate(ctx, () => ({ value: null, audit: audit('signing.unlocked') }));
  holdUnlockedIdentity(db, unlockedFrom(row, privateKey));
  return signingStatus(ctx.services);
}

export function lockIdentity(ctx: CallContext): SigningStatus {
  const { db } = ctx.services;
  const held = unlockedIdentity(db);
  if (held) {
    forgetUnlockedIdentity(db);
    mutate(ctx, () => ({
      value: null,
      audit: {
        action: 'signing.locked',
        entityType,
        entityId: held.identityId,
        payload: { fingerprintSha256: held.fingerprintSha256 },
      },
    }));
  }
  return signingStatus(ctx.services);
}

/** The unlocked current identity, for signing; a clear error when there is none or it is locked. */
export function requireUnlockedIdentity(services: Services): UnlockedIdentity {
  const row = requireCurrent(services);
  const held = unlockedIdentity(services.db);
  if (!held || held.identityId !== row.id) {
    throw wordedError('forbidden', 'signingLocked', {}, { signing: 'locked' });
  }
  return held;
}
