/** Small helpers that turn times and lists into the plain words the workflow's messages use. */

/**
 * One formatter per time zone, kept: building an `Intl.DateTimeFormat` costs far more than using
 * one, and the gate and guards format times for every case a list shows (500 cases took seconds).
 * `null` remembers a zone name the runtime refuses, so it is not tried again on every call.
 */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const zone = timeZone || 'UTC';
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      f = null; // a wrong facility setting must not stop the gate from answering: UTC instead
    }
    formatters.set(zone, f);
  }
  return f ?? formatterFor('UTC');
}

function localParts(date: Date, formatter: Intl.DateTimeFormat): { day: string; clock: string } {
  const parts = formatter.formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: `${get('year')}-${get('month')}-${get('day')}`,
    clock: `${get('hour')}:${get('minute')}`,
  };
}

/** "08:30", or "23:50 on 2017-08-02" when it is not the same day as `now` where the device is. */
export function formatClock(date: Date, now: Date, timeZone?: string): string {
  const formatter = formatterFor(timeZone);
  const at = localParts(date, formatter);
  return at.day === localParts(now, formatter).day ? at.clock : `${at.clock} on ${at.day}`;
}

/** Whole minutes, rounded down (a conservative "time left"); hours from two hours on. */
export function formatMinutes(minutes: number): string {
  const whole = Math.max(0, Math.floor(minutes));
  if (whole < 120) return `${whole} min`;
  const rest = whole % 60;
  return rest === 0 ? `${whole / 60} h` : `${Math.floor(whole / 60)} h ${rest} min`;
}

/** "a", "a and b", "a, b and c" — at most `max` named, then "and N more". */
export function listPhrase(items: readonly string[], max = 4): string {
  const shown = items.length > max ? items.slice(0, max - 1) : [...items];
  const hidden = items.length - shown.length;
  const all = hidden > 0 ? [...shown, `${hidden} more`] : shown;
  if (all.length <= 1) return all[0] ?? '';
  return `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}
