import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/components/popup/App';
import '@/components/theme.css';
import { db } from '@/lib/db/database';

// The database opens while React renders its first frame: opening takes longer than that
// render, and every view waits for it. A failure shows where a view reads (its boundary).
void db()
  .open()
  .catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
