import type { TFunction } from 'i18next';

/**
 * Times as staff read them (local, 24-hour, no seconds), and the conversions between the
 * services' ISO strings and the browser's `datetime-local` field, which has no time zone.
 */

const display = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : display.format(date);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO (any offset) → `YYYY-MM-DDTHH:mm` in this computer's time zone. */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `YYYY-MM-DDTHH:mm` read in this computer's time zone → ISO with its offset (UTC), or null. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Now, or minutes from now, as a `datetime-local` value. */
export function localInputFromNow(minutes = 0): string {
  return isoToLocalInput(new Date(Date.now() + minutes * 60_000).toISOString());
}

/** "1 h 20 min", "45 min": durations the gate shows. */
export function formatMinutes(t: TFunction, total: number): string {
  const minutes = Math.round(Math.abs(total));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return hours > 0
    ? t('cases.duration.hoursMinutes', { hours, minutes: rest })
    : t('cases.duration.minutes', { minutes: rest });
}
