/** Message keys are checked by the compiler against the English catalog (a key missing there is a type error). */
import 'i18next';
import type en from './locales/en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en;
  }
}
