import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDate,
  formatDateTime,
  formatDateTimeWithOffset,
  formatIsoWithOffset,
  instantOfWallTime,
  isKnownTimeZone,
  knownTimeZones,
  parseTimeInput,
  zoneCity,
  zoneLabel,
} from './clock';
import { languages } from './languages';

const zurich = 'Europe/Zurich';
// 2026-12-03 12:05 UTC = 13:05 in Zurich (winter, UTC+1) = 07:05 in New York.
const now = new Date('2026-12-03T12:05:00Z');

describe('the facility clock', () => {
  it('words one instant the same way whatever zone the computer is in', () => {
    expect(formatDateTime('2026-12-03T11:35:00Z', zurich)).toBe('2026-12-03 12:35');
    expect(formatDateTime('2026-12-03T11:35:00Z', 'America/New_York')).toBe('2026-12-03 06:35');
    expect(formatDate('2026-12-03T23:30:00Z', zurich)).toBe('2026-12-04');
    expect(formatDateTimeWithOffset('2026-07-01T08:00:00Z', zurich)).toBe(
      '2026-07-01 10:00 UTC+02:00',
    );
    expect(formatDateTimeWithOffset('2026-07-01T08:00:00Z', 'UTC')).toBe('2026-07-01 08:00 UTC');
  });

  it('writes ISO 8601 with the zone’s offset for files other programs read', () => {
    expect(formatIsoWithOffset('2026-12-03T11:35:07.250Z', zurich)).toBe(
      '2026-12-03T12:35:07+01:00',
    );
    expect(formatIsoWithOffset('2026-07-01T08:00:00Z', zurich)).toBe('2026-07-01T10:00:00+02:00');
    expect(formatIsoWithOffset('2026-12-03T02:00:00Z', 'America/New_York')).toBe(
      '2026-12-02T21:00:00-05:00',
    );
    expect(formatIsoWithOffset('2026-12-03T11:35:00Z', 'Asia/Kathmandu')).toBe(
      '2026-12-03T17:20:00+05:45',
    );
    expect(formatIsoWithOffset('2026-12-03T11:35:00Z', 'UTC')).toBe('2026-12-03T11:35:00+00:00');
    expect(formatIsoWithOffset('2026-12-03T11:35:00Z', null)).toBe('2026-12-03T11:35:00+00:00');
    // Read back by any ISO parser, it is the same instant (to the second), in every zone.
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1990-01-01Z'),
          max: new Date('2090-01-01Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(zurich, 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC'),
        (date, zone) => {
          const text = formatIsoWithOffset(date, zone);
          expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
          expect(Date.parse(text)).toBe(Math.floor(date.getTime() / 1000) * 1000);
        },
      ),
    );
  });

  it('names the day only when it is not today where the facility is', () => {
    expect(formatClock('2026-12-03T11:35:00Z', now, zurich)).toBe('12:35');
    expect(formatClock('2026-12-02T22:50:00Z', now, zurich)).toBe('2026-12-02 23:50');
  });

  it('joins another day and its time with no English word, for German lines too', () => {
    const other = formatClock('2026-11-30T06:05:00Z', now, zurich);
    expect(other).toBe('2026-11-30 07:05');
    expect(other).not.toMatch(/[a-z]/i);
  });

  it('falls back to UTC for a zone the runtime refuses, and says nothing for nothing', () => {
    expect(isKnownTimeZone('Europe/Zurich')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(formatDateTime('2026-12-03T11:35:00Z', 'Mars/Olympus')).toBe('2026-12-03 11:35');
    expect(formatDateTime(null, zurich)).toBe('');
    expect(formatDateTime('not a time', zurich)).toBe('not a time');
  });

  it("names the zone by its city, in the station's language", () => {
    expect(zoneCity(zurich, 'en')).toBe('Zurich');
    expect(zoneCity(zurich, 'de')).toBe('Zürich');
    expect(zoneCity('America/New_York', 'en')).toBe('New York');
    expect(zoneCity('America/New_York', 'de')).toBe('New York');
    expect(zoneCity(undefined, 'en')).toBe('UTC');
    expect(zoneCity(undefined, 'de')).toBe('UTC');
  });

  it('uses the German name where German names the city otherwise, for its older ids too', () => {
    const german = {
      'Europe/Vienna': 'Wien',
      'Europe/Copenhagen': 'Kopenhagen',
      'Europe/Brussels': 'Brüssel',
      'Europe/Rome': 'Rom',
      'Europe/Moscow': 'Moskau',
      'Europe/Warsaw': 'Warschau',
      'Europe/Prague': 'Prag',
      'Europe/Lisbon': 'Lissabon',
      'Europe/Athens': 'Athen',
      'Europe/Bucharest': 'Bukarest',
      'Europe/Belgrade': 'Belgrad',
      'Europe/Kiev': 'Kiew',
      'Europe/Kyiv': 'Kiew',
      'Asia/Calcutta': 'Kalkutta',
      'Asia/Kolkata': 'Kalkutta',
      'Asia/Tokyo': 'Tokio',
    };
    for (const [zone, city] of Object.entries(german)) {
      expect(zoneCity(zone, 'de'), zone).toBe(city);
      expect(zoneCity(zone, 'en'), zone).not.toBe(city);
    }
    // A city merged into another zone keeps its own name, not the zone's (Kyiv).
    expect(zoneCity('Europe/Uzhgorod', 'de')).toBe('Uzhgorod');
  });

  it('names every zone the runtime knows, in both languages', () => {
    const zones = knownTimeZones();
    expect(zones.length).toBeGreaterThan(300);
    for (const zone of zones) {
      for (const language of languages) {
        const city = zoneCity(zone, language);
        expect(city.trim(), `${zone} in ${language}`).not.toBe('');
        expect(city, `${zone} in ${language}`).not.toMatch(/[_/]/);
      }
    }
    const differ = zones.filter((zone) => zoneCity(zone, 'de') !== zoneCity(zone, 'en'));
    expect(differ).toContain(zurich);
  });

  it('labels the zones of the Settings choice by id, with the German city where it differs', () => {
    expect(zoneLabel(zurich, 'en')).toBe('Europe/Zurich');
    expect(zoneLabel(zurich, 'de')).toBe('Europe/Zurich (Zürich)');
    expect(zoneLabel('Europe/Berlin', 'de')).toBe('Europe/Berlin');
    expect(zoneLabel('America/New_York', 'de')).toBe('America/New_York');
    expect(zoneLabel('UTC', 'de')).toBe('UTC');
    for (const zone of knownTimeZones()) {
      for (const language of languages) expect(zoneLabel(zone, language)).toContain(zone);
    }
  });
});

