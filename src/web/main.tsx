import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/global.css';
import { App } from './app/App';
import { startI18n } from './app/i18n';
import { preloadFirstPage } from './app/router';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// the texts of the language in use are fetched first (app/i18n.ts): nothing renders untranslated; the first page's
// code meanwhile (a failed preload is retried when the page renders)
void preloadFirstPage(window.location.pathname).catch(() => undefined);
void startI18n().then(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
