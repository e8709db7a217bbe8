/** The board's columns, in order; `select` holds the row's checkbox. */
export const boardColumns = [
  'select',
  'device',
  'state',
  'location',
  'assignee',
  'advisory',
  'next',
] as const;
export type BoardColumn = (typeof boardColumns)[number];
