export const pageIds = [
  'my-devices',
  'devices',
  'advisories',
  'threats',
  'incidents',
  'board',
  'exchange',
  'settings',
] as const;
export type PageId = (typeof pageIds)[number];

import type { Role } from '../../../electron/api/permissions';

export const defaultPage: PageId = 'devices';

/**
 * Where a role starts: those who work at the devices on their devices, the commander on the
 * board, an administrator (who works no device) in Settings.
 */
export function homePage(role: Role | null | undefined): PageId {
  switch (role) {
    case 'incident_commander':
      return 'board';
    case 'admin':
      return 'settings';
    case null:
    case undefined:
      return defaultPage;
    default:
      return 'my-devices';
  }
}

/** Pages live in the URL hash: it works from a file or custom-protocol URL and survives reload. */
export function pageHref(page: PageId): string {
  return `#/${page}`;
}

export function pageFromHash(hash: string, home: PageId = defaultPage): PageId {
  // A page may keep a sub-view after its id (`#/incidents/3`): the first segment names the page.
  const id = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return (pageIds as readonly string[]).includes(id) ? (id as PageId) : home;
}

/** A view inside a page (a case, an incident): kept when the station changes hands. */
export function isSubView(hash: string): boolean {
  return hash.replace(/^#\/?/, '').split('/').filter(Boolean).length > 1;
}
