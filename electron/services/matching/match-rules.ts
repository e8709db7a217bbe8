/**
 * The match rules, one device against one advisory product. Each piece of evidence adds a reason
 * as catalogue words (api/match-words.ts: a key and its values, worded by the reader); the confidence is the model evidence's level, lowered by anything left unknown.
 * A device outside the affected versions or on another operating system is not a match.
 */
import type { MatchConfidence } from '../../api/domains/advisories';
import type { MatchWords } from '../../api/match-words';
import { versConstraints } from '../../api/version-range-words';
import type { CompiledModel, CompiledProduct, DeviceFacts, ModelRange } from './compile';
import { relateModels, relationRank, type ModelRelation } from './model-tokens';
import { compareOs } from './os';
import { exclusionFor, otherVariantOf } from './product-scope';
import type { VendorIdentity } from './vendors';
import {
  coversAllVersions,
  outsideWords,
  versionInSpec,
  type RangeVerdict,
  type VersionSpec,
} from './version-range';

export interface ModelEvidence {
  confidence: MatchConfidence;
  /** Orders evidence of the same confidence: a family model beats an exact name beats a subset. */
  rank: number;
  reason: MatchWords;
}

export interface RuleResult {
  matched: true;
  confidence: MatchConfidence;
  rank: number;
  reasons: MatchWords[];
}

/** A device of the product's vendor that the rules turned away, and why, in words. */
export interface RuleRefusal {
  matched: false;
  reason: MatchWords;
}

const relationWords: Record<
  ModelRelation,
  { confidence: MatchConfidence; key: MatchWords['key'] }
> = {
  exact: { confidence: 'high', key: 'modelExact' },
  'same-distinctive-words': { confidence: 'medium', key: 'modelSameWords' },
  'device-more-specific': { confidence: 'medium', key: 'modelDeviceMoreSpecific' },
  'product-more-specific': { confidence: 'medium', key: 'modelProductMoreSpecific' },
  'product-line': { confidence: 'low', key: 'modelProductLine' },
};

/** Why the product leaves this model out, or null when it does not. */
export function excludedModel(d: CompiledModel, p: CompiledProduct): MatchWords | null {
  const verdict = exclusionFor(p.exclusions, d.modelTokens);
  if (verdict?.kind !== 'excluded') return null;
  return {
    key: 'excluded',
    params: { product: p.displayName, exclusion: verdict.exclusion.text, model: d.modelText },
  };
}

/** How the device's model relates to the product: by family, by name, or not at all. */
export function modelEvidence(d: CompiledModel, p: CompiledProduct): ModelEvidence | null {
  if (p.exclusions.length > 0) {
    const verdict = exclusionFor(p.exclusions, d.modelTokens);
    if (verdict?.kind === 'excluded') return null;
    const evidence = namedModelEvidence(d, p);
    if (evidence && verdict?.kind === 'revision-unknown') {
      return {
        confidence: lower(evidence.confidence, 'medium'),
        rank: evidence.rank,
        reason: {
          ...evidence.reason,
          then: { key: 'revisionUnknown', params: { exclusion: verdict.exclusion.text } },
        },
      };
    }
    return evidence;
  }
  return namedModelEvidence(d, p);
}

