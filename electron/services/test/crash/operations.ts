/**
 * The real operations the crash and offline tests drive through the services, one entry each.
 * A later operation (answers, sign-offs, transitions) joins by adding one entry: its method, how
 * to make the n-th input, and how to find its effect in the database once it was acknowledged.
 * Entries whose method is not in the API yet are left out, so the table can run ahead of the code;
 * each round drives only the entries the signed-in role may call (the permission table says which).
 */
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { api, type MethodName } from '../../../api/methods';
import type { Result } from '../../../api/result';
import { mayCall, type Role } from '../../../api/permissions';
import { sampleDevice } from '../sample-inputs';
import { fixturesDir } from '../temp-runtime';
import {
  bulkDecisionOperations,
  caseOperations,
  emptyCaseState,
  type CaseDriveState,
} from './case-operations';
import { recordOperations } from './record-operations';

/** What the driver remembers between operations, across every kill and restart. */
export interface DriveState {
  /** Devices that exist for sure: the demo's, and every acknowledged create. */
  deviceIds: number[];
  /** Every value sent to a "last writer wins" field, in order, by key. */
  sent: Map<string, string[]>;
  /** CSAF fixtures not imported yet (each is imported once). */
  advisoryFiles: string[];
  /** The drill incident's cases, as read back after the last (re)start. */
  cases: CaseDriveState;
  /** Where backups to restore go (inside the test's data folder); none: no restores. */
  backupFolder: string | null;
}

export interface Acknowledged {
  operation: string;
  input: unknown;
  value: unknown;
}

/**
 * The kinds of write the crash test must reach, each with a fair share of the picks (see
 * `drive`): every kind is acknowledged at least once in the short run.
 */
export const operationKinds = [
  'devices',
  'imports',
  'settings',
  'transitions',
  'answers',
  'assignments',
  'sign-offs',
  'bulk decisions',
  'restores',
  'replay checks',
] as const;
export type OperationKind = (typeof operationKinds)[number];

export interface Operation {
  name: string;
  kind: OperationKind;
  method: string;
  /**
   * The roles whose signed-in user can complete it, where the method's permission is wider than
   * the operation (any signed-in user opens a sign-off, but only a biomed gives this kind).
   */
  roles?: readonly Role[];
  /**
   * Null from `input` means "nothing to do now" (a queue another call refills) rather than
   * "nothing left": the operation stays in the drive.
   */
  waits?: boolean;
  /**
   * Runs with no other call in flight (the others wait until it is done): a restore replaces the
   * database and signs everyone out under the calls around it.
   */
  exclusive?: boolean;
  /** Several calls as one operation (the default: one call of `method`); the first refusal ends it. */
  run?(
    call: (method: string, input: unknown) => Promise<Result<unknown>>,
    input: unknown,
  ): Promise<Result<unknown>>;
  /** The input of the n-th call (n is unique across the run), or null when there is nothing left to do. */
  input(state: DriveState, n: number): unknown;
  /** The call succeeded (and was acknowledged): remember what later calls need. */
  acknowledged?(state: DriveState, input: unknown, value: unknown): void;
  /** null when the acknowledged call's effect is in the database, else what is missing. */
  missing(db: Database.Database, ack: Acknowledged, state: DriveState): string | null;
}

const demoDeviceCount = 34;

export function initialDriveState(): DriveState {
  const csafDir = path.join(fixturesDir, 'csaf');
  return {
    deviceIds: Array.from({ length: demoDeviceCount }, (_, i) => i + 1),
    sent: new Map(),
    advisoryFiles: fs.existsSync(csafDir)
      ? fs
          .readdirSync(csafDir)
          .filter((f) => f.endsWith('.json'))
          .map((f) => path.join(csafDir, f))
      : [],
    cases: emptyCaseState(),
    backupFolder: null,
  };
}

function remember(state: DriveState, key: string, value: string): void {
  const list = state.sent.get(key) ?? [];
  list.push(value);
  state.sent.set(key, list);
}

/**
 * For a field that later calls overwrite: the stored value must be the acknowledged one or one
 * sent after it (a later call may have committed just before the kill, unacknowledged).
 */
function lastWriterMissing(
  state: DriveState,
  key: string,
  acked: string,
  stored: unknown,
): string | null {
  const sent = state.sent.get(key) ?? [];
  const from = sent.indexOf(acked);
  if (from >= 0 && typeof stored === 'string' && sent.slice(from).includes(stored)) return null;
  return `${key} holds ${JSON.stringify(stored)}, older than the acknowledged ${JSON.stringify(acked)}`;
}

/** JSON with keys in order, so that equal settings compare equal as text. */
const sortedJson = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );

