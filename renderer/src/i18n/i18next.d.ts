import 'i18next';
import type { en } from './resources';

// Typed keys: a missing or misspelt translation key is a compile error, not a blank label.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
