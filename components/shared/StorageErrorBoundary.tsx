import { Component, type ErrorInfo, type ReactNode } from 'react';
import { explainStorageError, technicalDetails } from '@/lib/ui/storage-errors';
import { reopenDatabase, useDatabaseClosed } from '@/lib/ui/use-database-closed';
import { Icon } from './Icon';

interface Props {
  children: ReactNode;
  /** A one-line fallback, for small areas beside a boundary that explains in full. */
  compact?: boolean;
}

interface State {
  error: unknown;
}

/** Raises a closed database inside the boundary, which live queries would not do. */
function ClosedDatabaseAlarm() {
  const closed = useDatabaseClosed();
  if (closed) throw closed;
  return null;
}

/**
 * Catches what a live query throws (a full disk, a closed or newer database) and says what
 * happened and what to do, in words, with a way to try again. Nothing is swallowed: the
 * error is also logged for anyone debugging.
 */
export class StorageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Levelmate could not show its data:', error, info.componentStack);
  }

  private retry = async () => {
    // A closed database stays closed until opened again.
    await reopenDatabase();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (error === null) {
      return (
        <>
          <ClosedDatabaseAlarm />
          {this.props.children}
        </>
      );
    }
    const problem = explainStorageError(error);
    if (this.props.compact) {
      return (
        <p className="problem-compact" title={technicalDetails(error)}>
          <Icon name="alert" size={14} /> {problem.title}
        </p>
      );
    }
    return (
      <div className="problem" role="alert">
        <Icon name="alert" size={20} />
        <div>
          <p className="problem-title">{problem.title}</p>
          <p>{problem.advice}</p>
          <button type="button" className="btn btn-primary" onClick={() => void this.retry()}>
            Try again
          </button>
          <details className="problem-details">
            <summary>Technical details</summary>
            <code>{technicalDetails(error)}</code>
          </details>
        </div>
      </div>
    );
  }
}
