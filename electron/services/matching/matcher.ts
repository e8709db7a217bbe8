/**
 * Match every device against every advisory product. Products are indexed by normalised vendor,
 * so each device only meets its own vendor's products; the per-model work is cached, since an
 * inventory holds many devices of the same model.
 */
import type { MatchWords } from '../../api/match-words';
import type { AliasTables } from './alias-tables';
import {
  compileModel,
  compileProduct,
  deviceVersion,
  splitSoftwareVersion,
  type DeviceFacts,
  type CompiledModel,
  type CompiledProduct,
  type DeviceVersion,
} from './compile';
import { createFamilyIndex } from './families';
import { evaluateMatch, excludedModel, modelEvidence, type ModelEvidence } from './match-rules';
import { relationRank } from './model-tokens';
import { deviceOs, type OsIdentity } from './os';
import {
  confidenceRank,
  type MatchableAdvisory,
  type MatchableDevice,
  type MatchFinding,
  type NonMatchFinding,
} from './types';
import { createVendorIndex } from './vendors';

export interface Matcher {
  /** The best match per advisory for one device (at most one per advisory). */
  matchDevice(device: MatchableDevice): MatchFinding[];
  matchAll(devices: Iterable<MatchableDevice>): MatchFinding[];
  /**
   * Why the device is not matched to each advisory that names products of its vendor: slower
   * than matchDevice (nothing is cached), for the device page and `match --json`.
   */
  explainNonMatches(device: MatchableDevice): NonMatchFinding[];
  productCount: number;
}

interface CachedModel {
  model: CompiledModel;
  candidates: { index: number; evidence: ModelEvidence }[];
}

function level<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let next = map.get(key);
  if (!next) {
    next = new Map();
    map.set(key, next);
  }
  return next;
}

/**
 * The products worth evaluating for one model. An advisory that names this model (or a close
 * variant) has said all it says about it: its other products of the same line ("Discovery
 * XR656" for a Discovery NM750b) are not evidence.
 */
function candidatesFor(
  products: readonly CompiledProduct[],
  evidence: readonly (ModelEvidence | null)[],
): { index: number; evidence: ModelEvidence }[] {
  const strongest = new Map<number, number>();
  evidence.forEach((e, i) => {
    const id = products[i]?.advisory.advisoryId;
    if (e && id !== undefined) strongest.set(id, Math.max(strongest.get(id) ?? 0, e.rank));
  });
  const out: { index: number; evidence: ModelEvidence }[] = [];
  evidence.forEach((e, index) => {
    const id = products[index]?.advisory.advisoryId;
    if (!e || id === undefined) return;
    if (e.rank === relationRank['product-line'] && (strongest.get(id) ?? 0) > e.rank) return;
    out.push({ index, evidence: e });
  });
  return out;
}

