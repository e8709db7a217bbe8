/**
 * Which case first: an explainable priority for every open case. The weights are one table;
 * each one that applies adds its points and a reason (a code with its values, worded in the
 * station's language: "known exploited since 2022-03-25 (CVE-2015-1635); reachable from the
 * business network; EPSS 0.94"), listed strongest first. Higher is more urgent; nothing is
 * hidden in a formula.
 */
import type Database from 'better-sqlite3';
import type { Criticality } from '../../api/domains/devices';
import type { PriorityReason } from '../../api/priority-reasons';
import { heldHere } from '../cases/held-here';

/**
 * The weights, in points. Known exploitation outweighs everything else (CISA's KEV: someone is
 * using it now); then whether an attacker can reach the device; then how likely exploitation is
 * (EPSS, a probability 0–1, scaled) and how bad (CVSS 0–10, scaled); then what the device means
 * for patients. Filtered ports lower it: the vulnerable services are not reachable.
 */
export const priorityWeights = {
  knownExploited: 40,
  ransomware: 10,
  /** Times the highest EPSS probability of the case's CVEs (0–1). */
  epssScale: 20,
  /** Times the highest CVSS base score (0–10). */
  cvssScale: 2,
  reachableFromInternet: 15,
  internetUnknown: 5,
  reachableFromBusiness: 10,
  businessUnknown: 3,
  portsOpen: 5,
  portsFiltered: -5,
  patientConnected: 10,
  criticality: { critical: 10, high: 7, medium: 3, low: 0 } satisfies Record<Criticality, number>,
} as const;

export interface PriorityFacts {
  kev: { cve: string; dateAdded: string; ransomware: boolean }[];
  epss: { cve: string; score: number } | null;
  cvss: number | null;
  criticality: Criticality | null;
  reachableFromInternet: string | null;
  reachableFromBusiness: string | null;
  portsFiltered: string | null;
  patientConnected: boolean;
}

export interface Priority {
  priority: number;
  /** Strongest first; worded in the station's language where shown (priority-words.ts). */
  reasons: PriorityReason[];
  knownExploited: string[];
}

const criticalityReason = {
  critical: 'criticalityCritical',
  high: 'criticalityHigh',
  medium: 'criticalityMedium',
} as const satisfies Partial<Record<Criticality, PriorityReason['code']>>;

export function computePriority(f: PriorityFacts): Priority {
  const w = priorityWeights;
  const parts: { points: number; reason: PriorityReason }[] = [];
  const add = (points: number, reason: PriorityReason) => parts.push({ points, reason });
  if (f.kev.length > 0) {
    const first = [...f.kev].sort((a, b) => a.dateAdded.localeCompare(b.dateAdded))[0];
    if (first) {
      add(w.knownExploited, {
        code: 'knownExploited',
        date: first.dateAdded,
        cves: f.kev.map((k) => k.cve),
      });
    }
    const ransom = f.kev.filter((k) => k.ransomware);
    if (ransom.length > 0) {
      add(w.ransomware, { code: 'ransomware', cves: ransom.map((k) => k.cve) });
    }
  }
  if (f.reachableFromInternet === 'yes') add(w.reachableFromInternet, { code: 'internet' });
  else if (f.reachableFromInternet === 'unknown' || f.reachableFromInternet === null)
    add(w.internetUnknown, { code: 'internetUnknown' });
  if (f.reachableFromBusiness === 'yes') add(w.reachableFromBusiness, { code: 'business' });
  else if (f.reachableFromBusiness === 'unknown' || f.reachableFromBusiness === null)
    add(w.businessUnknown, { code: 'businessUnknown' });
  if (f.portsFiltered === 'some_open') add(w.portsOpen, { code: 'portsOpen' });
  else if (f.portsFiltered === 'all_filtered') add(w.portsFiltered, { code: 'portsFiltered' });
  if (f.epss)
    add(w.epssScale * f.epss.score, { code: 'epss', score: f.epss.score, cve: f.epss.cve });
  if (f.cvss !== null) add(w.cvssScale * f.cvss, { code: 'cvss', score: f.cvss });
  if (f.patientConnected) add(w.patientConnected, { code: 'patientConnected' });
  if (f.criticality) {
    const points = w.criticality[f.criticality];
    if (points > 0 && f.criticality !== 'low')
      add(points, { code: criticalityReason[f.criticality] });
  }
  const total = parts.reduce((sum, p) => sum + p.points, 0);
  const reasons = [...parts].sort((a, b) => b.points - a.points).map((p) => p.reason);
  return {
    priority: Math.round(total * 10) / 10,
    reasons,
    knownExploited: f.kev.map((k) => k.cve),
  };
}

interface OpenCaseRow {
  id: number;
  revisionId: number;
  criticality: Criticality | null;
}

/** The checklist items of the exposure assessment (and the gate) that the weights read. */
export const exposureItems = [
  'reachable_from_internet',
  'reachable_from_business_network',
  'ports_filtered',
  'acquisition_running',
];

/** What an advisory revision brings to a priority: its CVEs as this station's KEV and EPSS see them. */
type RevisionFacts = Pick<PriorityFacts, 'kev' | 'epss' | 'cvss'>;

/**
 * The facts of advisory revisions, read once per revision: `key` names the revision (its ID
 * here, or station and ID in the replica) and `normalized` reads its document. The KEV catalogue
 * and EPSS set are this station's newest, for its own cases and those other stations hold alike.
 */
