/** The enrolment request: the file a new station writes, and how the command post reads it. */
import crypto from 'node:crypto';
import { z } from 'zod';
import type { StationFile } from '../../api/domains/stations';
import { canonicalJson } from '../audit/hash';
import { wordedError } from '../core/errors';
import { publicKeyFingerprint } from './station-certificates';
import type { SelfRow } from './station-store';

const requestFormat = 'standalone-enrolment-request';

const requestBodySchema = z
  .object({
    format: z.literal(requestFormat),
    version: z.literal(1),
    stationId: z.string().uuid(),
    name: z.string().min(1).max(64),
    publicKey: z.string().max(2000),
    requestedAt: z.string().max(40),
  })
  .strict();
const requestSchema = requestBodySchema.extend({ signature: z.string().max(2000) }).strict();

/** The request file a new station hands to the command post, signed with its own key. */
export function writeEnrolmentRequest(
  self: SelfRow,
  key: crypto.KeyObject,
  now: Date,
): StationFile {
  const body: z.infer<typeof requestBodySchema> = {
    format: requestFormat,
    version: 1,
    stationId: self.station_id,
    name: self.name,
    publicKey: self.public_key_der.toString('base64'),
    requestedAt: now.toISOString(),
  };
  // Signed with the station key: proof that the requester holds the key it asks a certificate for.
  const signature = crypto.sign('sha256', Buffer.from(canonicalJson(body)), key);
  return {
    fileName: `enrolment-request-${fileSafe(self.name)}.json`,
    content: JSON.stringify({ ...body, signature: signature.toString('base64') }, null, 2) + '\n',
  };
}

export function fileSafe(name: string): string {
  return name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'station';
}

interface ParsedRequest {
  stationId: string;
  name: string;
  publicKey: crypto.KeyObject;
  keyFingerprint: string;
  requestedAt: string;
}

export function parseJson(text: string, what: 'enrolmentRequest' | 'enrolmentResponse'): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw wordedError('invalid_input', 'notJson', {}, { format: 'JSON' }, { terms: { what } });
  }
}

export function readRequest(text: string): ParsedRequest {
  const parsed = requestSchema.safeParse(parseJson(text, 'enrolmentRequest'));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw wordedError(
      'invalid_input',
      'notEnrolmentRequest',
      {},
      { technical: `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() },
    );
  }
  const { signature, ...body } = parsed.data;
  let publicKey: crypto.KeyObject;
  try {
    publicKey = crypto.createPublicKey({
      key: Buffer.from(body.publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
  } catch {
    throw wordedError('invalid_input', 'enrolmentKeyUnreadable');
  }
  if (publicKey.asymmetricKeyType !== 'rsa') {
    throw wordedError('invalid_input', 'enrolmentKeyNotRsa');
  }
  const signed = crypto.verify(
    'sha256',
    Buffer.from(canonicalJson(body)),
    publicKey,
    Buffer.from(signature, 'base64'),
  );
  if (!signed) {
    throw wordedError('invalid_input', 'enrolmentNotSigned', { name: body.name });
  }
  return {
    stationId: body.stationId,
    name: body.name,
    publicKey,
    keyFingerprint: publicKeyFingerprint(publicKey),
    requestedAt: body.requestedAt,
  };
}
