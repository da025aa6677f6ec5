/** Renderer entry: open the database, detect the platform, pick the language, start the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startWorkbench } from './app/workbench';
import { WorkbenchDatabase } from './db/database';
import { i18n, resolveLanguage, setUiLanguage } from './i18n/i18n';
import { detectPlatform } from './platform/platform';
import { useSettings } from './store/settings';
import { followThemeSetting } from './theme/theme';
import './styles.css';

const platform = detectPlatform();
const database = new WorkbenchDatabase();
database.on('versionchange', () => {
  // Another window upgraded the database: let it proceed and ask for a reload.
  database.close();
  alert(i18n.t('shell:updatedElsewhere'));
  location.reload();
});

/** The UI follows the language setting (loaded before the first render; later changes apply at once). */
async function followLanguageSetting(): Promise<void> {
  const apply = (setting: ReturnType<typeof useSettings.getState>['language']) =>
    setUiLanguage(resolveLanguage(setting)).catch((error: unknown) => {
      console.error('The language could not be loaded; the UI stays in English.', error);
    });
  useSettings.subscribe((s, previous) => {
    if (s.language !== previous.language) void apply(s.language);
  });
  // "Same as this computer" follows the computer when its language changes.
  window.addEventListener('languagechange', () => {
    if (useSettings.getState().language === 'system') void apply('system');
  });
  await apply(useSettings.getState().language);
}

// The theme is already on <html> (public/theme-boot.js); from now on it follows Settings and the system.
followThemeSetting();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
void followLanguageSetting().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App platform={platform} />
    </StrictMode>,
  );
});
void startWorkbench(database, platform);
