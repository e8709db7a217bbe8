import fs from 'node:fs';
import path from 'node:path';
import type { BundleImportOutcome, BundleImportReport } from '../../api/domains/exchange';
import { eventBoundRows } from '../audit/apply-rows';
import { genesisHash } from '../audit/hash';
import type { BoundRowEntry } from '../audit/row-images';
import type { Services } from '../core/context';
import { wordedError } from '../core/errors';
import { requireSelf } from '../stations/enrolment';
import { revocationIsAuthentic, revocationSchema } from '../stations/revocation';
import { issuedByAuthority, readStationCertificate } from '../stations/station-certificates';
import {
  authorityRow,
  markRevoked,
  setHead,
  stationRow,
  upsertStation,
  type SelfRow,
} from '../stations/station-store';
import { CaseHolding } from './case-holding';
import { recordAnswers } from './case-requests';
import { applyConflictChoices } from './conflict-choices';
import { adoptWaitingTransfers, waitingTransfers } from './case-adopt';
import { ownHeadId, receivedCases } from './received-cases';
import { applyToReplica } from './replica';
import { heldFiles, keepHeld, readBundleFile } from './held-bundles';
import { answerRequests } from './request-answers';
import {
  PayloadError,
  readPayload,
  Refusal,
  type BundleEvent,
  type BundleHeader,
  type CarriedAdvisory,
} from './bundle-format';
import { storeCarriedAdvisories } from './carried-advisories';
import { envelopeSignatureValid, NotAnEnvelope, openEnvelope, TruncatedEnvelope } from './cms';

/** A bundle that passed every check, with what applying it will add. */
interface VerifiedBundle {
  header: BundleHeader;
  certificate: Buffer;
  keyFingerprint: string;
  newEvents: BundleEvent[];
  advisories: CarriedAdvisory[];
}

type Checked =
  | { kind: 'apply'; bundle: VerifiedBundle }
  | {
      kind: 'already_had';
      stationId: string;
      stationName: string;
      reason: string;
      /** Set for another station's bundle: what it acknowledges is kept even so. */
      header?: BundleHeader;
    }
  | { kind: 'held'; stationId: string; stationName: string; reason: string };

/** The checks of the issue, in its order; throws Refusal, NotAnEnvelope or TruncatedEnvelope. */
function verifyBundle(services: Services, self: SelfRow, bytes: Buffer): Checked {
  const { db, clock } = services;
  const envelope = openEnvelope(bytes);
  const authority = authorityRow(db);
  if (!authority) throw new Error('verifyBundle needs an enrolled station');

  // 1. The certificate chains to this facility's station authority; the station is not revoked.
  const certificate = envelope.signerCertificate;
  const facts = certificate ? readStationCertificate(certificate) : null;
  if (!certificate || !facts) {
    throw new Refusal('certificate', 'it carries no station certificate for its signer');
  }
  const who = `station "${facts.name}" (${facts.stationId})`;
  if (!issuedByAuthority(certificate, authority.certificate_der, clock.now())) {
    throw new Refusal(
      'certificate',
      `the certificate of ${who} is not issued by this facility's station authority, or is not ` +
        'valid now (a station of another facility, or a certificate made elsewhere)',
    );
  }
  const known = stationRow(db, facts.stationId);
  if (known?.revoked_at) {
    throw new Refusal('certificate', `${who} was revoked at ${known.revoked_at}`);
  }

  // 2. The signature over the payload.
  if (!envelopeSignatureValid(envelope)) {
    throw new Refusal(
      'signature',
      `the signature of ${who} does not match the content: the file was changed after it was signed`,
    );
  }

  let header: BundleHeader;
  let events: BundleEvent[];
  let advisories: CarriedAdvisory[];
  try {
    ({ header, events, advisories } = readPayload(envelope.payload));
  } catch (error) {
    if (error instanceof PayloadError) throw new Refusal('hash_chain', error.message);
    throw error;
  }
  if (header.station.id !== facts.stationId) {
    throw new Refusal('certificate', `the payload speaks for another station than ${who}`);
  }
  if (facts.stationId === self.station_id) {
    return {
      kind: 'already_had',
      stationId: facts.stationId,
      stationName: facts.name,
      reason: 'this station’s own bundle',
    };
  }

  // 3. Each event's hash chain, from the point it names to the head it carries.
  let previous = header.from;
  for (const e of events) {
    if (e.id !== previous.id + 1 || e.prevHash !== previous.hash) {
      throw new Refusal(
        'hash_chain',
        `event ${e.id} of ${who} does not follow event ${previous.id} in its hash chain`,
      );
    }
    previous = { id: e.id, hash: e.hash };
  }
  if (previous.id !== header.head.id || previous.hash !== header.head.hash) {
    throw new Refusal('hash_chain', `the chain of ${who} does not end at the head it carries`);
  }

  // 4. The chain extends the last head received from that station.
  const storedHead = { id: known?.head_id ?? 0, hash: known?.head_hash ?? genesisHash };
  if (header.from.id > storedHead.id) {
    return {
      kind: 'held',
      stationId: facts.stationId,
      stationName: facts.name,
      reason:
        `it starts after event ${header.from.id} of ${who}, but only events up to ` +
        `${storedHead.id} are here: events ${storedHead.id + 1}–${header.from.id} are missing ` +
        '(import the bundle that carries them)',
    };
  }
  const storedHash = db.prepare<[string, number], { hash: string }>(
    'SELECT hash FROM station_events WHERE station_id = ? AND id = ?',
  );
  const differs = (id: number, hash: string) =>
    id > 0 && id <= storedHead.id && storedHash.get(facts.stationId, id)?.hash !== hash;
  if (differs(header.from.id, header.from.hash)) {
    throw new Refusal(
      'extends',
      `the history of ${who} was rewritten: event ${header.from.id} differs from the one received before`,
    );
  }
  for (const e of events) {
    if (e.id > storedHead.id) break;
    if (differs(e.id, e.hash)) {
      throw new Refusal(
        'extends',
        `the history of ${who} was rewritten: event ${e.id} differs from the one received before`,
      );
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
      throw new Refusal(
        'content',
        `event ${e.id} of ${who} carries records that do not fit: ${(error as Error).message}`,
      );
    }
    const caseId = holding.notHeld(e, rows);
    if (caseId !== null) {
      throw new Refusal(
        'content',
        `event ${e.id} of ${who} is about case ${caseId}, which that station does not hold`,
      );
    }
  }
  if (newEvents.length === 0) {
    return {
      kind: 'already_had',
      stationId: facts.stationId,
      stationName: facts.name,
      reason: `every event in it (up to ${header.head.id}) was already here`,
      header,
    };
  }
  return {
    kind: 'apply',
    bundle: { header, certificate, keyFingerprint: facts.keyFingerprint, newEvents, advisories },
  };
}

