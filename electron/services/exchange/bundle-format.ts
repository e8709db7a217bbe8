import crypto from 'node:crypto';
import { z } from 'zod';
import { maxAdvisoryBytes } from '../../api/domains/advisories';
import type { ImportStep } from '../../api/domains/exchange';
import {
  englishErrorWords,
  type ErrorParams,
  type ErrorWordKey,
  type ErrorWords,
} from '../../api/error-words';
import { sha256Hex } from '../audit/hash';

/**
 * The payload of a bundle, version 1: JSON Lines (UTF-8, one JSON object per line, `\n`).
 *
 * Line 1, the header:
 *   {"format":"standalone-bundle","version":1,
 *    "station":{"id":"…","name":"…"},           the station whose chain this is
 *    "createdAt":"…",
 *    "from":{"id":N,"hash":"…"},                 the event the first one extends (0 and 64 zeros
 *                                                 for the start of the chain)
 *    "head":{"id":M,"hash":"…"},                 the station's chain head (signed with the envelope)
 *    "events":K,                                 the number of event lines that follow
 *    "acks":[{"station":"…","id":n,"hash":"…"}]} the last event of each other station received here
 *
 * Lines 2 … K+1, one per audit event in chain order:
 *   {"event":{…the event exactly as hashed…},"hash":"…"}
 * `hash` is the SHA-256 (hex) of the event's canonical JSON (RFC 8785), which is exactly the text
 * between `{"event":` and `,"hash":`; each event's `prevHash` is the hash of the one before.
 *
 * Version 2 adds advisory documents: the header's `"advisories":D` counts the lines after the
 * events, one per advisory revision the events refer to (carried-advisories.ts):
 *   {"advisory":{"revisionId":N,"trackingId":"…","version":"…","fileName":"…","document":"…"}}
 * `revisionId` is the revision's ID at the station, whose events carry its row with the digest
 * of `document` (the CSAF file as imported there). A bundle that carries no document is written
 * as version 1, which builds from before version 2 read.
 */
export const bundleFormat = 'standalone-bundle';
export const bundleVersion = 2;
/** The versions this build reads. */
const readableVersions = [1, 2];

