import { useEffect, useState } from 'react';

/** Shown while the database opens; after a few seconds it says what may be holding it up. */
export function Loading({ what }: { what: string }) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), 4000);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>Loading {what}…</span>
      {slow && (
        <p className="hint">
          Still waiting for your data. If Levelmate was just updated, close its other windows (side
          panels and popups) so the update can finish.
        </p>
      )}
    </div>
  );
}