/**
 * Store the station's new events and head, their records in the facility replica (replica.ts),
 * its acknowledgement of ours, its revocations, the requests it sends this station (applied here)
 * and its answers to ours, the commander's choices in case conflicts, the cases it hands to this
 * station (opened here, case-transfer.ts): one transaction.
 *
 * Storing another station's events records no event in this station's chain (what it opens or
 * reopens from them does): such an event would travel in this station's next bundle and be
 * recorded again where it arrives, so two stations sharing a folder would exchange for ever.
 * What is read from the replica is kept by the other stations' heads instead, which every
 * applied bundle moves (the board's lists, board-attention.ts).
 */
function applyBundle(services: Services, self: SelfRow, b: VerifiedBundle): string[] {
  const { db, clock } = services;
  const stationId = b.header.station.id;
  // Requests and conflict choices count only from the station holding the organisation identity.
  const from = {
    ...b.header.station,
    commandPost: readStationCertificate(b.certificate)?.commandPost === true,
  };
  return db.transaction(() => {
    upsertStation(db, {
      station_id: stationId,
      name: b.header.station.name,
      key_fingerprint: b.keyFingerprint,
      certificate_der: b.certificate,
      enrolled_at: null,
    });
    const insert = db.prepare(
      'INSERT INTO station_events (station_id, id, body, hash) VALUES (?, ?, ?, ?)',
    );
    for (const e of b.newEvents) {
      insert.run(stationId, e.id, e.body, e.hash);
      applyToReplica(db, stationId, e.payload);
      if (e.action === 'station.revoked') applyRevocation(services, e);
    }
    const notStored = storeCarriedAdvisories(services, b.header.station, b.advisories);
    setHead(db, stationId, b.header.head, clock.now().toISOString());
    storeAck(services, self, b.header);
    applyConflictChoices(services, self, from, b.newEvents);
    adoptWaitingTransfers(services, self);
    answerRequests(services, self, from, b.newEvents);
    recordAnswers(db, self, stationId, b.newEvents);
    return notStored;
  })();
}

/**
 * How far the sending station has received this station's chain, so that the next bundle for it
 * starts there. Kept from bundles with nothing new too: a station that only acknowledges (a
 * command post that recorded nothing since) still lets the others' bundles shrink.
 */
