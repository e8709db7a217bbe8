/**
 * The check from a point found sound before (verifyRecordsFrom), on a read-only connection of
 * its own, as the crash test runs it after each restart: the chain from the point on, and the
 * rows the newer events wrote compared with the tables.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFileName } from '../db/open';
import { sampleDevice } from '../test/sample-inputs';
import { startSignedIn, type TestRuntime } from '../test/temp-runtime';
import { verifyRecordsFrom } from './replay-check';
import { inReadSnapshot } from './verify';

let rt: TestRuntime;
beforeEach(async () => {
  rt = await startSignedIn('admin');
});
afterEach(() => rt.cleanup());

const file = () => path.join(rt.dir, databaseFileName);

/** What a reader with no part in the writes finds, from `from` on. */
function checkFrom(from: { id: number; hash: string } | null) {
  const reader = new Database(file(), { readonly: true, fileMustExist: true });
  try {
    return inReadSnapshot(reader, () => verifyRecordsFrom(reader, from));
  } finally {
    reader.close();
  }
}

/** Change the file as an attacker with file access would: plain SQL, no app, no triggers. */
function rawSql(sql: string, ...params: unknown[]): void {
  const db = new Database(file());
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

const createDevice = async (tag: string) =>
  (await rt.client().value('devices.create', sampleDevice(tag))) as { id: number };

describe('the replay check from a point found sound before', () => {
  it('follows the newer events, and finds a row they wrote that was changed without one', async () => {
    const before = await createDevice('FROM-1');
    const whole = checkFrom(null);
    expect(whole).toMatchObject({ ok: true, firstBad: null });
    const point = { id: whole.records?.throughEventId ?? 0, hash: whole.lastHash ?? '' };
    expect(point.id).toBeGreaterThan(0);

    const after = await createDevice('FROM-2');
    const since = checkFrom(point);
    expect(since).toMatchObject({ ok: true, firstBad: null, records: { scope: 'incremental' } });
    // Only what the newer events wrote is compared: the new device, not the whole table.
    expect(since.records?.rowsChecked).toBeGreaterThan(0);
    expect(since.records?.rowsChecked).toBeLessThan(whole.records?.rowsChecked ?? 0);

    rawSql(`UPDATE devices SET notes = 'changed behind the app' WHERE id = ?`, after.id);
    expect(checkFrom(point).records?.problems).toEqual([
      expect.objectContaining({ table: 'devices', key: `id=${after.id}`, field: 'notes' }),
    ]);

    // A row only older events wrote is the whole check's to find (the crash test runs it too).
    rawSql(`UPDATE devices SET notes = NULL WHERE id = ?`, after.id);
    rawSql(`UPDATE devices SET notes = 'changed behind the app' WHERE id = ?`, before.id);
    expect(checkFrom(point).ok).toBe(true);
    expect(checkFrom(null).records?.problems).toEqual([
      expect.objectContaining({ table: 'devices', key: `id=${before.id}`, field: 'notes' }),
    ]);
  });

  it('names the first event after a point the chain does not continue from', async () => {
    await createDevice('FROM-3');
    const whole = checkFrom(null);
    const id = whole.records?.throughEventId ?? 0;
    await createDevice('FROM-4');
    expect(checkFrom({ id, hash: '0'.repeat(64) })).toMatchObject({
      ok: false,
      firstBad: { id: id + 1, reason: expect.stringMatching(/link to the previous event/) },
    });
  });
});
