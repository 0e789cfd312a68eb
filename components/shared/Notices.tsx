import { useNotices } from '@/lib/stores/notices';
import { Icon } from './Icon';

/** Errors from writes, shown until dismissed, and a polite live region for announcements. */
export function Notices() {
  const { announcement, errors, dismiss } = useNotices();
  return (
    <>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="notices" role="alert">
        {errors.map((error) => (
          <div key={error.id} className="notice notice-error">
            <Icon name="alert" />
            <p>{error.text}</p>
            <button
              type="button"
              className="icon-btn"
              aria-label="Dismiss"
              onClick={() => dismiss(error.id)}
            >
              <Icon name="close" />
            </button>
          </div>
        ))}
      </div>
    </>
  );
}
