import deShell from './de.json';
import deBoard from './de/board.json';
import deCases from './de/cases.json';
import deErrors from '../../../electron/api/i18n/errors.de.json';
import deExchange from './de/exchange.json';
import deGate from '../../../electron/api/i18n/gate.de.json';
import deMatch from '../../../electron/api/i18n/match.de.json';
import deMissing from '../../../electron/api/i18n/missing.de.json';
import deInventory from './de/inventory.json';
import dePdf from '../../../electron/api/i18n/pdf.de.json';
import dePeople from './de/people.json';
import dePriority from '../../../electron/api/i18n/priority.de.json';
import deSettings from './de/settings.json';
import deSteps from '../../../electron/api/i18n/steps.de.json';
import deThreats from './de/threats.json';
import shell from './en.json';
import board from './en/board.json';
import cases from './en/cases.json';
import errors from '../../../electron/api/i18n/errors.en.json';
import exchange from './en/exchange.json';
import gate from '../../../electron/api/i18n/gate.en.json';
import match from '../../../electron/api/i18n/match.en.json';
import missing from '../../../electron/api/i18n/missing.en.json';
import inventory from './en/inventory.json';
import pdf from '../../../electron/api/i18n/pdf.en.json';
import people from './en/people.json';
import priority from '../../../electron/api/i18n/priority.en.json';
import settings from './en/settings.json';
import steps from '../../../electron/api/i18n/steps.en.json';
import threats from './en/threats.json';

/**
 * English strings, one file per area of the app so that areas can grow independently; each
 * area file keeps its strings under its own top-level key. The PDFs' words, the priority
 * reasons', the workflow steps', the match reasons' and the services' error words live beside the API, where the services that print or
 * send them read them too.
 */
export const en = {
  ...shell,
  ...people,
  ...inventory,
  ...cases,
  ...board,
  ...exchange,
  ...pdf,
  ...errors,
  ...settings,
  ...threats,
  ...priority,
  ...steps,
  ...gate,
  ...missing,
  ...match,
};

/** German, the same files and keys (translations.test.ts fails on a key missing in either). */
export const de = {
  ...deShell,
  ...dePeople,
  ...deInventory,
  ...deCases,
  ...deBoard,
  ...deExchange,
  ...dePdf,
  ...deErrors,
  ...deSettings,
  ...deThreats,
  ...dePriority,
  ...deSteps,
  ...deGate,
  ...deMissing,
  ...deMatch,
};

export { languages, type Language } from '../../../electron/api/languages';
