import { z } from 'zod';

/** A SHA-256 in lower-case hex. */
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const anchorArtefactKinds = ['pdf', 'backup', 'csv', 'json', 'report'] as const;

/**
 * The chain head at the moment an artefact left the app, carried by the artefact (PDF metadata,
 * backup manifest, export). Checkpoints are earlier event hashes, dense near the head and
 * sparse further back, so a rewritten history is located, not only detected. Signed with the
 * organisation's key when it is unlocked; the signature covers everything but itself.
 */
export const chainAnchorSchema = z
  .object({
    format: z.literal('standalone-chain-anchor/1'),
    eventId: z.number().int().positive(),
    hash: hex64,
    checkpoints: z.array(z.tuple([z.number().int().positive(), hex64])).max(200),
    issuedAt: z.string().max(40),
    artefact: z.object({ kind: z.enum(anchorArtefactKinds), name: z.string().max(500) }).strict(),
    signature: z
      .object({
        fingerprintSha256: z.string().max(200),
        certificate: z.string().max(20_000),
        value: z.string().max(2_000),
      })
      .strict()
      .nullable(),
  })
  .strict();

export type ChainAnchor = z.infer<typeof chainAnchorSchema>;
export type AnchorArtefact = ChainAnchor['artefact'];