function storeAck(services: Services, self: SelfRow, header: BundleHeader): void {
  const ack = header.acks.find((a) => a.station === self.station_id);
  if (!ack || !stationRow(services.db, header.station.id)) return;
  services.db
    .prepare(
      `INSERT INTO station_acks (station_id, acked_id, acked_hash) VALUES (?, ?, ?)
       ON CONFLICT (station_id) DO UPDATE SET acked_id = excluded.acked_id,
         acked_hash = excluded.acked_hash
       WHERE excluded.acked_id > station_acks.acked_id`,
    )
    .run(header.station.id, ack.id, ack.hash);
}

/** A revocation counts when the organisation signed it, whichever station's bundle brings it. */
function applyRevocation(services: Services, e: BundleEvent): void {
  const payload = e.payload as { revocation?: unknown; name?: unknown } | undefined;
  const parsed = revocationSchema.safeParse(payload?.revocation);
  if (!parsed.success || !revocationIsAuthentic(services, parsed.data)) return;
  const r = parsed.data;
  // A station not heard from yet is recorded as revoked, so that its first bundle is refused.
  if (!stationRow(services.db, r.stationId)) {
    upsertStation(services.db, {
      station_id: r.stationId,
      name: typeof payload?.name === 'string' ? payload.name : r.stationId,
      key_fingerprint: r.keyFingerprint,
      certificate_der: null,
      enrolled_at: null,
    });
  }
  markRevoked(services.db, r.stationId, r.revokedAt, JSON.stringify(r));
}

function outcome(
  file: string,
  status: BundleImportOutcome['status'],
  rest: Partial<BundleImportOutcome> = {},
): BundleImportOutcome {
  return {
    file,
    status,
    stationId: null,
    stationName: null,
    applied: 0,
    step: null,
    reason: null,
    ...rest,
  };
}

function importOne(services: Services, self: SelfRow, file: string): BundleImportOutcome {
  let checked: Checked;
  try {
    checked = verifyBundle(services, self, readBundleFile(file));
  } catch (error) {
    if (error instanceof NotAnEnvelope) {
      return outcome(file, 'not_a_bundle', { step: 'envelope', reason: error.message });
    }
    if (error instanceof TruncatedEnvelope) {
      return outcome(file, 'refused', { step: 'envelope', reason: error.message });
    }
    if (error instanceof Refusal) {
      return outcome(file, 'refused', { step: error.step, reason: error.message });
    }
    throw error;
  }
  if (checked.kind === 'already_had' && checked.header) storeAck(services, self, checked.header);
  if (checked.kind !== 'apply') {
    return outcome(file, checked.kind, {
      stationId: checked.stationId,
      stationName: checked.stationName,
      reason: checked.reason,
      step: checked.kind === 'held' ? 'extends' : null,
    });
  }
  let notStored: string[];
  try {
    notStored = applyBundle(services, self, checked.bundle);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return outcome(file, 'refused', { step: error.step, reason: error.message });
  }
  const { header, newEvents } = checked.bundle;
  return outcome(file, 'applied', {
    stationId: header.station.id,
    stationName: header.station.name,
    applied: newEvents.length,
    reason: notStored.length > 0 ? notStored.join('; ') : null,
  });
}

/**
 * Import bundles in any order: each is verified and applied on its own, all or nothing; one that
 * starts after a gap is held (kept in the data folder) and tried again whenever another bundle
 * was applied, here or in a later import.
 */
export function importBundles(services: Services, files: string[]): BundleImportReport {
  const self = requireSelf(services);
  if (!self.certificate_der || !authorityRow(services.db)) {
    throw wordedError(
      'conflict',
      'stationNotEnrolled',
      { name: self.name },
      { station: 'not_enrolled' },
    );
  }
  const held = heldFiles(services);
  const results = new Map<string, BundleImportOutcome>();
  const headBefore = ownHeadId(services.db);
  let pending = [...files.map((f) => path.resolve(f)), ...held];
  for (let progress = true; progress && pending.length > 0;) {
    progress = false;
    const waiting: string[] = [];
    for (const file of pending) {
      const r = importOne(services, self, file);
      results.set(file, r);
      if (r.status === 'held') waiting.push(file);
      if (r.status === 'applied') progress = true;
    }
    pending = waiting;
  }
  for (const file of pending) keepHeld(services, file);
  for (const file of held) {
    if (results.get(file)?.status !== 'held') fs.rmSync(file, { force: true });
  }
  // A case handed here that waited may be opened now: this station may have imported the
  // device, the advisory or opened the incident it waited for since the bundle arrived.
  services.db.transaction(() => adoptWaitingTransfers(services, self))();
  const given = new Set(files.map((f) => path.resolve(f)));
  return {
    outcomes: [...results.values()].filter((r) => given.has(r.file) || r.status === 'applied'),
    waitingCases: waitingTransfers(services.db, self.station_id),
    receivedCases: receivedCases(services.db, headBefore),
  };
}
