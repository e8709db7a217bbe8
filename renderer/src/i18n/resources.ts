import shell from './en.json';
import board from './en/board.json';
import cases from './en/cases.json';
import inventory from './en/inventory.json';
import pdf from './en/pdf.json';
import people from './en/people.json';
import settings from './en/settings.json';

/**
 * English strings, one file per area of the app so that areas can grow independently; each
 * area file keeps its strings under its own top-level key.
 */
export const en = { ...shell, ...people, ...inventory, ...cases, ...board, ...pdf, ...settings };
