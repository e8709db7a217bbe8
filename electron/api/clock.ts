/**
 * The one clock of the app: every time the UI shows, asks for, words or prints is in the
 * facility's time zone, in one 24-hour format ("2026-12-03 13:35"), whatever zone the computer
 * itself is set to. The renderer, the services and the PDFs all format through this module.
 *
 * Pure (Intl, and CLDR's German city names of the zones). Formatters are cached per zone: building an `Intl.DateTimeFormat` costs far
 * more than using one, and the gate words times for every case a list shows.
 */

import germanZoneCities from './i18n/zone-cities.de.json' with { type: 'json' };
import type { Language } from './languages';

export type Instant = Date | string | number;

/** Used when the facility has not set a zone, and in place of a zone the runtime refuses. */
export const fallbackTimeZone = 'UTC';

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function build(zone: string, withOffset: boolean): Intl.DateTimeFormat | null {
  try {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(withOffset ? { timeZoneName: 'longOffset' as const } : {}),
    });
  } catch {
    return null; // a wrong setting must not stop the gate from answering: UTC instead
  }
}

function formatterFor(
  timeZone: string | null | undefined,
  withOffset = false,
): Intl.DateTimeFormat {
  const zone = timeZone || fallbackTimeZone;
  const key = withOffset ? `${zone}|offset` : zone;
  let f = formatters.get(key);
  if (f === undefined) {
    f = build(zone, withOffset);
    formatters.set(key, f);
  }
  return f ?? formatterFor(fallbackTimeZone, withOffset);
}

/** Whether the runtime knows this IANA zone name ("Europe/Zurich"). */
export function isKnownTimeZone(zone: string): boolean {
  if (!/^[A-Za-z0-9_+\-/]{1,64}$/.test(zone)) return false;
  return build(zone, false) !== null;
}

/** Every zone the runtime knows, for the Settings choice. */
export function knownTimeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

function toDate(at: Instant): Date {
  return at instanceof Date ? at : new Date(at);
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  offset: string;
}

