import { createHash } from 'node:crypto';
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

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const megabytes = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/**
 * Read an uploaded file as text: refuse it, with a message that says what to do, when it is too
 * large (checked before anything is parsed), binary, or not UTF-8.
 */
export function decodeUpload(
  fileName: string,
  content: string | Uint8Array,
  maxBytes: number,
  what: string,
  /** Text already decoded by the UI: refuse U+FFFD, the mark of bytes that were not UTF-8. */
  refuseReplacementCharacter = false,
): UploadText {
  const size =
    typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
  if (size > maxBytes) {
    throw new ServiceError(
      'invalid_input',
      `${fileName} is ${megabytes(size)}, larger than the ${megabytes(maxBytes)} a ${what} may be. Split it or check that it is the right file.`,
      { fileName, size, maxBytes },
    );
  }
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    if (
      (content[0] === 0xff && content[1] === 0xfe) ||
      (content[0] === 0xfe && content[1] === 0xff)
    ) {
      throw new ServiceError(
        'invalid_input',
        `${fileName} is UTF-16 text. Save it as UTF-8 (in Excel: "CSV UTF-8") and import it again.`,
        { fileName },
      );
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      throw new ServiceError(
        'invalid_input',
        `${fileName} is not UTF-8 text (it may be binary, or saved in another character set). ` +
          `Save it as UTF-8 (in Excel: "CSV UTF-8") and import it again.`,
        { fileName },
      );
    }
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    throw new ServiceError(
      'invalid_input',
      `${fileName} holds binary data (a NUL character at position ${nul}), not a ${what}. Check that it is the right file.`,
      { fileName },
    );
  }
  if (refuseReplacementCharacter && typeof content === 'string' && text.includes('\uFFFD')) {
    throw new ServiceError(
      'invalid_input',
      `${fileName} was not read as UTF-8 text (it contains replacement characters). Save it as UTF-8 and import it again.`,
      { fileName },
    );
  }
  // Text handed over as a string may hold a lone surrogate: not Unicode, and not storable as is.
  if (typeof content === 'string' && loneSurrogate.test(text)) {
    throw new ServiceError(
      'invalid_input',
      `${fileName} contains text that is not valid Unicode (an unpaired surrogate). Save it as UTF-8 and import it again.`,
      { fileName },
    );
  }
  const hasByteOrderMark = text.charCodeAt(0) === 0xfeff;
  return {
    text: hasByteOrderMark ? text.slice(1) : text,
    sha256: sha256Hex(content),
    hasByteOrderMark,
  };
}
