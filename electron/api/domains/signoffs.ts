import { z } from 'zod';
import { method } from '../define';
import { signoffKindNames, type Role, type SignoffKind } from '../roles';
import { id } from '../schemas';
import { secret, staffId } from './people';
import { utf8Bytes } from './session';

export interface Signoff {
  id: number;
  kind: SignoffKind;
  subjectType: string;
  subjectId: string;
  userId: number;
  /** The signer's display name when they signed. */
  userName: string;
  /** The role under which they signed (one that may give this kind). */
  role: Role;
  /** The fixed sentence they attested, as it read when they signed, in the language they read. */
  statement: string;
  signedAt: string;
  /** SHA-256 (hex) of the RFC 8785 canonical JSON of the content signed. */
  contentHash: string;
  /** The content has changed since: this sign-off no longer counts. */
  stale: boolean;
}

export interface SignoffStatus {
  /** The hash of the subject's current content. */
  contentHash: string;
  signoffs: Signoff[];
  /** The kinds with at least one sign-off on the current content. */
  validKinds: SignoffKind[];
}

export const signoffContentMaxBytes = 256 * 1024;

/**
 * The language the signer read the statement in ("de", "en", "de-CH"): the sign-off stores the
 * statement in it; one the app has no statement in reads English, so any short tag is accepted.
 */
export const statementLanguageInput = z
  .string()
  .regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'a language tag, e.g. de or en')
  .max(35)
  .optional();

/** A subject is what is signed: `case`, `device`, …; the services know its current content. */
const subject = {
  subjectType: z.string().regex(/^[a-z][a-z_]{0,31}$/, 'a lower-case subject type, e.g. case'),
  subjectId: z.string().min(1).max(128),
};

export const signoffMethods = {
  'signoffs.sign': method<Signoff>()(
    z
      .object({
        kind: z.enum(signoffKindNames),
        ...subject,
        /** The content as the signer saw it; it must equal the subject's current content. */
        content: z
          .record(z.string().max(200), z.json())
          .refine((v) => utf8Bytes(JSON.stringify(v)) <= signoffContentMaxBytes, {
            message: `Signed content is at most ${signoffContentMaxBytes / 1024} KB.`,
          }),
        secret,
        /** The language of the statement the signer read: stored in it (English by default). */
        language: statementLanguageInput,
        /**
         * A co-signer at this station: the person who signs picks their name (userId) or types
         * their staff ID, and `secret` is theirs. The station stays with the signed-in user.
         */
        signer: z
          .union([
            z.object({ userId: id }).strict(),
            z.object({ staffId: staffId.min(1) }).strict(),
          ])
          .optional(),
      })
      .strict(),
    'Give a sign-off: re-enter one’s PIN or password to attest the fixed statement of the kind for the content shown.',
  ),
  'signoffs.list': method<SignoffStatus>()(
    z.object(subject).strict(),
    'The sign-offs given on a subject, each marked stale when the content has changed since.',
  ),
};