function wallTime(date: Date, zone: string | null | undefined, withOffset = false): WallTime {
  const parts = formatterFor(zone, withOffset).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
    offset: get('timeZoneName'),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dayOf = (w: WallTime) => `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
const clockOf = (w: WallTime) => `${pad(w.hour)}:${pad(w.minute)}`;

/** "2026-12-03 13:35" in the zone; '' for nothing, the input itself when it is not a time. */
export function formatDateTime(at: Instant | null | undefined, zone?: string | null): string {
  if (at === null || at === undefined || at === '') return '';
  const date = toDate(at);
  if (Number.isNaN(date.getTime())) return String(at);
  const w = wallTime(date, zone);
  return `${dayOf(w)} ${clockOf(w)}`;
}

/** "2026-12-03" in the zone (ISO date). */
export function formatDate(at: Instant | null | undefined, zone?: string | null): string {
  if (at === null || at === undefined || at === '') return '';
  const date = toDate(at);
  return Number.isNaN(date.getTime()) ? String(at) : dayOf(wallTime(date, zone));
}

/** "2026-12-03 13:35 UTC+01:00": what leaves the app (PDFs), unambiguous on its own. */
export function formatDateTimeWithOffset(at: Instant, zone?: string | null): string {
  const date = toDate(at);
  if (Number.isNaN(date.getTime())) return String(at);
  const w = wallTime(date, zone, true);
  const offset = w.offset.replace(/^GMT/, 'UTC').replace(/^UTC(\+00:00)?$/, 'UTC');
  return `${dayOf(w)} ${clockOf(w)} ${offset}`;
}

/**
 * "2026-12-03T13:35:07+01:00": ISO 8601 in the zone, to the second, with its offset, for files
 * other programs read (CSV): a spreadsheet sorts it as text, and it names the instant on its own.
 */
export function formatIsoWithOffset(at: Instant, zone?: string | null): string {
  const date = toDate(at);
  if (Number.isNaN(date.getTime())) return String(at);
  const m = /([+-])(\d{2}):(\d{2})$/.exec(wallTime(date, zone, true).offset);
  const sign = m?.[1] === '-' ? -1 : 1;
  const minutes = m ? sign * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const local = new Date(date.getTime() + minutes * 60_000).toISOString().slice(0, 19);
  return `${local}${m ? `${m[1]}${m[2]}:${m[3]}` : '+00:00'}`;
}

/**
 * "13:35", or "2017-08-02 23:50" when it is not the same day as `now` in the zone. No word of
 * any language joins the day and the time: services put this into sentences the reader's
 * language words (English or German), so it must read the same in both.
 */
export function formatClock(at: Instant, now: Instant, zone?: string | null): string {
  const w = wallTime(toDate(at), zone);
  return dayOf(w) === dayOf(wallTime(toDate(now), zone)) ? clockOf(w) : `${dayOf(w)} ${clockOf(w)}`;
}

const germanCities: Readonly<Record<string, string | undefined>> = germanZoneCities.cities;

/**
 * The city that names the zone, in the language: "Zurich" for "Europe/Zurich" in English (from
 * the id: "New York" for "America/New_York"), "Zürich" in German (CLDR's exemplar city where the
 * German name differs, see i18n/zone-cities.de.json), "UTC" for UTC in both.
 */
export function zoneCity(zone: string | null | undefined, language: Language): string {
  const name = zone || fallbackTimeZone;
  const derived = (name.split('/').at(-1) ?? name).replace(/_/g, ' ');
  return (language === 'de' ? germanCities[name] : undefined) ?? derived;
}

/** How the zone reads in a list to choose from: "Europe/Zurich (Zürich)" in German. */
export function zoneLabel(zone: string, language: Language): string {
  const city = zoneCity(zone, language);
  return city === zoneCity(zone, 'en') ? zone : `${zone} (${city})`;
}

/** The instant at which the zone's clocks show this wall time (the earlier one across a change). */
export function instantOfWallTime(
  wall: { year: number; month: number; day: number; hour: number; minute: number },
  zone?: string | null,
): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const offsetAt = (ms: number) => {
    const w = wallTime(new Date(ms), zone);
    return (
      Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(ms / 60_000) * 60_000
    );
  };
  let guess = asUtc - offsetAt(asUtc);
  // A second step settles a guess that crossed a daylight-saving change.
  guess = asUtc - offsetAt(guess);
  return new Date(guess);
}

/** How a typed time reads when only a clock time is given: the last one, or the next one. */
export type TimeLeaning = 'past' | 'future' | 'nearest';

export type ParsedTime = { ok: true; at: Date } | { ok: false };

const units: Record<string, number> = {
  m: 1,
  min: 1,
  mins: 1,
  minute: 1,
  minutes: 1,
  minuten: 1,
  h: 60,
  hr: 60,
  hrs: 60,
  hour: 60,
  hours: 60,
  std: 60,
  stunde: 60,
  stunden: 60,
};

/**
 * What staff type for a time: "now", "30 min ago", "in 2 h", "13:35" (today, or the day the
 * leaning points to), "2026-12-03 13:35", "03.12.2026 13:35". English and German words.
 */
export function parseTimeInput(
  text: string,
  now: Instant,
  zone?: string | null,
  leaning: TimeLeaning = 'nearest',
): ParsedTime {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const nowDate = toDate(now);
  if (s === '') return { ok: false };
  if (s === 'now' || s === 'jetzt') return { ok: true, at: nowDate };

  const relative =
    /^(?:(in) )?(\d{1,4}) ?([a-z]+)\.?(?: (ago))?$/.exec(s) ??
    /^(vor|in) (\d{1,4}) ?([a-z]+)\.?$/.exec(s);
  if (relative) {
    const [, before, amount, unit, after] = relative;
    const minutes = unit ? units[unit] : undefined;
    const past = before === 'vor' || after === 'ago';
    const future = before === 'in';
    if (minutes !== undefined && past !== future) {
      const delta = Number(amount) * minutes * 60_000;
      return { ok: true, at: new Date(nowDate.getTime() + (past ? -delta : delta)) };
    }
    return { ok: false };
  }

  const clock = /^(\d{1,2})[:.h](\d{2})$/.exec(s);
  if (clock) {
    const hour = Number(clock[1]);
    const minute = Number(clock[2]);
    if (hour > 23 || minute > 59) return { ok: false };
    const today = wallTime(nowDate, zone);
    const at = instantOfWallTime({ ...today, hour, minute }, zone);
    const day = 24 * 60 * 60_000;
    const slack = 60_000;
    let shifted = at.getTime();
    if (leaning === 'past' && shifted > nowDate.getTime() + slack) shifted -= day;
    if (leaning === 'future' && shifted < nowDate.getTime() - slack) shifted += day;
    if (leaning === 'nearest') {
      const diff = shifted - nowDate.getTime();
      if (diff > day / 2) shifted -= day;
      else if (diff < -day / 2) shifted += day;
    }
    // Re-derive from the wall time so a shift across a daylight-saving change keeps the clock.
    const w = wallTime(new Date(shifted), zone);
    return { ok: true, at: instantOfWallTime({ ...w, hour, minute }, zone) };
  }

  const iso = /^(\d{4})-(\d{2})-(\d{2})[ t](\d{1,2}):(\d{2})$/.exec(s);
  const swiss = /^(\d{1,2})\.(\d{1,2})\.(\d{4}),? (\d{1,2})[:.](\d{2})$/.exec(s);
  const fields = iso
    ? [iso[1], iso[2], iso[3], iso[4], iso[5]]
    : swiss
      ? [swiss[3], swiss[2], swiss[1], swiss[4], swiss[5]]
      : null;
  if (!fields) return { ok: false };
  const [year, month, day, hour, minute] = fields.map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) {
    return { ok: false };
  }
  const at = instantOfWallTime({ year, month, day, hour, minute }, zone);
  const back = wallTime(at, zone);
  if (back.day !== day || back.month !== month) return { ok: false }; // 31 February
  return { ok: true, at };
}