export function revisionFactsReader(
  db: Database.Database,
): (key: string, normalized: () => string | undefined) => RevisionFacts {
  const kev = new Map<string, { dateAdded: string; ransomware: boolean }>();
  const catalog = db
    .prepare('SELECT id FROM kev_catalogs ORDER BY date_released DESC, id DESC LIMIT 1')
    .pluck()
    .get() as number | undefined;
  if (catalog !== undefined) {
    const all = db
      .prepare('SELECT cve_id, date_added, ransomware FROM kev_entries WHERE catalog_id = ?')
      .raw()
      .all(catalog) as [string, string, number][];
    for (const [cve, dateAdded, ransomware] of all)
      kev.set(cve, { dateAdded, ransomware: ransomware === 1 });
  }
  const epssSet = db
    .prepare('SELECT id FROM epss_sets ORDER BY score_date DESC, id DESC LIMIT 1')
    .pluck()
    .get() as number | undefined;
  const epssOf = db.prepare('SELECT epss FROM epss_scores WHERE set_id = ? AND cve_id = ?').pluck();
  const perRevision = new Map<string, RevisionFacts>();
  return (key, normalized) => {
    let facts = perRevision.get(key);
    if (facts) return facts;
    const doc = JSON.parse(normalized() ?? '{}') as {
      vulnerabilities?: { cve: string | null; highestBaseScore: number | null }[];
    };
    let cvss: number | null = null;
    let epss: PriorityFacts['epss'] = null;
    const known: PriorityFacts['kev'] = [];
    for (const v of doc.vulnerabilities ?? []) {
      if (v.highestBaseScore !== null && (cvss === null || v.highestBaseScore > cvss))
        cvss = v.highestBaseScore;
      if (!v.cve) continue;
      const k = kev.get(v.cve);
      if (k) known.push({ cve: v.cve, ...k });
      if (epssSet !== undefined) {
        const score = epssOf.get(epssSet, v.cve) as number | undefined;
        if (score !== undefined && (!epss || score > epss.score)) epss = { cve: v.cve, score };
      }
    }
    facts = { kev: known, epss, cvss };
    perRevision.set(key, facts);
    return facts;
  };
}

/** One case's priority from its revision's facts, its device and its exposure answers. */
export function priorityOfCase(
  revision: RevisionFacts,
  criticality: Criticality | null,
  answers: ReadonlyMap<string, unknown> | undefined,
): Priority {
  const text = (item: string) => {
    const v = answers?.get(item);
    return typeof v === 'string' ? v : null;
  };
  return computePriority({
    ...revision,
    criticality,
    reachableFromInternet: text('reachable_from_internet'),
    reachableFromBusiness: text('reachable_from_business_network'),
    portsFiltered: text('ports_filtered'),
    patientConnected: answers?.get('acquisition_running') === true,
  });
}

/**
 * The priority of every open case (of one incident, or all), read in a few set queries: 10,000
 * cases share a handful of advisory revisions and CVEs. `caseIds` narrows it to those cases (a
 * board page needs a hundred of them, not the incident's ten thousand). Cases other stations
 * hold: remote-priority.ts, by the same rule.
 */
export function casePriorities(
  db: Database.Database,
  incidentId?: number,
  caseIds?: number | readonly number[],
): Map<number, Priority> {
  const ids = caseIds === undefined || Array.isArray(caseIds) ? caseIds : [caseIds];
  const scope = `${incidentId === undefined ? '' : 'AND c.incident_id = ?'} ${ids === undefined ? '' : 'AND c.id IN (SELECT value FROM json_each(?))'}`;
  const scopeArgs = [
    ...(incidentId === undefined ? [] : [incidentId]),
    ...(ids === undefined ? [] : [JSON.stringify(ids)]),
  ];
  const rows = db
    .prepare(
      `SELECT c.id, c.advisory_revision_id AS revisionId, d.criticality
         FROM cases c JOIN devices d ON d.id = c.device_id
        WHERE c.state <> 'returned_to_service' AND ${heldHere} ${scope}`,
    )
    .all(...scopeArgs) as OpenCaseRow[];
  const out = new Map<number, Priority>();
  if (rows.length === 0) return out;

  const answers = new Map<number, Map<string, unknown>>();
  const answerRows = db
    .prepare(
      `SELECT a.case_id AS caseId, a.item_id AS itemId, a.value FROM case_answers a
         JOIN cases c ON c.id = a.case_id
        WHERE c.state <> 'returned_to_service' AND a.item_id IN (SELECT value FROM json_each(?))
          ${scope}`,
    )
    .all(JSON.stringify(exposureItems), ...scopeArgs) as {
    caseId: number;
    itemId: string;
    value: string;
  }[];
  for (const a of answerRows) {
    const m = answers.get(a.caseId) ?? new Map<string, unknown>();
    m.set(a.itemId, JSON.parse(a.value) as unknown);
    answers.set(a.caseId, m);
  }

  const facts = revisionFactsReader(db);
  const readRevision = db.prepare('SELECT normalized FROM advisory_revisions WHERE id = ?').pluck();
  for (const r of rows) {
    const revision = facts(String(r.revisionId), () => readRevision.get(r.revisionId) as string);
    out.set(r.id, priorityOfCase(revision, r.criticality, answers.get(r.id)));
  }
  return out;
}
