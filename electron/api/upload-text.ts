/**
 * Reading an uploaded file as text, the same for every caller (the UI's upload, the CLI's file,
 * the services' import): refused, with a message that says what to do, when it is too large
 * (checked before anything is parsed), binary, or not UTF-8.
 */

export interface DecodedText {
  text: string;
  hasByteOrderMark: boolean;
}

export interface UploadProblem {
  message: string;
  details: { fileName: string; size?: number; maxBytes?: number };
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const megabytes = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export function decodeUploadText(
  fileName: string,
  content: string | Uint8Array,
  maxBytes: number,
  what: string,
  /** Text already decoded by the UI: refuse U+FFFD, the mark of bytes that were not UTF-8. */
  refuseReplacementCharacter = false,
): DecodedText | { problem: UploadProblem } {
  const problem = (message: string, details: UploadProblem['details'] = { fileName }) => ({
    problem: { message, details },
  });
  const size = typeof content === 'string' ? utf8Length(content) : content.byteLength;
  if (size > maxBytes) {
    return problem(
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
      return problem(
        `${fileName} is UTF-16 text. Save it as UTF-8 (in Excel: "CSV UTF-8") and import it again.`,
      );
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      return problem(
        `${fileName} is not UTF-8 text (it may be binary, or saved in another character set). ` +
          `Save it as UTF-8 (in Excel: "CSV UTF-8") and import it again.`,
      );
    }
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    return problem(
      `${fileName} holds binary data (a NUL character at position ${nul}), not a ${what}. Check that it is the right file.`,
    );
  }
  if (refuseReplacementCharacter && typeof content === 'string' && text.includes('\uFFFD')) {
    return problem(
      `${fileName} was not read as UTF-8 text (it contains replacement characters). Save it as UTF-8 and import it again.`,
    );
  }
  // Text handed over as a string may hold a lone surrogate: not Unicode, and not storable as is.
  if (typeof content === 'string' && loneSurrogate.test(text)) {
    return problem(
      `${fileName} contains text that is not valid Unicode (an unpaired surrogate). Save it as UTF-8 and import it again.`,
    );
  }
  const hasByteOrderMark = text.charCodeAt(0) === 0xfeff;
  return { text: hasByteOrderMark ? text.slice(1) : text, hasByteOrderMark };
}