const exists = (db: Database.Database, sql: string, ...params: unknown[]) =>
  db.prepare(sql).get(...params) !== undefined;

const inventoryHeader =
  'asset_tag,vendor,model,product_family,modality,os,os_version,software_version,department,clinical_criticality,notes';

export const operations: Operation[] = [
  {
    name: 'create a device',
    kind: 'devices',
    method: 'devices.create',
    input: (_state, n) => sampleDevice(`CRASH-${n}`, { notes: `created by call ${n}` }),
    acknowledged: (state, _input, value) => state.deviceIds.push((value as { id: number }).id),
    missing(db, { input, value }) {
      const { id } = value as { id: number };
      const { assetTag } = input as { assetTag: string };
      if (!exists(db, 'SELECT 1 FROM devices WHERE id = ? AND asset_tag = ?', id, assetTag)) {
        return `device ${assetTag} (id ${id})`;
      }
      return exists(
        db,
        "SELECT 1 FROM audit_events WHERE entity_type = 'device' AND entity_id = ?",
        String(id),
      )
        ? null
        : `the audit event of device ${assetTag}`;
    },
  },
  {
    name: 'update a device',
    kind: 'devices',
    method: 'devices.update',
    input(state, n) {
      const id = state.deviceIds[n % state.deviceIds.length] ?? 1;
      const notes = `updated by call ${n}`;
      remember(state, `device ${id} notes`, notes);
      return { id, changes: { notes, softwareVersion: `V${n % 97}` } };
    },
    missing(db, { input }, state) {
      const { id, changes } = input as { id: number; changes: { notes: string } };
      const stored = db.prepare('SELECT notes FROM devices WHERE id = ?').pluck().get(id);
      return lastWriterMissing(state, `device ${id} notes`, changes.notes, stored);
    },
  },
  {
    name: 'import an inventory',
    kind: 'imports',
    method: 'inventory.import',
    input: (_state, n) => ({
      fileName: `crash-${n}.csv`,
      content:
        `${inventoryHeader}\n` +
        `INV-${n}-A,Siemens Healthineers,Symbia T6,SPECT/CT,NM,Windows 7,SP1,VB10B,Nuclear Medicine,high,from import ${n}\n` +
        `INV-${n}-B,GE Healthcare,Discovery NM/CT 670,SPECT/CT,NM,Windows 7,SP1,2.0,Nuclear Medicine,medium,\n`,
    }),
    missing(db, { input, value }) {
      if ((value as { written?: boolean }).written === false) return null;
      const n = /crash-(\d+)\.csv/.exec((input as { fileName: string }).fileName)?.[1];
      for (const tag of [`INV-${n}-A`, `INV-${n}-B`]) {
        if (!exists(db, 'SELECT 1 FROM devices WHERE asset_tag = ?', tag))
          return `imported device ${tag}`;
      }
      return null;
    },
  },
  {
    name: 'import an advisory',
    kind: 'imports',
    method: 'advisories.import',
    input(state) {
      const file = state.advisoryFiles.shift();
      return file
        ? { fileName: path.basename(file), content: fs.readFileSync(file, 'utf8') }
        : null;
    },
    missing(db, { input, value }) {
      const v = value as { outcome: string; advisoryId: number | null };
      if (v.outcome === 'refused' || v.advisoryId === null) return null;
      return exists(
        db,
        'SELECT 1 FROM advisories WHERE id = ? AND current_revision_id IS NOT NULL',
        v.advisoryId,
      )
        ? null
        : `advisory ${(input as { fileName: string }).fileName} (id ${v.advisoryId})`;
    },
  },
  {
    name: 'change an audited setting',
    kind: 'settings',
    method: 'backup.setSettings',
    input(state, n) {
      const settings = {
        automatic: false,
        folder: null,
        intervalMinutes: 5 + (n % 1000),
        keep: 1 + (n % 100),
      };
      remember(state, 'backup settings', sortedJson(settings));
      return settings;
    },
    missing(db, { input }, state) {
      const stored = db.prepare("SELECT value FROM settings WHERE key = 'backup'").pluck().get();
      const parsed = typeof stored === 'string' ? sortedJson(JSON.parse(stored)) : stored;
      return lastWriterMissing(state, 'backup settings', sortedJson(input), parsed);
    },
  },
  ...caseOperations,
  ...bulkDecisionOperations,
  ...recordOperations,
];

/** The operations whose method exists in this build of the API (and, given a role, it may call). */
export function availableOperations(role?: Role): Operation[] {
  return operations.filter(
    (op) =>
      Object.prototype.hasOwnProperty.call(api, op.method) &&
      (role === undefined ||
        (mayCall(op.method as MethodName, [role]) && (op.roles?.includes(role) ?? true))),
  );
}