export function createMatcher(
  tables: AliasTables,
  advisories: readonly MatchableAdvisory[],
): Matcher {
  const vendors = createVendorIndex(tables.vendors);
  const families = createFamilyIndex(tables.families);
  const byVendor = new Map<string, CompiledProduct[]>();
  let productCount = 0;
  for (const advisory of advisories) {
    for (const product of advisory.products) {
      const compiled = compileProduct(advisory, product, vendors, families);
      if (!compiled) continue;
      productCount++;
      const list = byVendor.get(compiled.vendor.key) ?? [];
      list.push(compiled);
      byVendor.set(compiled.vendor.key, list);
    }
  }

  // An inventory holds many devices of one model: the model's evidence against every product of
  // its vendor is computed once; OS and version texts are parsed once each.
  // Nested maps (vendor → model → family field → software words): no key string per device.
  const modelCache = new Map<string, Map<string, Map<string, Map<string, CachedModel>>>>();
  const softwareCache = new Map<string, { words: string | null; version: DeviceVersion }>();
  const osCache = new Map<string, Map<string, OsIdentity | null>>();
  const modelVersionCache = new Map<string, DeviceVersion>();

  const matchDevice = (device: MatchableDevice): MatchFinding[] => {
    const vendor = vendors.identify(device.vendor);
    if (!vendor || !device.model?.trim()) return [];
    const products = byVendor.get(vendor.key);
    if (!products) return [];
    let software: { words: string | null; version: DeviceVersion } | null = null;
    const sw = device.softwareVersion;
    if (sw?.trim()) {
      software = softwareCache.get(sw) ?? null;
      if (!software) {
        const split = splitSoftwareVersion(sw);
        software = { words: split.words, version: deviceVersion(split.version) };
        softwareCache.set(sw, software);
      }
    }
    const byWords = level(level(level(modelCache, vendor.key), device.model), device.family ?? '');
    const words = software?.words ?? '';
    let cached = byWords.get(words);
    if (!cached) {
      const model = compileModel(
        vendor,
        device.model,
        device.family,
        software?.words ?? null,
        families,
      );
      cached = {
        model,
        candidates: candidatesFor(
          products,
          products.map((p) => modelEvidence(model, p)),
        ),
      };
      byWords.set(words, cached);
    }
    if (cached.candidates.length === 0) return [];
    const byOsVersion = level(osCache, device.osName ?? '');
    let os = byOsVersion.get(device.osVersion ?? '');
    if (os === undefined) {
      os = deviceOs(device.osName, device.osVersion);
      byOsVersion.set(device.osVersion ?? '', os);
    }
    const versions: DeviceVersion[] = software ? [software.version] : [];
    const modelVersion = cached.model.modelVersion;
    if (modelVersion) {
      let v = modelVersionCache.get(modelVersion);
      if (!v) {
        v = deviceVersion(modelVersion);
        modelVersionCache.set(modelVersion, v);
      }
      versions.push(v);
    }
    const facts: DeviceFacts = { vendor, os, versions };

    const best = new Map<number, { finding: MatchFinding; rank: number }>();
    for (const { index, evidence: model } of cached.candidates) {
      const product = products[index];
      if (!product) continue;
      const result = evaluateMatch(facts, device, product, model);
      if (!result.matched) continue;
      const current = best.get(product.advisory.advisoryId);
      const score = confidenceRank[result.confidence] * 10 + result.rank;
      if (current && current.rank >= score) continue;
      best.set(product.advisory.advisoryId, {
        rank: score,
        finding: {
          deviceId: device.id,
          advisoryId: product.advisory.advisoryId,
          revisionId: product.advisory.revisionId,
          productId: product.product.productId,
          productName: product.product.name,
          confidence: result.confidence,
          reasonWords: result.reasons,
        },
      });
    }
    return [...best.values()].map((b) => b.finding);
  };

  /** A reason once: two products can refuse the device for the same words. */
  const addReason = (entry: { reasons: MatchWords[]; seen: Set<string> }, words: MatchWords) => {
    const key = JSON.stringify(words);
    if (entry.seen.has(key)) return;
    entry.seen.add(key);
    entry.reasons.push(words);
  };

  const explainNonMatches = (device: MatchableDevice): NonMatchFinding[] => {
    const vendor = vendors.identify(device.vendor);
    const products = vendor ? byVendor.get(vendor.key) : undefined;
    if (!vendor || !products) return [];
    const matched = new Set(matchDevice(device).map((f) => f.advisoryId));
    const perAdvisory = new Map<
      number,
      { trackingId: string; names: string[]; reasons: MatchWords[]; seen: Set<string> }
    >();
    for (const p of products) {
      const id = p.advisory.advisoryId;
      if (matched.has(id)) continue;
      let entry = perAdvisory.get(id);
      if (!entry) {
        entry = { trackingId: p.advisory.trackingId, names: [], reasons: [], seen: new Set() };
        perAdvisory.set(id, entry);
      }
      if (!entry.names.includes(p.displayName)) entry.names.push(p.displayName);
    }
    if (perAdvisory.size === 0) return [];
    const modelText = device.model?.trim() ?? '';
    if (modelText) {
      const split = device.softwareVersion?.trim()
        ? splitSoftwareVersion(device.softwareVersion)
        : null;
      const model = compileModel(vendor, modelText, device.family, split?.words ?? null, families);
      const versions: DeviceVersion[] = split ? [deviceVersion(split.version)] : [];
      if (model.modelVersion) versions.push(deviceVersion(model.modelVersion));
      const facts: DeviceFacts = {
        vendor,
        os: deviceOs(device.osName, device.osVersion),
        versions,
      };
      for (const p of products) {
        const entry = perAdvisory.get(p.advisory.advisoryId);
        if (!entry) continue;
        const excluded = excludedModel(model, p);
        if (excluded) {
          addReason(entry, excluded);
          continue;
        }
        const evidence = modelEvidence(model, p);
        if (!evidence) continue;
        const result = evaluateMatch(facts, device, p, evidence);
        if (!result.matched) addReason(entry, { ...evidence.reason, then: result.reason });
      }
    }
    const out: NonMatchFinding[] = [];
    for (const [advisoryId, entry] of perAdvisory) {
      const reasons = entry.reasons;
      if (reasons.length === 0) {
        const shown = entry.names
          .slice(0, 6)
          .map((n): MatchWords => ({ key: 'quoted', params: { text: n } }));
        const more = entry.names.length - shown.length;
        reasons.push(
          modelText
            ? {
                key: more > 0 ? 'noModelNamedMore' : 'noModelNamed',
                params: { vendor: vendor.name, model: modelText, count: more },
                lists: { names: { items: shown, join: 'comma' } },
              }
            : { key: 'modelNotRecorded', params: { vendor: vendor.name } },
        );
      }
      out.push({
        deviceId: device.id,
        advisoryId,
        trackingId: entry.trackingId,
        reasonWords: reasons,
      });
    }
    return out;
  };

  return {
    matchDevice,
    explainNonMatches,
    matchAll(devices) {
      const out: MatchFinding[] = [];
      for (const d of devices) for (const f of matchDevice(d)) out.push(f);
      return out;
    },
    productCount,
  };
}
