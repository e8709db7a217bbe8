/** Small helpers that turn times and lists into the plain words the workflow's messages use. */

/** "08:30", or "2017-08-02 23:50": the facility clock, shared with the renderer and the PDFs. */
export { formatClock } from '../../api/clock';

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
