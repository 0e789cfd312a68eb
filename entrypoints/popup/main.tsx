import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/components/popup/App';
import '@/components/theme.css';
import { openDatabaseEarly } from '@/lib/ui/open-database-early';

openDatabaseEarly();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
