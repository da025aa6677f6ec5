/** Renderer entry: open the database, detect the platform, start the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startWorkbench } from './app/workbench';
import { WorkbenchDatabase } from './db/database';
import { detectPlatform } from './platform/platform';
import './styles.css';

const platform = detectPlatform();
const database = new WorkbenchDatabase();
database.on('versionchange', () => {
  // Another window upgraded the database: let it proceed and ask for a reload.
  database.close();
  alert('Upskill Workbench was updated in another window. This window will reload.');
  location.reload();
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App platform={platform} />
  </StrictMode>,
);
void startWorkbench(database, platform);
