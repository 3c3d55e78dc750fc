/** Language switching with persistence in the `settings` table (key `lang`). */
import { getDb, getSetting, setSetting } from '../db';
import { currentLang, i18n, isLang, type Lang } from './index';

/** Switches the UI language and remembers it on this device. */
export async function setLang(lang: Lang): Promise<void> {
  if (currentLang() !== lang) await i18n.changeLanguage(lang);
  await setSetting(getDb(), 'lang', lang);
}

/** Applies the saved language at start; Korean when none was saved or it is unreadable. */
export async function restoreSavedLang(): Promise<void> {
  try {
    const saved = await getSetting<unknown>(getDb(), 'lang');
    if (isLang(saved) && saved !== currentLang()) await i18n.changeLanguage(saved);
  } catch {
    // A storage problem must not stop the app from starting: keep the default language.
  }
}
