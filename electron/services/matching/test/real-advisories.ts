/**
 * Real CISA ICSMA advisories, product names and versions copied as each CSAF file writes them
 * (cisagov/CSAF, csaf_files/OT/white/<year>/), for the matching table tests. The products are
 * listed in real-advisories.json; here they become advisories as the matcher reads them.
 */
import type { AdvisoryProduct } from '../../../api/domains/advisories';
import type { MatchableAdvisory } from '../types';
import listed from './real-advisories.json';

/** A product as listed: its product_name branch, full name and version leaf ("range:" for a range). */
interface ListedProduct {
  productName: string;
  name: string;
  version: string;
}

function product(vendor: string, { productName, name, version }: ListedProduct, i: number) {
  const range = version.startsWith('range:');
  const text = range ? version.slice('range:'.length) : version;
  const read: AdvisoryProduct = {
    productId: `CSAFPID-${String(i + 1).padStart(4, '0')}`,
    name,
    vendor,
    vendorKey: null,
    productName,
    version: range ? null : text,
    versionRange: range ? text : null,
    modelNumbers: [],
    cpe: null,
    statuses: ['known_affected'],
  };
  return read;
}

export const realAdvisories: MatchableAdvisory[] = listed.advisories.map((a) => ({
  advisoryId: a.id,
  revisionId: a.id,
  trackingId: a.trackingId,
  version: '1',
  publisher: 'CISA',
  products: a.products.map((p, i) => product(a.vendor, p, i)),
}));
