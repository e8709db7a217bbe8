import { hash } from 'node:crypto';
import type { AuditEventBody } from '../../api/domains/system';
import { canonicalText } from './canonical-json';

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
  const text = canonicalText(value);
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
  const [head, tail] = canonicalEventParts(e);
  return head + e.payload + tail;
}

/**
 * The canonical JSON of an event before its payload and after it, so that a large payload can
 * be written (and hashed) piece by piece between the two.
 */
export function canonicalEventParts(e: Omit<HashedEventFields, 'payload'>): [string, string] {
  return [
    '{"action":' +
      JSON.stringify(e.action) +
      ',"actorRole":' +
      JSON.stringify(e.actorRole) +
      ',"actorUserId":' +
      (e.actorUserId === null ? 'null' : String(e.actorUserId)) +
      entityFragment(e),
    ',"prevHash":' + JSON.stringify(e.prevHash) + ',"time":' + JSON.stringify(e.time) + '}',
  ];
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

const entityIdKey = ',"entityId":';
const entityTypeKey = ',"entityType":';
const idKey = ',"id":';
const payloadKey = ',"payload":';
/** What JSON.stringify escapes (lone surrogates among all surrogates, to stay on the safe side). */
// eslint-disable-next-line no-control-regex -- the control characters are among what it escapes.
const needsEscape = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * Where the JSON string `s` ends if the body holds it at `at`, else -1. A plain string is
 * compared in place, since building `JSON.stringify(s)` for every event of a million-event chain
 * costs more than the comparison itself.
 */
function jsonStringEnd(body: string, at: number, s: string): number {
  if (needsEscape.test(s)) {
    const quoted = JSON.stringify(s);
    return body.startsWith(quoted, at) ? at + quoted.length : -1;
  }
  const end = at + 1 + s.length;
  return body.charCodeAt(at) === 34 && body.startsWith(s, at + 1) && body.charCodeAt(end) === 34
    ? end + 1
    : -1;
}

/**
 * Whether a body names this entity and id: exactly whether it holds `entityFragment(e)` at its
 * first `,"entityId":`, compared piece by piece without building the fragment. Only strings and
 * a number precede `entityId`, and a quote inside a string is escaped, so the first
 * `,"entityId":` is the event's own.
 */
export function bodyNamesEntity(
  body: string,
  e: Pick<HashedEventFields, 'entityId' | 'entityType' | 'id'>,
): boolean {
  const key = body.indexOf(entityIdKey);
  if (key <= 0) return false;
  let at = key + entityIdKey.length;
  if (e.entityId === null) at = body.startsWith('null', at) ? at + 4 : -1;
  else at = jsonStringEnd(body, at, e.entityId);
  if (at < 0 || !body.startsWith(entityTypeKey, at)) return false;
  at = jsonStringEnd(body, at + entityTypeKey.length, e.entityType);
  if (at < 0 || !body.startsWith(idKey, at)) return false;
  const id = String(e.id);
  at += idKey.length;
  return body.startsWith(id, at) && body.startsWith(payloadKey, at + id.length);
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

/**
 * The text of the payload in an event body: from the event's own `,"payload":` (the first: only
 * strings, whose quotes are escaped, a number and null precede it in canonical order) to its own
 * `,"prevHash":` (the last, see prevHashOfBody). Null when the body has neither.
 */
export function payloadTextOfBody(body: string): string | null {
  const start = body.indexOf(payloadKey);
  const end = body.lastIndexOf(',' + prevHashKey);
  return start < 0 || end < start ? null : body.slice(start + payloadKey.length, end);
}
