import type { CredentialKind } from '../../api/domains/people';
import { ServiceError } from '../core/errors';

export const pinMinDigits = 6;
export const pinMaxDigits = 32;
export const passwordMinChars = 10;

/** All digits is a PIN (the sign-in screen offers a number pad); anything else is a password. */
export function credentialKindOf(secret: string): CredentialKind {
  return /^[0-9]+$/.test(secret) ? 'pin' : 'password';
}

/** One digit repeated, or a straight run up or down (123456, 987654): the first guesses tried. */
function isTrivialPin(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => d - (digits[i] ?? 0)));
  return steps.size === 1 && [0, 1, -1].includes([...steps][0] ?? 0);
}

/**
 * The rules for a new PIN or password; `field` names the input field in the message. Returns the
 * kind to store.
 */
export function checkNewSecret(secret: string, field = 'secret'): CredentialKind {
  const kind = credentialKindOf(secret);
  if (kind === 'pin') {
    if (secret.length < pinMinDigits || secret.length > pinMaxDigits) {
      throw new ServiceError(
        'invalid_input',
        `${field}: a PIN needs ${pinMinDigits} to ${pinMaxDigits} digits; this one has ${secret.length}. ` +
          `Choose a longer PIN, or a password of at least ${passwordMinChars} characters.`,
        { field },
      );
    }
    if (isTrivialPin(secret)) {
      throw new ServiceError(
        'invalid_input',
        `${field}: a PIN of one repeated digit or a straight run (like 123456) is guessed first. Choose another.`,
        { field },
      );
    }
    return kind;
  }
  const chars = [...secret].length;
  if (chars < passwordMinChars || secret.trim().length === 0) {
    throw new ServiceError(
      'invalid_input',
      `${field}: a password needs at least ${passwordMinChars} characters; this one has ${chars}. ` +
        `Choose a longer one, or a PIN of at least ${pinMinDigits} digits.`,
      { field },
    );
  }
  return kind;
}
