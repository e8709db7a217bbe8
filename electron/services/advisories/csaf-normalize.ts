/**
 * The normalised view of a CSAF 2.0 document: what the app shows and what matching reads.
 * Vendor names are trimmed ("Digi International, Inc. "), remediation fragments that CISA splits
 * into several entries are joined, and a remediation repeated for every CVE is listed once.
 */
import {
  productStatusKinds,
  type AdvisoryNote,
  type AdvisoryProduct,
  type AdvisoryRemediation,
  type AdvisoryVulnerability,
  type NormalizedAdvisory,
  type ProductStatusKind,
} from '../../api/domains/advisories';
import type { VendorIndex } from '../matching/vendors';
import type {
  CsafBranch,
  CsafDocument,
  CsafFullProductName,
  CsafNote,
  CsafRemediation,
} from './csaf-types';

interface BranchContext {
  vendor: string | null;
  productName: string | null;
  version: string | null;
  versionRange: string | null;
}

function productFrom(
  p: CsafFullProductName,
  ctx: BranchContext,
  vendors: VendorIndex,
): AdvisoryProduct {
  const helper = p.product_identification_helper;
  return {
    productId: p.product_id,
    name: p.name.trim(),
    vendor: ctx.vendor,
    vendorKey: vendors.identify(ctx.vendor)?.key ?? null,
    productName: ctx.productName,
    version: ctx.version,
    versionRange: ctx.versionRange,
    modelNumbers: helper?.model_numbers ?? [],
    cpe: helper?.cpe ?? null,
    statuses: [],
  };
}

function walkBranches(
  branches: CsafBranch[] | undefined,
  ctx: BranchContext,
  out: AdvisoryProduct[],
  vendors: VendorIndex,
): void {
  for (const b of branches ?? []) {
    const name = b.name.trim();
    const next: BranchContext = { ...ctx };
    if (b.category === 'vendor') next.vendor = name;
    else if (
      b.category === 'product_name' ||
      (b.category === 'product_family' && !ctx.productName)
    ) {
      next.productName = name;
    } else if (b.category === 'product_version') next.version = name;
    else if (b.category === 'product_version_range') next.versionRange = name;
    if (b.product) out.push(productFrom(b.product, next, vendors));
    walkBranches(b.branches, next, out, vendors);
  }
}

const notesOf = (notes: CsafNote[] | undefined): AdvisoryNote[] =>
  (notes ?? []).map((n) => ({ category: n.category, title: n.title ?? null, text: n.text }));

const isStatusKind = (k: string): k is ProductStatusKind =>
  (productStatusKinds as readonly string[]).includes(k);

