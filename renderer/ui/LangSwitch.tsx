import { useTranslation } from 'react-i18next';
import { useLang, LANGS } from '../i18n';
import { setLang } from '../i18n/lang';

const NAMES = { ko: '한국어', en: 'English' } as const;

/** 한국어 / English toggle; the choice is saved on this device. */
export function LangSwitch() {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          data-testid={`lang-${l}`}
          aria-pressed={lang === l}
          onClick={() => void setLang(l)}
        >
          {NAMES[l]}
        </button>
      ))}
    </div>
  );
}