function namedModelEvidence(d: CompiledModel, p: CompiledProduct): ModelEvidence | null {
  if (p.osOnly && p.os) {
    return {
      confidence: 'medium',
      rank: 1,
      reason: { key: 'osAsProduct', params: { os: p.os.os.label, vendor: p.vendor.name } },
    };
  }
  if (p.family) {
    if (!d.family || d.family.family.key !== p.family.key) return null;
    if (d.family.by === 'model') {
      // A family named after its one model ("SPECT workplaces (Symbia.net)") says it once.
      const evidence = `(${d.family.evidence})`;
      const family = p.family.name.includes(evidence)
        ? p.family.name
        : `${p.family.name} ${evidence}`;
      return {
        confidence: 'high',
        rank: 6,
        reason: {
          key: 'familyModel',
          params: { model: d.modelText, family, product: p.displayName },
        },
      };
    }
    return {
      confidence: 'medium',
      rank: 3,
      reason: {
        key: 'familyField',
        params: {
          evidence: d.family.evidence,
          family: p.family.name,
          product: p.displayName,
          model: d.modelText,
        },
      },
    };
  }
  if (p.modelRange) return modelRangeEvidence(d, p, p.modelRange);
  let best: ModelRelation | null = null;
  for (const variant of p.variants) {
    const r = relateModels(variant, d.significant);
    if (r && (!best || relationRank[r] > relationRank[best])) best = r;
  }
  const shared = p.modelNumbers.filter((n) => d.modelNumbers.includes(n));
  if (shared.length > 0 && (!best || relationWords[best].confidence !== 'high')) {
    return {
      confidence: 'high',
      rank: relationRank.exact,
      reason: {
        key: 'modelNumberShared',
        params: { numbers: shared.join(', '), model: d.modelText, product: p.displayName },
      },
    };
  }
  if (!best) return null;
  // A shared line word only says something within one brand: Baxter's "Connex Health Portal" is
  // not a Welch Allyn "Connex" monitor, though Baxter owns Welch Allyn today.
  if (best === 'product-line' && d.vendor.former?.name !== p.vendor.former?.name) return null;
  if (p.wholeLine && (best === 'device-more-specific' || best === 'product-line')) {
    // The advisory names the line itself ("Vivid products", "LOGIQ, not including …"): every
    // model of it is named, so it is as strong as a named product.
    return {
      confidence: 'high',
      rank: relationRank['device-more-specific'],
      reason: { key: 'productLine', params: { product: p.displayName, model: d.modelText } },
    };
  }
  const words = relationWords[best];
  return {
    confidence: words.confidence,
    rank: relationRank[best],
    reason: { key: words.key, params: { model: d.modelText, product: p.displayName } },
  };
}

/** A model number inside the product's range, and the product's other words in the model. */
function modelRangeEvidence(
  d: CompiledModel,
  p: CompiledProduct,
  range: ModelRange,
): ModelEvidence | null {
  const tokens = d.modelTokens;
  let number: number | null = null;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const n = Number(tokens[i + 1]);
    if (tokens[i] === range.prefix && Number.isInteger(n) && n >= range.low && n <= range.high)
      number = n;
  }
  if (number === null) return null;
  const words = p.variants.some((v) => [...v.distinctive].every((t) => d.significant.set.has(t)));
  if (!words) return null;
  return {
    confidence: 'high',
    rank: relationRank.exact,
    reason: {
      key: 'modelRange',
      params: {
        model: d.modelText,
        number: `${range.prefix.toUpperCase()}${number}`,
        range: range.text,
        product: p.displayName,
      },
    },
  };
}

const order: MatchConfidence[] = ['low', 'medium', 'high'];
function lower(a: MatchConfidence, cap: MatchConfidence): MatchConfidence {
  return order.indexOf(a) <= order.indexOf(cap) ? a : cap;
}

function specVerdict(
  spec: VersionSpec,
  d: DeviceFacts,
): { verdict: RangeVerdict; version: string | null; why?: MatchWords } {
  if (coversAllVersions(spec)) return { verdict: 'in', version: null };
  let unknown: string | null = null;
  let out: { text: string; why: MatchWords } | null = null;
  for (const v of d.versions) {
    const r = versionInSpec(spec, v.parsed);
    if (r === 'in') return { verdict: 'in', version: v.text };
    if (r === 'unknown') unknown ??= v.text;
    else if (!out && v.parsed) out = { text: v.text, why: outsideWords(spec, v.parsed) };
  }
  if (out && unknown === null) return { verdict: 'out', version: out.text, why: out.why };
  return { verdict: 'unknown', version: unknown };
}

function vendorReason(device: VendorIdentity, deviceText: string, p: CompiledProduct): MatchWords {
  const advisoryVendor = p.product.vendor ?? p.vendor.name;
  const acquired = [p.vendor.former, device.former].filter((f) => f !== undefined);
  const params = { device: deviceText, advisory: advisoryVendor, vendor: p.vendor.name };
  if (acquired.length > 0) {
    const items = acquired.map((f): MatchWords => ({
      key: 'vendorFormer',
      params: { name: f.name, became: f.became, source: f.source },
    }));
    return { key: 'vendorAcquired', params, lists: { story: { items, join: 'semicolon' } } };
  }
  return deviceText === advisoryVendor
    ? { key: 'vendorSame', params: { vendor: p.vendor.name } }
    : { key: 'vendorSameCompany', params };
}

