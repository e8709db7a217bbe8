/** The languages of the UI and of the PDFs: each station chooses its own (Settings, sign-in). */
export const languages = ['en', 'de'] as const;
export type Language = (typeof languages)[number];