const headSchema = z.object({
  id: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ChainPoint = z.infer<typeof headSchema>;

const headerSchema = z
  .object({
    format: z.literal(bundleFormat),
    version: z.number().int(),
    station: z.object({ id: z.string().uuid(), name: z.string().min(1).max(64) }).strict(),
    createdAt: z.string().max(40),
    from: headSchema,
    head: headSchema,
    events: z.number().int().min(0),
    advisories: z.number().int().min(0).optional(),
    acks: z
      .array(
        z
          .object({
            station: z.string().uuid(),
            id: z.number().int().min(0),
            hash: headSchema.shape.hash,
          })
          .strict(),
      )
      .max(10_000),
  })
  .strict();
export type BundleHeader = z.infer<typeof headerSchema>;

export interface BundleEvent {
  id: number;
  hash: string;
  /** The event's canonical JSON, exactly as its station hashed it. */
  body: string;
  prevHash: string;
  entityType: string;
  entityId: string | null;
  action: string;
  time: string;
  /** The event's payload, parsed. */
  payload: unknown;
}

/** An advisory document a bundle carries (version 2). */
export interface CarriedAdvisory {
  revisionId: number;
  trackingId: string;
  version: string;
  fileName: string;
  /** The CSAF document exactly as imported at the station. */
  document: string;
}

const carriedSchema = z
  .object({
    advisory: z
      .object({
        revisionId: z.number().int().min(1),
        trackingId: z.string().min(1).max(200),
        version: z.string().min(1).max(100),
        fileName: z.string().max(500),
        document: z.string().max(maxAdvisoryBytes),
      })
      .strict(),
  })
  .strict();

/** The line of a carried document, without its newline. */
export function advisoryLine(advisory: CarriedAdvisory): string {
  return JSON.stringify({ advisory });
}

/**
 * A bundle refused at one of the import's checks, with the reason: in English (the message), as
 * words of the errors catalogue for the station's language, and the system's own words (an
 * exception's text) to go behind Details.
 */
export class Refusal extends Error {
  constructor(
    readonly step: ImportStep,
    message: string,
    readonly words?: ErrorWords,
    readonly technical?: string,
  ) {
    super(message);
  }
}

/** The English of a bundle's reason, with the system's words after it (for the command line). */
export function englishReason(words: ErrorWords, technical?: string): string {
  const english = englishErrorWords(words);
  return technical ? `${english} (${technical})` : english;
}

/** A refusal worded from the errors catalogue. */
export function refusal(
  step: ImportStep,
  key: ErrorWordKey,
  params: ErrorParams,
  technical?: string,
): Refusal {
  const words: ErrorWords = { key, params };
  return new Refusal(step, englishReason(words, technical), words, technical);
}

/** A payload that cannot be read: the reason names the line. */
export class PayloadError extends Error {}

interface EventFields {
  id: number;
  time: string;
  action: string;
  entityType: string;
  entityId: string | null;
  prevHash: string;
  payload?: unknown;
}

/** The fields every audit event has, checked by hand: a schema per event is too slow for 100k. */
function eventFields(value: unknown): EventFields | null {
  if (typeof value !== 'object' || value === null) return null;
  const e = value as Record<string, unknown>;
  const ok =
    typeof e.id === 'number' &&
    Number.isSafeInteger(e.id) &&
    e.id > 0 &&
    typeof e.time === 'string' &&
    typeof e.action === 'string' &&
    typeof e.entityType === 'string' &&
    (e.entityId === null || typeof e.entityId === 'string') &&
    typeof e.prevHash === 'string' &&
    /^[0-9a-f]{64}$/.test(e.prevHash);
  return ok ? (e as unknown as EventFields) : null;
}

const eventPrefix = '{"event":';
const hashSuffixLength = ',"hash":"'.length + 64 + '"}'.length;

/** The bytes of an event line besides its event: the prefix, the hash and the newline. */
export const eventLineOverhead = eventPrefix.length + hashSuffixLength + 1;

/**
 * Writes a payload to `sink` through one reused buffer, hashing it on the way: a bundle of
 * 100,000 events is never held as one string or one buffer, whose copies cost more than the rest.
 */
export class PayloadWriter {
  private readonly buffer = Buffer.allocUnsafe(4 << 20);
  private used = 0;
  private total = 0;
  private readonly digest = crypto.createHash('sha256');

  constructor(private readonly sink: (bytes: Buffer) => void) {}

  header(header: BundleHeader): void {
    this.text(JSON.stringify(header) + '\n');
  }

  /** A line after the events (a carried advisory document), without its newline. */
  line(text: string): void {
    this.text(text + '\n');
  }

  event(body: string, hash: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (this.used + body.length * 3 + eventLineOverhead > this.buffer.length) this.flush();
    if (body.length * 3 + eventLineOverhead > this.buffer.length) {
      this.text(`${eventPrefix}${body},"hash":"${hash}"}\n`);
      return;
    }
    this.used += this.buffer.write(eventPrefix, this.used, 'latin1');
    this.used += this.buffer.write(body, this.used, 'utf8');
    this.used += this.buffer.write(`,"hash":"${hash}"}\n`, this.used, 'latin1');
  }

  /** Writes what is left; the payload's length in bytes and its SHA-256. */
  finish(): { bytes: number; digest: Buffer } {
    this.flush();
    return { bytes: this.total, digest: this.digest.digest() };
  }

  private text(text: string): void {
    if (this.used + text.length * 3 > this.buffer.length) this.flush();
    if (text.length * 3 > this.buffer.length) this.emit(Buffer.from(text, 'utf8'));
    else this.used += this.buffer.write(text, this.used, 'utf8');
  }

  private flush(): void {
    if (this.used > 0) this.emit(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private emit(bytes: Buffer): void {
    this.digest.update(bytes);
    this.total += bytes.length;
    this.sink(bytes);
  }
}

export interface BundlePayload {
  header: BundleHeader;
  events: BundleEvent[];
  advisories: CarriedAdvisory[];
}

/** Read the payload; checks its shape and that each line's hash is the hash of its event. */
export function readPayload(payload: Buffer): BundlePayload {
  const text = payload.toString('utf8');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let headerJson: unknown;
  try {
    headerJson = JSON.parse(lines[0] ?? '');
  } catch {
    throw new PayloadError('line 1 (the header) is not JSON');
  }
  const format = (headerJson as { format?: unknown; version?: unknown } | null) ?? {};
  if (format.format === bundleFormat && !readableVersions.includes(format.version as number)) {
    throw new PayloadError(
      `the bundle has format version ${String(format.version)}; this app reads versions ` +
        readableVersions.join(' and '),
    );
  }
  const header = headerSchema.safeParse(headerJson);
  if (!header.success) {
    const issue = header.error.issues[0];
    throw new PayloadError(
      `line 1 (the header): ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
    );
  }
  const documents = header.data.advisories ?? 0;
  if (header.data.version === 1 && header.data.advisories !== undefined) {
    throw new PayloadError('line 1 (the header): a version 1 bundle carries no advisories');
  }
  if (lines.length - 1 !== header.data.events + documents) {
    throw new PayloadError(
      `the header announces ${header.data.events} events and ${documents} advisories but ` +
        `${lines.length - 1} lines follow`,
    );
  }
  const events: BundleEvent[] = [];
  for (let i = 1; i <= header.data.events; i++) {
    const line = lines[i] as string;
    const where = `line ${i + 1}`;
    if (!line.startsWith(eventPrefix) || line.length < eventPrefix.length + hashSuffixLength) {
      throw new PayloadError(`${where} is not an event line`);
    }
    const body = line.slice(eventPrefix.length, line.length - hashSuffixLength);
    const hash = line.slice(line.length - 66, line.length - 2);
    if (
      !line.endsWith('"}') ||
      line.slice(line.length - hashSuffixLength, line.length - 66) !== ',"hash":"'
    ) {
      throw new PayloadError(`${where} is not an event line`);
    }
    let fields: EventFields | null = null;
    try {
      fields = eventFields(JSON.parse(body));
    } catch {
      fields = null;
    }
    if (!fields) throw new PayloadError(`${where}: the event is not a well-formed audit event`);
    if (sha256Hex(body) !== hash) {
      throw new PayloadError(`${where}: event ${fields.id} does not match its hash`);
    }
    events.push({
      id: fields.id,
      hash,
      body,
      prevHash: fields.prevHash,
      entityType: fields.entityType,
      entityId: fields.entityId,
      action: fields.action,
      time: fields.time,
      payload: fields.payload,
    });
  }
  return { header: header.data, events, advisories: readAdvisories(lines, header.data.events + 1) };
}

function readAdvisories(lines: string[], first: number): CarriedAdvisory[] {
  const out: CarriedAdvisory[] = [];
  for (let i = first; i < lines.length; i++) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(lines[i] as string);
    } catch {
      parsed = null;
    }
    const line = carriedSchema.safeParse(parsed);
    if (!line.success) throw new PayloadError(`line ${i + 1} is not an advisory document line`);
    out.push(line.data.advisory);
  }
  return out;
}
