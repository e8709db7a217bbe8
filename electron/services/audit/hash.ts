import canonicalize from 'canonicalize';
import { hash } from 'node:crypto';
import type { AuditEventBody } from '../../api/domains/system';

export const genesisHash = '0'.repeat(64);

/** The fields of an audit event that its hash covers (everything but the hash itself). */
export interface HashedEventFields extends Omit<AuditEventBody, 'payload'> {
  id: number;
  /** The payload as RFC 8785 canonical JSON text (how it is stored). */
  payload: string;
  prevHash: string;
}

/** RFC 8785 canonical JSON of any JSON value; refuses values JSON cannot carry. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('Value cannot be expressed as JSON');
  return text;
}

export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/**
 * The canonical JSON of an event, built by concatenation for speed: keys in RFC 8785 order,
 * strings serialised as JSON.stringify does (which RFC 8785 adopts), the payload already
 * canonical. A property test checks this equals canonicalize() of the same object.
 */
export function canonicalEventJson(e: HashedEventFields): string {
  return (
    '{"action":' +
    JSON.stringify(e.action) +
    ',"actorRole":' +
    JSON.stringify(e.actorRole) +
    ',"actorUserId":' +
    (e.actorUserId === null ? 'null' : String(e.actorUserId)) +
    entityFragment(e) +
    e.payload +
    ',"prevHash":' +
    JSON.stringify(e.prevHash) +
    ',"time":' +
    JSON.stringify(e.time) +
    '}'
  );
}

/** The part of an event body that names its entity and id, from `,"entityId":` to the payload. */
export function entityFragment(
  e: Pick<HashedEventFields, 'entityId' | 'entityType' | 'id'>,
): string {
  return (
    ',"entityId":' +
    (e.entityId === null ? 'null' : JSON.stringify(e.entityId)) +
    ',"entityType":' +
    JSON.stringify(e.entityType) +
    ',"id":' +
    String(e.id) +
    ',"payload":'
  );
}

/**
 * Whether a body names this entity and id. Only strings and a number precede `entityId`, and a
 * quote inside a string is escaped, so the first `,"entityId":` is the event's own.
 */
export function bodyNamesEntity(
  body: string,
  e: Pick<HashedEventFields, 'entityId' | 'entityType' | 'id'>,
): boolean {
  const at = body.indexOf(',"entityId":');
  return at > 0 && body.startsWith(entityFragment(e), at);
}

export function hashEvent(e: HashedEventFields): string {
  return sha256Hex(canonicalEventJson(e));
}

const prevHashKey = '"prevHash":"';

/**
 * The previous hash recorded in an event body. Canonical key order puts the top-level
 * `prevHash` after `payload` (only `time` follows it), and a quote inside a string is always
 * escaped, so the last occurrence of the key is the event's own.
 */
export function prevHashOfBody(body: string): string | null {
  const at = body.lastIndexOf(prevHashKey);
  return at < 0 ? null : body.slice(at + prevHashKey.length, at + prevHashKey.length + 64);
}
