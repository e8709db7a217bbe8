import type { TFunction } from 'i18next';
import {
  fallbackTimeZone,
  formatDate as formatDateInZone,
  formatDateTime as formatInZone,
  parseTimeInput,
  type TimeLeaning,
} from '../../../electron/api/clock';

/**
 * Times as staff read and type them: in the facility's time zone (never the computer's), 24-hour,
 * through the same module the services and the PDFs use. The zone comes from app.info; the
 * app re-renders everything when it changes (AppInfoProvider).
 */
let facilityZone = fallbackTimeZone;

export function setFacilityTimeZone(zone: string): void {
  facilityZone = zone;
}

export function facilityTimeZone(): string {
  return facilityZone;
}

/** "2026-12-03 13:35", in the facility's zone. */
export function formatDateTime(iso: string | null | undefined): string {
  return formatInZone(iso, facilityZone);
}

/** "2026-12-03": the facility's day, ISO. */
export function formatDate(iso: string | null | undefined): string {
  return formatDateInZone(iso, facilityZone);
}

/** A saved time as the text of a time field: "2026-12-03 13:35". */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : formatInZone(d, facilityZone);
}

/** What was typed ("now", "30 min ago", "13:35", "2026-12-03 13:35") → ISO (UTC), or null. */
export function localInputToIso(value: string, leaning: TimeLeaning = 'nearest'): string | null {
  const parsed = parseTimeInput(value, Date.now(), facilityZone, leaning);
  return parsed.ok ? parsed.at.toISOString() : null;
}

/** Now, or minutes from now, as the text of a time field. */
export function localInputFromNow(minutes = 0): string {
  return formatInZone(Date.now() + minutes * 60_000, facilityZone);
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
