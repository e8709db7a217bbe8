/**
 * The parts of a CSAF 2.0 document that Standalone reads. Only used after the document passed
 * the strict schema test, so the shapes hold; fields the schema makes optional stay optional.
 */

export interface CsafFullProductName {
  product_id: string;
  name: string;
  product_identification_helper?: {
    cpe?: string;
    model_numbers?: string[];
    purl?: string;
  };
}

export interface CsafBranch {
  category: string;
  name: string;
  branches?: CsafBranch[];
  product?: CsafFullProductName;
}

export interface CsafRelationship {
  category: string;
  full_product_name: CsafFullProductName;
  product_reference: string;
  relates_to_product_reference: string;
}

export interface CsafNote {
  category: string;
  text: string;
  title?: string;
}

export interface CsafRemediation {
  category: string;
  details: string;
  product_ids?: string[];
  group_ids?: string[];
  url?: string;
}

export interface CsafCvssV3 {
  version: string;
  baseScore: number;
  baseSeverity: string;
  vectorString: string;
}

export interface CsafVulnerability {
  cve?: string;
  title?: string;
  cwe?: { id: string; name: string };
  scores?: { products: string[]; cvss_v3?: CsafCvssV3 }[];
  product_status?: Record<string, string[] | undefined>;
  remediations?: CsafRemediation[];
  notes?: CsafNote[];
}

export interface CsafDocument {
  document: {
    category: string;
    csaf_version: string;
    title: string;
    lang?: string;
    aggregate_severity?: { text: string };
    publisher: { name: string; namespace: string; category: string };
    notes?: CsafNote[];
    references?: { url: string; summary: string; category?: string }[];
    tracking: {
      id: string;
      version: string;
      status: string;
      initial_release_date: string;
      current_release_date: string;
      revision_history: { number: string; date: string; summary: string }[];
    };
  };
  product_tree?: {
    branches?: CsafBranch[];
    full_product_names?: CsafFullProductName[];
    relationships?: CsafRelationship[];
    product_groups?: { group_id: string; product_ids: string[] }[];
  };
  vulnerabilities?: CsafVulnerability[];
}
