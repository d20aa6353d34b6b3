/**
 * Entry point of the web front end: translations first (they set <html lang>), then the DSFR,
 * then the router. See web/app/routes.tsx to add a page.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import './ui/app.css';
import './i18n';
import { createRouter } from './app/routes';
import { startDsfr } from './dsfr';

startDsfr();

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <RouterProvider router={createRouter()} />
  </StrictMode>,
);
