/**
 * UI translations (i18next + react-i18next). Korean is the default and the fallback: a string
 * missing in English shows in Korean rather than as a raw key.
 *
 * Keys are flat (`'nav.dashboard'`, `'validation.required'`): `keySeparator: false` so a dot is
 * part of the key. The shell's strings and the shared validation messages live in the default
 * namespace `translation`; other features add their own namespace with `registerMessages` and
 * still reach the shared keys (`fallbackNS`), e.g. `t('validation.required', { field })`.
 *
 * This module has no database import, so it loads in unit tests; persistence is in `./lang.ts`.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { useSyncExternalStore } from 'react';
import type { Lang } from '../../shared/registry';
import { validationMessages } from '../../shared/i18n/validation';
import { appMessages } from './messages';

export type { Lang };
export const LANGS: readonly Lang[] = ['ko', 'en'];
export const DEFAULT_LANG: Lang = 'ko';
export const DEFAULT_NS = 'translation';

export function isLang(value: unknown): value is Lang {
  return value === 'ko' || value === 'en';
}

/** Every key of the default namespace, per language (the test checks ko and en agree). */
export const baseResources: Record<Lang, Record<string, string>> = {
  ko: { ...appMessages.ko, ...validationMessages.ko },
  en: { ...appMessages.en, ...validationMessages.en },
};

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    ko: { [DEFAULT_NS]: baseResources.ko },
    en: { [DEFAULT_NS]: baseResources.en },
  },
  lng: DEFAULT_LANG,
  fallbackLng: DEFAULT_LANG,
  supportedLngs: [...LANGS],
  defaultNS: DEFAULT_NS,
  fallbackNS: DEFAULT_NS,
  ns: [DEFAULT_NS],
  keySeparator: false,
  // React escapes text itself; escaping here would show `&lt;` in names people typed.
  interpolation: { escapeValue: false },
  returnNull: false,
  // Resources are bundled, so init completes synchronously and `t` works right after import.
  initAsync: false,
});

if (typeof document !== 'undefined') {
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
}

/**
 * Adds a feature's strings under its own namespace (`useTranslation(ns)` then `t('key')`).
 * Safe to call at module load, any number of times; later calls add or replace keys.
 */
export function registerMessages(
  ns: string,
  resources: { ko: Record<string, string>; en: Record<string, string> },
): void {
  if (ns === DEFAULT_NS) {
    // The default namespace belongs to the shell; a feature overwriting it would change
    // strings elsewhere without anyone noticing.
    throw new Error(`registerMessages: choose a namespace other than '${DEFAULT_NS}'`);
  }
  for (const lng of LANGS) i18n.addResourceBundle(lng, ns, resources[lng], true, true);
}

/** The current UI language, as a plain value (no persistence: see `./lang.ts`). */
export function currentLang(): Lang {
  return isLang(i18n.language) ? i18n.language : DEFAULT_LANG;
}

function subscribeLang(onChange: () => void): () => void {
  i18n.on('languageChanged', onChange);
  return () => i18n.off('languageChanged', onChange);
}

/** The current UI language; re-renders when it changes. */
export function useLang(): Lang {
  return useSyncExternalStore(subscribeLang, currentLang, currentLang);
}

/** Translate outside React (e.g. in a confirm() text). Prefer `useTranslation` in components. */
export function t(key: string, params?: Record<string, string | number>): string {
  return i18n.t(key, params ?? {});
}
