import { z } from 'zod';
import { method } from '../define';
import { id, isoDateTime, limit, offset } from '../schemas';
import type { BoardRow } from './board';
import type { CaseState, Hics251Status, PersonRef } from './cases';

/** Incidents: a named response to one or more advisories, with one case per affected device. */

export const incidentStatuses = ['open', 'closed'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

export interface IncidentSummary {
  id: number;
  name: string;
  status: IncidentStatus;
  commander: PersonRef;
  operationalPeriod: { start: string; end: string };
  advisories: { id: number; trackingId: string; version: string; title: string }[];
  caseCount: number;
  openCaseCount: number;
  /** Every state, zero included. */
  countsByState: Record<CaseState, number>;
  countsByHics251: Record<Hics251Status, number>;
  /** Cases flagged for re-review, and deferred cases whose re-check is overdue. */
  flagged: { needsReReview: number; recheckOverdue: number };
  summary: string | null;
  createdAt: string;
  closedAt: string | null;
}

export interface IncidentCreateResult {
  incident: IncidentSummary;
  casesOpened: number;
  /** Confirmed matches that got no case, and why (already in another open case). */
  skipped: { assetTag: string; trackingId: string; reason: string }[];
}

/** The incident's cases over the facility, as its counts count them, each with its station. */
export interface IncidentCasePage {
  /** How many match (all of the incident's, or its open ones). */
  total: number;
  /** By asset tag; a case held at another station is shown there, not opened here. */
  cases: BoardRow[];
}

export const incidentMethods = {
  'incidents.create': method<IncidentCreateResult>()(
    z
      .object({
        name: z.string().trim().min(1).max(200),
        commanderUserId: id,
        operationalPeriod: z.object({ start: isoDateTime, end: isoDateTime }).strict(),
        advisoryIds: z.array(id).min(1).max(50),
      })
      .strict(),
    'Open an incident for one or more advisories: one case per confirmed match of those advisories.',
  ),
  'incidents.list': method<IncidentSummary[]>()(
    z.object({ status: z.enum(incidentStatuses).optional() }).strict(),
    'Every incident with its counts per state, newest first.',
  ),
  'incidents.get': method<IncidentSummary>()(
    z.object({ id }).strict(),
    'One incident with its counts per state and per HICS 251 status.',
  ),
  'incidents.cases': method<IncidentCasePage>()(
    z
      .object({
        id,
        /** Only open cases (not returned to service). */
        openOnly: z.boolean().optional(),
        limit: limit.max(1000).optional(),
        offset: offset.optional(),
      })
      .strict(),
    "The incident's cases over the facility (this station's and those other stations hold, each with its station), by asset tag, as its counts count them.",
  ),
  'incidents.close': method<IncidentSummary>()(
    z.object({ id, summary: z.string().trim().min(1).max(4000) }).strict(),
    'Close an incident with a closing summary; refused while any of its cases is open.',
  ),
};
