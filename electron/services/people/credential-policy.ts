import type { CredentialKind } from '../../api/domains/people';
import { wordedError } from '../core/errors';

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

/** A short block said again and again: 121212, 123123, 12341234. */
function isRepeatedBlock(pin: string): boolean {
  for (let size = 1; size <= pin.length / 2; size++) {
    if (pin.length % size === 0 && pin.slice(0, size).repeat(pin.length / size) === pin) {
      return true;
    }
  }
  return false;
}

function isDay(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A date, as birthdays and anniversaries are typed: ddmmyy, mmddyy, yymmdd, and with a
 * four-digit year (1900–2099) ddmmyyyy, mmddyyyy, yyyymmdd.
 */
export function isDatePin(pin: string): boolean {
  const n = (from: number, length: number) => Number(pin.slice(from, from + length));
  if (pin.length === 6) {
    // A two-digit year may be any year: 29 February is allowed (a leap year exists for it).
    return (
      isDay(n(0, 2), n(2, 2), 2000) ||
      isDay(n(2, 2), n(0, 2), 2000) ||
      isDay(n(4, 2), n(2, 2), 2000)
    );
  }
  if (pin.length === 8) {
    const fullYear = (y: number) => y >= 1900 && y <= 2099;
    return (
      (fullYear(n(4, 4)) && isDay(n(0, 2), n(2, 2), n(4, 4))) ||
      (fullYear(n(4, 4)) && isDay(n(2, 2), n(0, 2), n(4, 4))) ||
      (fullYear(n(0, 4)) && isDay(n(6, 2), n(4, 2), n(0, 4)))
    );
  }
  return false;
}

/** Why a PIN is among the first guessed (the key of its words), or undefined if it is not. */
export function commonPinReason(
  pin: string,
  commonPins: ReadonlySet<string>,
): 'pinTrivial' | 'pinRepeated' | 'pinCommon' | 'pinDate' | undefined {
  if (isTrivialPin(pin)) return 'pinTrivial';
  if (isRepeatedBlock(pin)) return 'pinRepeated';
  if (commonPins.has(pin)) return 'pinCommon';
  if (isDatePin(pin)) return 'pinDate';
  return undefined;
}

/**
 * The rules for a new PIN or password; `commonPins` is the shipped list (`loadCommonPins`),
 * `field` names the input field in the error's details. Returns the kind to store.
 */
export function checkNewSecret(
  secret: string,
  commonPins: ReadonlySet<string>,
  field = 'secret',
): CredentialKind {
  const kind = credentialKindOf(secret);
  if (kind === 'pin') {
    if (secret.length < pinMinDigits || secret.length > pinMaxDigits) {
      throw wordedError(
        'invalid_input',
        'pinLength',
        {
          min: pinMinDigits,
          max: pinMaxDigits,
          count: secret.length,
          passwordMin: passwordMinChars,
        },
        { field },
      );
    }
    const common = commonPinReason(secret, commonPins);
    if (common) throw wordedError('invalid_input', common, {}, { field });
    return kind;
  }
  const chars = [...secret].length;
  if (chars < passwordMinChars || secret.trim().length === 0) {
    throw wordedError(
      'invalid_input',
      'passwordLength',
      { min: passwordMinChars, count: chars, pinMin: pinMinDigits },
      { field },
    );
  }
  return kind;
}
