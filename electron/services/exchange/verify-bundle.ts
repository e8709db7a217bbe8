import type { BoundRowEntry } from '../audit/row-images';
import { eventBoundRows } from '../audit/apply-rows';
import { genesisHash } from '../audit/hash';
import { englishErrorWords, type ErrorParams, type ErrorWords } from '../../api/error-words';
import type { Services } from '../core/context';
import { issuedByAuthority, readStationCertificate } from '../stations/station-certificates';
import { authorityRow, stationRow, type SelfRow } from '../stations/station-store';
import {
  PayloadError,
  readPayload,
  refusal,
  type BundleEvent,
  type BundleHeader,
  type CarriedAdvisory,
} from './bundle-format';
import { CaseHolding } from './case-holding';
import { envelopeSignatureValid, openEnvelope } from './cms';

/**
 * The checks of a bundle before it is applied (import.ts), in the order: the certificate,
 * the signature, each event's hash chain (readBundle, which needs nothing stored here), then that
 * the chain extends the last head received and what the new events carry (checkBundle, run
 * right before the bundle is applied).
 */
/** A bundle that passed every check, with what applying it will add. */
export interface VerifiedBundle {
  header: BundleHeader;
  certificate: Buffer;
  keyFingerprint: string;
  newEvents: BundleEvent[];
  advisories: CarriedAdvisory[];
}

export type Checked =
  | { kind: 'apply'; bundle: VerifiedBundle }
  | {
      kind: 'already_had';
      stationId: string;
      stationName: string;
      reason: string;
      words: ErrorWords;
      /** Set for another station's bundle: what it acknowledges is kept even so. */
      header?: BundleHeader;
    }
  | { kind: 'held'; stationId: string; stationName: string; reason: string; words: ErrorWords };

/** A station as the reasons name it: "station "NM laptop 2" (id)". */
function stationParams(facts: { stationId: string; name: string }): ErrorParams {
  return { station: facts.name, id: facts.stationId };
}

/** A reason in English and as the catalogue's words. */
function said(words: ErrorWords): { reason: string; words: ErrorWords } {
  return { reason: englishErrorWords(words), words };
}

/** A bundle that passed the checks that need nothing stored here: steps 1 to 3. */
export interface ReadBundle {
  kind: 'read';
  facts: { stationId: string; name: string; keyFingerprint: string };
  certificate: Buffer;
  header: BundleHeader;
  events: BundleEvent[];
  advisories: CarriedAdvisory[];
}

/**
 * The checks of the issue, in its order, up to each event's hash chain (step 3); step 4 and the
 * content follow in checkBundle. Throws Refusal, NotAnEnvelope or TruncatedEnvelope.
 */
export function readBundle(services: Services, self: SelfRow, bytes: Buffer): ReadBundle | Checked {
  const { db, clock } = services;
  const envelope = openEnvelope(bytes);
  const authority = authorityRow(db);
  if (!authority) throw new Error('verifyBundle needs an enrolled station');

  // 1. The certificate chains to this facility's station authority; the station is not revoked.
  const certificate = envelope.signerCertificate;
  const facts = certificate ? readStationCertificate(certificate) : null;
  if (!certificate || !facts) {
    throw refusal('certificate', 'bundleNoCertificate', {});
  }
  const station = stationParams(facts);
  if (!issuedByAuthority(certificate, authority.certificate_der, clock.now())) {
    throw refusal('certificate', 'bundleForeignCertificate', station);
  }
  const known = stationRow(db, facts.stationId);
  if (known?.revoked_at) {
    throw refusal('certificate', 'bundleStationRevoked', { ...station, at: known.revoked_at });
  }

  // 2. The signature over the payload.
  if (!envelopeSignatureValid(envelope)) {
    throw refusal('signature', 'bundleSignatureMismatch', station);
  }

  let header: BundleHeader;
  let events: BundleEvent[];
  let advisories: CarriedAdvisory[];
  try {
    ({ header, events, advisories } = readPayload(envelope.payload));
  } catch (error) {
    if (error instanceof PayloadError) {
      throw refusal('hash_chain', 'bundleContentUnreadable', {}, error.message);
    }
    throw error;
  }
  if (header.station.id !== facts.stationId) {
    throw refusal('certificate', 'bundleOtherStation', station);
  }
  if (facts.stationId === self.station_id) {
    return {
      kind: 'already_had',
      stationId: facts.stationId,
      stationName: facts.name,
      ...said({ key: 'bundleOwn', params: {} }),
    };
  }

  // 3. Each event's hash chain, from the point it names to the head it carries.
  let previous = header.from;
  for (const e of events) {
    if (e.id !== previous.id + 1 || e.prevHash !== previous.hash) {
      throw refusal('hash_chain', 'bundleChainBroken', {
        ...station,
        event: e.id,
        previous: previous.id,
      });
    }
    previous = { id: e.id, hash: e.hash };
  }
  if (previous.id !== header.head.id || previous.hash !== header.head.hash) {
    throw refusal('hash_chain', 'bundleChainEnd', station);
  }
  return { kind: 'read', facts, certificate, header, events, advisories };
}