export function normalizeCsaf(doc: CsafDocument, vendors: VendorIndex): NormalizedAdvisory {
  const d = doc.document;
  const tree = doc.product_tree ?? {};
  const products: AdvisoryProduct[] = [];
  walkBranches(
    tree.branches,
    { vendor: null, productName: null, version: null, versionRange: null },
    products,
    vendors,
  );
  for (const p of tree.full_product_names ?? []) {
    products.push(
      productFrom(
        p,
        { vendor: null, productName: null, version: null, versionRange: null },
        vendors,
      ),
    );
  }
  const byId = new Map(products.map((p) => [p.productId, p]));
  const relationships = (tree.relationships ?? []).map((r) => {
    const ref = byId.get(r.product_reference);
    const product = productFrom(
      r.full_product_name,
      {
        vendor: ref?.vendor ?? null,
        productName: ref?.productName ?? null,
        version: ref?.version ?? null,
        versionRange: ref?.versionRange ?? null,
      },
      vendors,
    );
    if (!byId.has(product.productId)) {
      products.push(product);
      byId.set(product.productId, product);
    }
    return {
      productId: r.full_product_name.product_id,
      name: r.full_product_name.name,
      category: r.category,
      productReference: r.product_reference,
      relatesToProductReference: r.relates_to_product_reference,
    };
  });
  const groups = new Map((tree.product_groups ?? []).map((g) => [g.group_id, g.product_ids]));
  const expand = (productIds: string[] | undefined, groupIds: string[] | undefined) => [
    ...new Set([...(productIds ?? []), ...(groupIds ?? []).flatMap((g) => groups.get(g) ?? [])]),
  ];

  const vulnerabilities: AdvisoryVulnerability[] = [];
  const remediations = new Map<string, AdvisoryRemediation>();
  for (const v of doc.vulnerabilities ?? []) {
    const productStatus: AdvisoryVulnerability['productStatus'] = {};
    for (const [kind, ids] of Object.entries(v.product_status ?? {})) {
      if (!isStatusKind(kind) || !ids) continue;
      productStatus[kind] = ids;
      for (const id of ids) {
        const p = byId.get(id);
        if (p && !p.statuses.includes(kind)) p.statuses.push(kind);
      }
    }
    const scores = (v.scores ?? []).flatMap((s) =>
      s.cvss_v3
        ? [
            {
              productIds: s.products,
              version: s.cvss_v3.version,
              baseScore: s.cvss_v3.baseScore,
              baseSeverity: s.cvss_v3.baseSeverity,
              vectorString: s.cvss_v3.vectorString,
            },
          ]
        : [],
    );
    vulnerabilities.push({
      cve: v.cve ?? null,
      title: v.title ?? null,
      cwe: v.cwe ? { id: v.cwe.id, name: v.cwe.name } : null,
      scores,
      highestBaseScore: scores.length ? Math.max(...scores.map((s) => s.baseScore)) : null,
      productStatus,
      notes: notesOf(v.notes),
    });
    for (const r of mergeFragments(v.remediations ?? [], expand)) {
      const key = JSON.stringify([r.category, [...r.productIds].sort(), r.details, r.urls]);
      const seen = remediations.get(key);
      if (seen) {
        if (v.cve && !seen.cves.includes(v.cve)) seen.cves.push(v.cve);
      } else {
        remediations.set(key, { ...r, cves: v.cve ? [v.cve] : [] });
      }
    }
  }

  return {
    trackingId: d.tracking.id.trim(),
    version: d.tracking.version,
    status: d.tracking.status,
    initialReleaseDate: d.tracking.initial_release_date,
    currentReleaseDate: d.tracking.current_release_date,
    title: d.title,
    lang: d.lang ?? null,
    publisher: {
      name: d.publisher.name,
      namespace: d.publisher.namespace,
      category: d.publisher.category,
    },
    aggregateSeverity: d.aggregate_severity?.text ?? null,
    products,
    relationships,
    vulnerabilities,
    remediations: [...remediations.values()],
    notes: notesOf(d.notes),
    references: (d.references ?? []).map((r) => ({
      url: r.url,
      summary: r.summary,
      category: r.category ?? null,
    })),
    revisionHistory: d.tracking.revision_history.map((r) => ({
      number: r.number,
      date: r.date,
      summary: r.summary,
    })),
  };
}

/** Consecutive entries with the same category and products are fragments of one remediation. */
function mergeFragments(
  list: CsafRemediation[],
  expand: (productIds: string[] | undefined, groupIds: string[] | undefined) => string[],
): Omit<AdvisoryRemediation, 'cves'>[] {
  const out: Omit<AdvisoryRemediation, 'cves'>[] = [];
  for (const r of list) {
    const productIds = expand(r.product_ids, r.group_ids);
    const last = out.at(-1);
    const details = r.details.trim();
    if (
      last &&
      last.category === r.category &&
      last.productIds.join('\u0000') === productIds.join('\u0000')
    ) {
      last.details = `${last.details}\n\n${details}`;
      if (r.url && !last.urls.includes(r.url)) last.urls.push(r.url);
    } else {
      out.push({ category: r.category, details, productIds, urls: r.url ? [r.url] : [] });
    }
  }
  return out;
}
