import { useMemo, useSyncExternalStore } from 'react';

/**
 * The part of the URL hash after the page: `#/my-devices/case/42` → ['case', '42']. Pages keep
 * their own sub-views (one case, one incident) in the hash so that reload and Back work.
 */
function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashPath(): string[] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => hash.replace(/^#\/?/, '').split('/').filter(Boolean).slice(1), [hash]);
}

/** A positive whole number from a hash segment, or undefined. */
export function idFromSegment(segment: string | undefined): number | undefined {
  if (segment === undefined || !/^\d{1,9}$/.test(segment)) return undefined;
  const value = Number(segment);
  return value > 0 ? value : undefined;
}

export const myDevicesHref = () => '#/my-devices';
export const myCaseHref = (caseId: number) => `#/my-devices/case/${caseId}`;
export const incidentHref = (incidentId: number) => `#/incidents/${incidentId}`;
export const incidentCaseHref = (incidentId: number, caseId: number) =>
  `#/incidents/${incidentId}/case/${caseId}`;
export const advisoryHref = (advisoryId?: number) =>
  advisoryId === undefined ? '#/advisories' : `#/advisories/${advisoryId}`;
/** The form opening an incident, with one advisory already chosen. */
export const newIncidentHref = (advisoryId?: number) =>
  advisoryId === undefined ? '#/incidents/new' : `#/incidents/new/${advisoryId}`;
