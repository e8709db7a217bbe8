import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BundleExport } from '../../api/domains/exchange';
import { genesisHash } from '../audit/hash';
import type { Services } from '../core/context';
import { ServiceError, wordedError } from '../core/errors';
import { systemCause } from '../storage/system-error';
import { requireSelf } from '../stations/enrolment';
import { loadStationKey } from '../stations/station-key';
import { allStations } from '../stations/station-store';
import {
  advisoryLine,
  bundleFormat,
  bundleVersion,
  eventLineOverhead,
  PayloadWriter,
  type BundleHeader,
} from './bundle-format';
import { advisoriesToCarry } from './carried-advisories';
import { envelopeAround } from './cms';

export const bundleExtension = '.p7m';

/** Where the other stations stand with this station's chain: the lowest acknowledgement. */
function acknowledgedUpTo(services: Services, selfId: string): { id: number; hash: string } {
  const { db } = services;
  const others = allStations(db).filter((s) => s.station_id !== selfId && !s.revoked_at);
  if (others.length === 0) return { id: 0, hash: genesisHash };
  const acks = new Map(
    db
      .prepare<[], { station_id: string; acked_id: number; acked_hash: string }>(
        'SELECT station_id, acked_id, acked_hash FROM station_acks',
      )
      .all()
      .map((a) => [a.station_id, a]),
  );
  let lowest = { id: Number.MAX_SAFE_INTEGER, hash: genesisHash };
  for (const s of others) {
    const a = acks.get(s.station_id);
    if (!a) return { id: 0, hash: genesisHash };
    if (a.acked_id < lowest.id) lowest = { id: a.acked_id, hash: a.acked_hash };
  }
  // An acknowledgement beyond what this chain holds (a restored older database) counts for nothing.
  const own = db
    .prepare<[number], { hash: string }>('SELECT hash FROM audit_events WHERE id = ?')
    .get(lowest.id);
  return own && own.hash === lowest.hash ? lowest : { id: 0, hash: genesisHash };
}

/** `<station name>-<station id prefix>-<first>-<head>.p7m`: sorted, a folder reads in chain order. */
function bundleFileName(view: Omit<BundleExport, 'file' | 'bytes'>): string {
  const name = view.stationName.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'station';
  const pad = (n: number) => String(n).padStart(9, '0');
  return `${name}-${view.stationId.slice(0, 8)}-${pad(view.fromId + 1)}-${pad(view.headId)}${bundleExtension}`;
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length;) {
    done += fs.writeSync(fd, bytes, done, bytes.length - done);
  }
}

/**
 * Write this station's bundle to `fd`: the envelope's start, the events as they are read from the
 * database, the signature over their hash. One read transaction, so the count announced, the
 * events written and the head signed are the same.
 */
function writeBundle(services: Services, fd: number): Omit<BundleExport, 'file'> {
  const { db, clock } = services;
  const self = requireSelf(services);
  if (!self.certificate_der) {
    throw wordedError('conflict', 'notEnrolled', { name: self.name }, { station: 'not_enrolled' });
  }
  const certificateDer = self.certificate_der;
  const privateKey = loadStationKey(services.dataDir, self.public_key_der);
  return db.transaction(() => {
    const from = acknowledgedUpTo(services, self.station_id);
    const head = db
      .prepare<[], { last_id: number; last_hash: string }>(
        'SELECT last_id, last_hash FROM audit_head WHERE singleton = 1',
      )
      .get() ?? { last_id: 0, last_hash: genesisHash };
    // The payload's length leads the envelope, so it is counted before the events are read.
    const size = db
      .prepare<[number], { events: number; bytes: number }>(
        `SELECT count(*) AS events, coalesce(sum(length(CAST(body AS BLOB))), 0) AS bytes
         FROM audit_events WHERE id > ?`,
      )
      .get(from.id) ?? { events: 0, bytes: 0 };
    const acks = allStations(db)
      .filter((s) => s.station_id !== self.station_id && s.head_id !== null && s.head_hash !== null)
      .map((s) => ({
        station: s.station_id,
        id: s.head_id as number,
        hash: s.head_hash as string,
      }));
    // The advisory documents after the events; a bundle without any stays version 1.
    const documents = advisoriesToCarry(db, self.station_id, from.id).map(advisoryLine);
    const header: BundleHeader = {
      format: bundleFormat,
      version: documents.length > 0 ? bundleVersion : 1,
      station: { id: self.station_id, name: self.name },
      createdAt: clock.now().toISOString(),
      from,
      head: { id: head.last_id, hash: head.last_hash },
      events: size.events,
      ...(documents.length > 0 ? { advisories: documents.length } : {}),
      acks,
    };
    const payloadBytes =
      Buffer.byteLength(JSON.stringify(header) + '\n') +
      size.bytes +
      size.events * eventLineOverhead +
      documents.reduce((n, line) => n + Buffer.byteLength(line) + 1, 0);
    const envelope = envelopeAround(payloadBytes, { certificateDer, privateKey }, clock.now());
    writeAll(fd, envelope.before);
    const payload = new PayloadWriter((bytes) => writeAll(fd, bytes));
    payload.header(header);
    const events = db
      .prepare<[number], { body: string; hash: string }>(
        'SELECT body, hash FROM audit_events WHERE id > ? ORDER BY id',
      )
      .iterate(from.id);
    for (const e of events) payload.event(e.body, e.hash);
    for (const line of documents) payload.line(line);
    const written = payload.finish();
    if (written.bytes !== payloadBytes) {
      throw new Error(`the payload has ${written.bytes} bytes, not the ${payloadBytes} announced`);
    }
    const after = envelope.after(written.digest);
    writeAll(fd, after);
    return {
      stationId: self.station_id,
      stationName: self.name,
      fromId: from.id,
      headId: head.last_id,
      events: size.events,
      bytes: envelope.before.length + payloadBytes + after.length,
    };
  })();
}

/** The bundle could not be written: why, in people's words; the system's own behind Details. */
function bundleNotWritten(folder: string, error: unknown): ServiceError {
  const { lists, details } = systemCause(error);
  return wordedError(
    'storage_error',
    'bundleNotWritten',
    { folder },
    { folder, ...details },
    lists,
  );
}

export function exportBundle(services: Services, outDir: string): BundleExport {
  const dir = path.resolve(outDir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw wordedError('invalid_input', 'bundleFolderMissing', { folder: dir });
  }
  // Written beside and renamed: a station watching the folder never reads half a bundle.
  const temp = path.join(dir, `.bundle.${process.pid}.${crypto.randomUUID()}.partial`);
  let fd: number;
  try {
    fd = fs.openSync(temp, 'wx');
  } catch (error) {
    throw bundleNotWritten(dir, error);
  }
  let written: Omit<BundleExport, 'file'>;
  try {
    written = writeBundle(services, fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    if (error instanceof ServiceError) throw error;
    throw bundleNotWritten(dir, error);
  }
  const file = path.join(dir, bundleFileName(written));
  try {
    fs.closeSync(fd);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw bundleNotWritten(dir, error);
  }
  return { ...written, file };
}
