/** Settings on this computer: the UI language and the colour theme. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_INFO, LANGUAGES } from '../../../shared/i18n/languages';
import { Dialog } from '../components/Dialog';
import { systemLanguage } from '../i18n/i18n';
import {
  THEME_SETTINGS,
  updateSettings,
  useSettings,
  type LanguageSetting,
  type ThemeSetting,
} from '../store/settings';

const THEME_LABEL_KEYS = {
  system: 'settings.themeSystem',
  light: 'settings.themeLight',
  dark: 'settings.themeDark',
  'high-contrast': 'settings.themeHighContrast',
} as const satisfies Record<ThemeSetting, string>;

/** The Settings dialog; changes apply at once. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const language = useSettings((s) => s.language);
  const theme = useSettings((s) => s.theme);
  const languageId = useId();
  const languageHintId = useId();
  const themeId = useId();
  return (
    <Dialog
      title={t('settings.title')}
      onClose={onClose}
      actions={
        <button type="button" className="primary" onClick={onClose}>
          {t('actions.close')}
        </button>
      }
    >
      <div className="settings-field">
        <label htmlFor={languageId}>{t('settings.language')}</label>
        <select
          id={languageId}
          aria-describedby={languageHintId}
          value={language}
          onChange={(e) => updateSettings({ language: e.target.value as LanguageSetting })}
        >
          <option value="system">
            {t('settings.systemLanguage', {
              language: LANGUAGE_INFO[systemLanguage()].nativeName,
            })}
          </option>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l} dir={LANGUAGE_INFO[l].dir}>
              {LANGUAGE_INFO[l].nativeName}
            </option>
          ))}
        </select>
        <p id={languageHintId} className="section-note">
          {t('settings.languageHint')}
        </p>
      </div>
      <div className="settings-field">
        <label htmlFor={themeId}>{t('settings.theme')}</label>
        <select
          id={themeId}
          value={theme}
          onChange={(e) => updateSettings({ theme: e.target.value as ThemeSetting })}
        >
          {THEME_SETTINGS.map((value) => (
            <option key={value} value={value}>
              {t(THEME_LABEL_KEYS[value])}
            </option>
          ))}
        </select>
      </div>
      <p className="section-note">{t('settings.storedLocally')}</p>
    </Dialog>
  );
}
