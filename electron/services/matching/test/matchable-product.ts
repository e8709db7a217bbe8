import type { AdvisoryProduct } from '../../../api/domains/advisories';

/** An advisory product as the matcher reads it: what the test names, known affected, every other field unknown. */
export function matchableProduct(
  p: Partial<AdvisoryProduct> & { productId: string; name: string },
): AdvisoryProduct {
  return {
    vendor: null,
    vendorKey: null,
    productName: null,
    version: null,
    versionRange: null,
    modelNumbers: [],
    cpe: null,
    statuses: ['known_affected'],
    ...p,
  };
}
