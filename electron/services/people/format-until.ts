/** When a lockout ends, as people read it at the station. */
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "10:47" today, "29 Nov 2026, 00:03" on another day, in the station's local time. */
export function formatUntil(until: Date, now: Date): string {
  return until.toDateString() === now.toDateString()
    ? timeFormat.format(until)
    : dateTimeFormat.format(until);
}