/**
 * Step 4, the chain extends the last head received from that station, and the records the new
 * events carry; run with no await between it and applyBundle, so what it read still holds.
 */
export function checkBundle(services: Services, read: ReadBundle): Checked {
  const { db } = services;
  const { facts, certificate, header, events, advisories } = read;
  const station = stationParams(facts);
  const known = stationRow(db, facts.stationId);
  // Revoked while its documents were validated: step 1 again.
  if (known?.revoked_at) {
    throw refusal('certificate', 'bundleStationRevoked', { ...station, at: known.revoked_at });
  }
  const storedHead = { id: known?.head_id ?? 0, hash: known?.head_hash ?? genesisHash };
  if (header.from.id > storedHead.id) {
    return {
      kind: 'held',
      stationId: facts.stationId,
      stationName: facts.name,
      ...said({
        key: 'bundleGap',
        params: {
          ...station,
          from: header.from.id,
          stored: storedHead.id,
          first: storedHead.id + 1,
        },
      }),
    };
  }
  const storedHash = db.prepare<[string, number], { hash: string }>(
    'SELECT hash FROM station_events WHERE station_id = ? AND id = ?',
  );
  const differs = (id: number, hash: string) =>
    id > 0 && id <= storedHead.id && storedHash.get(facts.stationId, id)?.hash !== hash;
  if (differs(header.from.id, header.from.hash)) {
    throw refusal('extends', 'bundleRewritten', { ...station, event: header.from.id });
  }
  for (const e of events) {
    if (e.id > storedHead.id) break;
    if (differs(e.id, e.hash)) {
      throw refusal('extends', 'bundleRewritten', { ...station, event: e.id });
    }
  }
  const newEvents = events.filter((e) => e.id > storedHead.id);
  // The records each event carries must fit this facility's schema, and speak only of cases the
  // station holds, before anything is stored.
  const holding = new CaseHolding(db, facts.stationId);
  for (const e of newEvents) {
    let rows: BoundRowEntry[];
    try {
      rows = eventBoundRows(db, e.payload);
    } catch (error) {
      const technical = error instanceof Error ? error.message : String(error);
      throw refusal('content', 'bundleRecordsMisfit', { ...station, event: e.id }, technical);
    }
    const caseId = holding.notHeld(e, rows);
    if (caseId !== null) {
      throw refusal('content', 'bundleCaseNotHeld', { ...station, event: e.id, caseId });
    }
  }
  if (newEvents.length === 0) {
    return {
      kind: 'already_had',
      stationId: facts.stationId,
      stationName: facts.name,
      ...said({ key: 'bundleNothingNew', params: { head: header.head.id } }),
      header,
    };
  }
  return {
    kind: 'apply',
    bundle: { header, certificate, keyFingerprint: facts.keyFingerprint, newEvents, advisories },
  };
}
