import { createHash } from 'node:crypto';
import { decodeUploadText, type UploadKind } from '../../api/upload-text';
import { ServiceError } from '../core/errors';

export interface UploadText {
  text: string;
  /** SHA-256 of the file's bytes (of the UTF-8 encoding when the caller passed text). */
  sha256: string;
  hasByteOrderMark: boolean;
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** An uploaded file as text (see decodeUploadText), with the SHA-256 of what was handed over. */
export function decodeUpload(
  fileName: string,
  content: string | Uint8Array,
  maxBytes: number,
  what: UploadKind,
  /** Text already decoded by the UI: refuse U+FFFD, the mark of bytes that were not UTF-8. */
  refuseReplacementCharacter = false,
): UploadText {
  const decoded = decodeUploadText(fileName, content, maxBytes, what, refuseReplacementCharacter);
  if ('problem' in decoded) {
    throw new ServiceError('invalid_input', decoded.problem.message, decoded.problem.details);
  }
  return { ...decoded, sha256: sha256Hex(content) };
}