function containsModelNumber(text: string | null, model: string): boolean {
  if (!text) return false;
  const escaped = model.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9])${escaped}($|[^A-Za-z0-9])`, 'i').test(text);
}

export interface DeviceTexts {
  vendor: string | null;
  osName: string | null;
  osVersion: string | null;
  model: string | null;
  serialNumber: string | null;
  notes: string | null;
}

/** Apply every rule: a match with its reasons, or the reason the device is not one. */
export function evaluateMatch(
  d: DeviceFacts,
  texts: DeviceTexts,
  p: CompiledProduct,
  model: ModelEvidence,
): RuleResult | RuleRefusal {
  let confidence = model.confidence;
  const caps: MatchConfidence[] = [];
  const reasons: MatchWords[] = [];
  reasons.push(vendorReason(d.vendor, texts.vendor?.trim() ?? '', p));
  reasons.push(model.reason);

  if (p.os) {
    const verdict = compareOs(p.os.os, d.os);
    const osText = [texts.osName, texts.osVersion].filter(Boolean).join(' ');
    if (verdict === 'different') {
      return {
        matched: false,
        reason: {
          key: 'osDifferent',
          params: {
            os: p.os.os.label,
            product: p.displayName,
            osText,
            deviceOs: d.os?.label ?? '',
          },
          ...(d.os ? {} : { words: { deviceOs: { key: 'anotherSystem', params: {} } } }),
        },
      };
    }
    if (verdict === 'same' && d.os) {
      reasons.push({
        key: 'osSame',
        params: { deviceOs: d.os.label, osText, os: p.os.os.label },
      });
    } else {
      caps.push('medium');
      reasons.push(
        osText
          ? { key: 'osUnclear', params: { os: p.os.os.label, osText } }
          : { key: 'osNotRecorded', params: { os: p.os.os.label } },
      );
    }
  }

  const specs = [p.versionSpec, p.nameVersionSpec].filter((s): s is VersionSpec => s !== null);
  if (specs.length === 0) reasons.push({ key: 'versionNone', params: {} });
  for (const spec of specs) {
    const { verdict, version, why } = specVerdict(spec, d);
    if (verdict === 'out') {
      return {
        matched: false,
        reason: {
          key: 'versionOut',
          params: { product: p.displayName, why: '' },
          ...(why ? { words: { why } } : {}),
          ranges: { range: spec.text },
        },
      };
    }
    if (coversAllVersions(spec)) {
      // A `vers:` catch-all says nothing more than "all versions"; free text is quoted.
      reasons.push(
        versConstraints(spec.text)
          ? { key: 'versionAll', params: {} }
          : { key: 'versionAllText', params: { text: spec.text } },
      );
    } else if (verdict === 'in') {
      reasons.push({
        key: 'versionIn',
        params: { version: version ?? '' },
        ranges: { range: spec.text },
      });
    } else {
      caps.push('medium');
      reasons.push(
        version
          ? { key: 'versionCannotCompare', params: { version }, ranges: { range: spec.text } }
          : { key: 'versionNotRecorded', params: {}, ranges: { range: spec.text } },
      );
    }
    for (const qualifier of spec.qualifiers) {
      caps.push('medium');
      reasons.push({ key: 'versionQualifier', params: { qualifier } });
    }
    for (const number of spec.modelNumbers) {
      const found = [texts.model, texts.serialNumber, texts.notes].some((t) =>
        containsModelNumber(t, number),
      );
      if (found) {
        // The advisory's own model number on the device settles a name that only partly agreed.
        if (model.rank >= relationRank['product-more-specific']) confidence = 'high';
        reasons.push({ key: 'modelNumberRecorded', params: { number } });
      } else {
        const recorded = [texts.model, texts.serialNumber, texts.notes];
        const other = otherVariantOf(number, recorded);
        if (other) {
          return {
            matched: false,
            reason: {
              key: 'modelNumberOtherVariant',
              params: { product: p.displayName, number, other },
            },
          };
        }
        caps.push('medium');
        reasons.push({ key: 'modelNumberMissing', params: { number } });
      }
    }
  }
  if (p.statusMissing) {
    reasons.push({ key: 'statusMissing', params: {} });
  }
  if (p.underInvestigation) {
    caps.push('medium');
    reasons.push({ key: 'underInvestigation', params: {} });
  }
  for (const cap of caps) confidence = lower(confidence, cap);
  return { matched: true, confidence, rank: model.rank, reasons };
}
