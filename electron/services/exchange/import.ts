import fs from 'node:fs';
import path from 'node:path';
import type { BundleImportOutcome, BundleImportReport } from '../../api/domains/exchange';
import type { Services } from '../core/context';
import { wordedError } from '../core/errors';
import { startWork } from '../core/running-work';
import { requireSelf } from '../stations/enrolment';
import { revocationIsAuthentic, revocationSchema } from '../stations/revocation';
import { readStationCertificate } from '../stations/station-certificates';
import {
  authorityRow,
  markRevoked,
  setHead,
  stationRow,
  upsertStation,
  type SelfRow,
} from '../stations/station-store';
import { recordAnswers } from './case-requests';
import { applyConflictChoices } from './conflict-choices';
import { adoptWaitingTransfers, waitingTransfers } from './case-adopt';
import { ownHeadId, receivedCases } from './received-cases';
import { applyToReplica } from './replica';
import { heldFiles, keepHeld, readBundleFile } from './held-bundles';
import { answerRequests } from './request-answers';
import { englishReason, Refusal, type BundleEvent, type BundleHeader } from './bundle-format';
import {
  storeCarriedAdvisories,
  validateCarriedAdvisories,
  type NotStored,
} from './carried-advisories';
import { NotAnEnvelope, TruncatedEnvelope } from './cms';
import { checkBundle, readBundle, type Checked, type VerifiedBundle } from './verify-bundle';

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
function applyBundle(services: Services, self: SelfRow, b: VerifiedBundle): NotStored[] {
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
    words: null,
    technical: null,
    ...rest,
  };
}

/** A refused bundle's outcome: the English, and the catalogue's words when the refusal has them. */
function refused(file: string, error: Refusal): BundleImportOutcome {
  return outcome(file, 'refused', {
    step: error.step,
    reason: error.message,
    words: error.words ?? null,
    technical: error.technical ?? null,
  });
}

/**
 * Read and check one bundle, validate the advisory documents it carries (asynchronous), then check
 * it against what is stored here and apply it, with no await between those two.
 */
async function importOne(
  services: Services,
  self: SelfRow,
  file: string,
): Promise<BundleImportOutcome> {
  let checked: Checked;
  try {
    const read = readBundle(services, self, readBundleFile(file));
    if (read.kind === 'read') {
      await validateCarriedAdvisories(services.db, read.facts.name, read.advisories);
      checked = checkBundle(services, read);
    } else {
      checked = read;
    }
  } catch (error) {
    if (error instanceof NotAnEnvelope) {
      const words = error.words ?? { key: 'bundleNotAnEnvelope', params: {} };
      const technical = error.words ? null : error.message;
      return outcome(file, 'not_a_bundle', {
        step: 'envelope',
        reason: englishReason(words, technical ?? undefined),
        words,
        technical,
      });
    }
    if (error instanceof TruncatedEnvelope) {
      return outcome(file, 'refused', {
        step: 'envelope',
        reason: error.message,
        words: error.words,
      });
    }
    if (error instanceof Refusal) return refused(file, error);
    throw error;
  }
  if (checked.kind === 'already_had' && checked.header) storeAck(services, self, checked.header);
  if (checked.kind !== 'apply') {
    return outcome(file, checked.kind, {
      stationId: checked.stationId,
      stationName: checked.stationName,
      reason: checked.reason,
      words: checked.words,
      step: checked.kind === 'held' ? 'extends' : null,
    });
  }
  let notStored: NotStored[];
  try {
    notStored = applyBundle(services, self, checked.bundle);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return refused(file, error);
  }
  const { header, newEvents } = checked.bundle;
  return outcome(file, 'applied', {
    stationId: header.station.id,
    stationName: header.station.name,
    applied: newEvents.length,
    reason: notStored.length > 0 ? notStored.map((n) => n.reason).join('; ') : null,
    notStored: notStored.length > 0 ? notStored.map((n) => n.words) : null,
    technical: notStored.length > 0 ? notStored.map((n) => n.technical).join('; ') : null,
  });
}

/**
 * Import bundles in any order: each is verified and applied on its own, all or nothing; one that
 * starts after a gap is held (kept in the data folder) and tried again whenever another bundle
 * was applied, here or in a later import.
 */
export function importBundles(services: Services, files: string[]): Promise<BundleImportReport> {
  const self = requireSelf(services);
  if (!self.certificate_der || !authorityRow(services.db)) {
    throw wordedError(
      'conflict',
      'stationNotEnrolled',
      { name: self.name },
      { station: 'not_enrolled' },
    );
  }
  // It awaits the validation of carried documents: a restore waits for it to finish.
  return startWork(services, { kind: 'bundle_import', what: 'bundle import' }, () =>
    importAll(services, self, files),
  );
}

async function importAll(
  services: Services,
  self: SelfRow,
  files: string[],
): Promise<BundleImportReport> {
  const held = heldFiles(services);
  const results = new Map<string, BundleImportOutcome>();
  const headBefore = ownHeadId(services.db);
  let pending = [...files.map((f) => path.resolve(f)), ...held];
  for (let progress = true; progress && pending.length > 0;) {
    progress = false;
    const waiting: string[] = [];
    for (const file of pending) {
      const r = await importOne(services, self, file);
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
