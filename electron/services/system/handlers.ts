import type { AuditEventView } from '../../api';
import type { AuditEventBody, systemMethods } from '../../api/domains/system';
import { verifyRecords, verifyRecordsSince } from '../audit/replay-check';
import { lastStartCheck } from '../audit/start-check';
import { verifyAnchorFiles } from '../audit/anchor-files';
import { connectionOptionsOf, openOtherDatabase } from '../backup/connections';
import { appVersion } from '../core/app-version';
import type { HandlerMap } from '../core/handler';
import { appSchemaVersion, schemaVersionOf } from '../db/migrate';
import { countDevices } from '../devices/devices';
import { activeDemoAccountCount } from '../people/demo-accounts';
import { unfinishedDemoSteps, demoLanguage } from '../seed/demo-progress';
import { facilityTimeZoneOrUtc, getFacility, setFacilityTimeZone } from '../settings/facility';
import { getSetting } from '../settings/settings';

interface AuditRow {
  id: number;
  body: string;
  hash: string;
}

type AuditBody = AuditEventBody;

export const systemHandlers: HandlerMap<keyof typeof systemMethods> = {
  'app.info': (_input, { services }) => ({
    name: 'Standalone',
    version: appVersion(),
    schemaVersion: schemaVersionOf(services.db),
    dataDir: services.dataDir,
    databaseFile: services.databaseFile,
    offline: true,
    deviceCount: countDevices(services.db),
    demoLoaded: getSetting(services.db, 'demo') !== undefined,
    demoUnfinished: unfinishedDemoSteps(services.db, services.resourcesDir).length > 0,
    demoLanguage: demoLanguage(services.db),
    demoAccountsActive: activeDemoAccountCount(services.db) > 0,
    facility: getFacility(services.db)?.name ?? null,
    timeZone: facilityTimeZoneOrUtc(services.db),
  }),

  'db.check': ({ full }, { services }) => {
    const check = full ? 'integrity_check' : 'quick_check';
    const rows = services.db.pragma(check, { simple: false }) as Record<string, string>[];
    const problems = rows.map((r) => String(Object.values(r)[0])).filter((r) => r !== 'ok');
    return {
      schemaVersion: schemaVersionOf(services.db),
      appSchemaVersion,
      check,
      ok: problems.length === 0,
      problems,
      journalMode: String(services.db.pragma('journal_mode', { simple: true })),
    };
  },

  'audit.verify': ({ scope }, { services }) =>
    scope === 'incremental' ? verifyRecordsSince(services.db) : verifyRecords(services.db),

  'audit.verifyAnchors': ({ files }, { services }) =>
    verifyAnchorFiles(services.db, files, (file) =>
      openOtherDatabase(file, { ...connectionOptionsOf(services), readonly: true }),
    ),

  'audit.startCheck': (_input, { services }) => {
    const last = lastStartCheck(services);
    if (!last) return { startedAt: null, finishedAt: null, ok: null, problemCount: 0 };
    const report = last.report;
    return {
      startedAt: last.startedAt,
      finishedAt: last.finishedAt,
      ok: report ? report.ok : null,
      problemCount: report ? (report.records?.problemCount ?? (report.firstBad ? 1 : 0)) : 0,
    };
  },

  'audit.list': ({ entityType, entityId, afterId, limit }, { services }) => {
    const where: string[] = ['id > ?'];
    const params: unknown[] = [afterId ?? 0];
    if (entityType !== undefined) {
      where.push('entity_type = ?');
      params.push(entityType);
    }
    if (entityId !== undefined) {
      where.push('entity_id = ?');
      params.push(entityId);
    }
    const rows = services.db
      .prepare(
        `SELECT id, body, hash FROM audit_events WHERE ${where.join(' AND ')} ORDER BY id LIMIT ?`,
      )
      .all(...params, limit ?? 1000) as AuditRow[];
    return rows.map((r): AuditEventView => {
      const b = JSON.parse(r.body) as AuditBody;
      return {
        id: r.id,
        time: b.time,
        actorUserId: b.actorUserId,
        actorRole: b.actorRole,
        action: b.action,
        entityType: b.entityType,
        entityId: b.entityId,
        payload: b.payload,
        hash: r.hash,
      };
    });
  },

  'facility.setTimeZone': ({ timeZone }, ctx) => setFacilityTimeZone(ctx, timeZone),
};
