import type Database from 'better-sqlite3';
import { formatClock } from '../../api/clock';
import { facilityTimeZoneOrUtc } from '../settings/facility';

/**
 * When a lockout ends (or an earlier sign-off was given), as the station reads it: "10:47" today,
 * "2026-11-29 00:03" on another day, on the facility's clock like every other time the app words,
 * whatever zone the computer itself is set to.
 */
export function formatUntil(db: Database.Database, until: Date, now: Date): string {
  return formatClock(until, now, facilityTimeZoneOrUtc(db));
}
