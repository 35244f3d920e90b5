import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, setLanguage } from '../i18n/index.ts';

/** A two-way segmented switch: 简体中文 | English. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const labels: Record<Language, string> = { 'zh-CN': t('lang.zh'), en: t('lang.en') };
  return (
    <fieldset className="segmented" aria-label={t('lang.label')}>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className={i18n.language === lng ? 'segmented-on' : ''}
          aria-pressed={i18n.language === lng}
          onClick={() => setLanguage(lng)}
        >
          {labels[lng]}
        </button>
      ))}
    </fieldset>
  );
}
