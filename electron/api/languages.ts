/** The languages of the UI and of the PDFs: each station chooses its own (Settings, sign-in). */
export const languages = ['en', 'de'] as const;
export type Language = (typeof languages)[number];

/**
 * The locale the UI's controls format and parse with (react-aria's number fields, its built-in
 * words): the station's language, whatever the browser or the computer is set to, on a 24-hour
 * clock. German as in Germany ("1,5"): the same decimal comma the services and PDFs print.
 */
export const controlLocales: Record<Language, string> = {
  en: 'en-GB-u-hc-h23',
  de: 'de-DE-u-hc-h23',
};