describe('typed times', () => {
  const parsed = (text: string, leaning?: 'past' | 'future') => {
    const r = parseTimeInput(text, now, zurich, leaning);
    return r.ok ? r.at.toISOString() : null;
  };

  it('takes now, minutes and hours ago or ahead, in English and German', () => {
    expect(parsed('now')).toBe('2026-12-03T12:05:00.000Z');
    expect(parsed('Jetzt')).toBe('2026-12-03T12:05:00.000Z');
    expect(parsed('30 min ago')).toBe('2026-12-03T11:35:00.000Z');
    expect(parsed('30min ago')).toBe('2026-12-03T11:35:00.000Z');
    expect(parsed('vor 30 min')).toBe('2026-12-03T11:35:00.000Z');
    expect(parsed('in 2 h')).toBe('2026-12-03T14:05:00.000Z');
    expect(parsed('in 90 minutes')).toBe('2026-12-03T13:35:00.000Z');
  });

  it('reads a 24-hour clock time in the facility zone, not the computer zone', () => {
    expect(parsed('12:35')).toBe('2026-12-03T11:35:00.000Z');
    expect(parsed('12.35')).toBe('2026-12-03T11:35:00.000Z');
    // Later than now, leaning to the past (an injection): yesterday.
    expect(parsed('23:00', 'past')).toBe('2026-12-02T22:00:00.000Z');
    // Earlier than now, leaning to the future (a re-check): tomorrow.
    expect(parsed('08:00', 'future')).toBe('2026-12-04T07:00:00.000Z');
    expect(parsed('2026-12-01 08:15')).toBe('2026-12-01T07:15:00.000Z');
    expect(parsed('01.12.2026 08:15')).toBe('2026-12-01T07:15:00.000Z');
  });

  it('refuses what is not a time', () => {
    for (const text of ['', 'soon', '25:00', '12:60', '30 min', '2026-02-31 10:00', '1:2']) {
      expect(parsed(text)).toBeNull();
    }
  });

  it('round-trips every minute through its wall time, across daylight-saving changes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2030, 0, 1) / 60_000 }),
        fc.constantFrom(zurich, 'America/New_York', 'Asia/Shanghai', 'UTC', 'Asia/Kolkata'),
        (minute, zone) => {
          const at = new Date(minute * 60_000);
          const text = formatDateTime(at, zone);
          const back = parseTimeInput(text, now, zone);
          expect(back.ok).toBe(true);
          if (back.ok) expect(formatDateTime(back.at, zone)).toBe(text);
        },
      ),
      { numRuns: 500 },
    );
    const spring = instantOfWallTime(
      { year: 2026, month: 3, day: 29, hour: 1, minute: 30 },
      zurich,
    );
    expect(spring.toISOString()).toBe('2026-03-29T00:30:00.000Z');
  });
});
