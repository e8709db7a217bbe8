import type Database from 'better-sqlite3';
import { fallbackTimeZone, isKnownTimeZone } from '../../api/clock';
import { mutate, type CallContext } from '../core/context';
import { getSetting, setSetting } from './settings';

/** The facility as set up (the demo facility or the hospital's own). */
export interface FacilitySetting {
  name?: string;
  site?: string;
  timezone?: string;
}

export function getFacility(db: Database.Database): FacilitySetting | undefined {
  return getSetting<FacilitySetting>(db, 'facility');
}

/** The facility's zone, in which every time is shown, asked for, worded and printed. */
export function facilityTimeZoneOrUtc(db: Database.Database): string {
  const zone = getFacility(db)?.timezone;
  return typeof zone === 'string' && isKnownTimeZone(zone) ? zone : fallbackTimeZone;
}

/** Run by an administrator in Settings; audited with the zone before and after. */
export function setFacilityTimeZone(ctx: CallContext, timeZone: string): { timeZone: string } {
  const { db } = ctx.services;
  return mutate(ctx, () => {
    const before = getFacility(db) ?? {};
    const after = { ...before, timezone: timeZone };
    setSetting(db, 'facility', after);
    return {
      value: { timeZone },
      audit:
        before.timezone === timeZone
          ? []
          : {
              action: 'settings.changed',
              entityType: 'setting',
              entityId: 'facility',
              payload: {
                before: { timezone: before.timezone ?? null },
                after: { timezone: timeZone },
              },
            },
    };
  });
}
