import { z } from 'zod';
import { method } from '../define';
import { isKnownTimeZone } from '../clock';
import { empty, id, limit } from '../schemas';

export interface AppInfo {
  name: string;
  version: string;
  schemaVersion: number;
  dataDir: string;
  databaseFile: string;
  /** Always true: the app never opens a network connection. */
  offline: true;
  deviceCount: number;
  demoLoaded: boolean;
  /** The facility's name once one is set up (the demo facility or the hospital's own). */
  facility: string | null;
  /** The facility's IANA time zone ("Europe/Zurich"): every time shown is in it. UTC when unset. */
  timeZone: string;
}

export interface DbCheckReport {
  schemaVersion: number;
  appSchemaVersion: number;
  check: 'quick_check' | 'integrity_check';
  ok: boolean;
  problems: string[];
  journalMode: string;
}

export interface AuditVerifyReport {
  ok: boolean;
  eventCount: number;
  lastHash: string | null;
  /** The first event that does not fit the chain, and why. */
  firstBad: { id: number; reason: string } | null;
}

export interface AuditEventView {
  id: number;
  time: string;
  actorUserId: number | null;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string | null;
  payload: unknown;
  hash: string;
}

export interface DemoLoadReport {
  devicesAdded: number;
  advisoriesAdded: number;
  facility: string;
}

export const systemMethods = {
  'app.info': method<AppInfo>()(empty, 'Name, version, schema version and data folder of the app.'),
  'db.check': method<DbCheckReport>()(
    z.object({ full: z.boolean().optional() }).strict(),
    'Schema version and PRAGMA quick_check (integrity_check with full: true).',
  ),
  'audit.verify': method<AuditVerifyReport>()(
    empty,
    'Recompute the audit hash chain and name the first event that does not fit.',
  ),
  'audit.list': method<AuditEventView[]>()(
    z
      .object({
        entityType: z.string().max(64).optional(),
        entityId: z.string().max(128).optional(),
        afterId: id.optional(),
        limit: limit.optional(),
      })
      .strict(),
    'Audit events, oldest first, optionally for one entity.',
  ),
  'facility.setTimeZone': method<{ timeZone: string }>()(
    z
      .object({
        timeZone: z.string().max(64).refine(isKnownTimeZone, {
          message: 'Choose a time zone from the list, e.g. Europe/Zurich.',
        }),
      })
      .strict(),
    'Set the facility’s time zone, in which the app shows, asks for and prints every time.',
  ),
  'demo.load': method<DemoLoadReport>()(
    empty,
    'Load the demo facility (devices and bundled advisories) into an empty database.',
  ),
};
