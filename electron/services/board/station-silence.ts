import type Database from 'better-sqlite3';
import type { BoardStation } from '../../api/domains/board';
import { defaultSilenceMinutes } from '../../api/domains/board';
import { mutate, type CallContext } from '../core/context';
import { getSetting, setSetting } from '../settings/settings';
import { allStations, selfRow } from '../stations/station-store';

/**
 * "Last heard from" for each station of the facility: when its last bundle with something new was
 * applied here. A station silent for longer than the commander's threshold is flagged, because
 * nothing it recorded since can be on this board.
 */

const key = 'board.station_silence_minutes';

export function silenceMinutes(db: Database.Database): number {
  return getSetting<number>(db, key) ?? defaultSilenceMinutes;
}

export function setSilenceMinutes(ctx: CallContext, minutes: number): { minutes: number } {
  const { db } = ctx.services;
  return mutate(ctx, () => {
    const before = silenceMinutes(db);
    setSetting(db, key, minutes);
    return {
      value: { minutes },
      audit:
        before === minutes
          ? []
          : {
              action: 'settings.changed',
              entityType: 'setting',
              entityId: 'station_silence',
              payload: { before: { minutes: before }, after: { minutes } },
            },
    };
  });
}

/** This station first, then the others by name; revoked ones are not expected to be heard. */
export function boardStations(db: Database.Database, now: Date): BoardStation[] {
  const self = selfRow(db);
  const limit = now.getTime() - silenceMinutes(db) * 60_000;
  const others = allStations(db)
    .filter((s) => s.station_id !== self?.station_id)
    .map((s): BoardStation => ({
      id: s.station_id,
      name: s.name,
      here: false,
      lastHeardFrom: s.last_heard_from,
      revoked: s.revoked_at !== null,
      silent:
        s.revoked_at === null &&
        (s.last_heard_from === null || Date.parse(s.last_heard_from) < limit),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const here: BoardStation[] = self
    ? [
        {
          id: self.station_id,
          name: self.name,
          here: true,
          lastHeardFrom: null,
          revoked: false,
          silent: false,
        },
      ]
    : [];
  return [...here, ...others];
}
