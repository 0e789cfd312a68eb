import { useId, type ReactNode } from 'react';
import { focusSoon } from '@/lib/ui/focus-soon';

interface ConfirmQuestionProps {
  question: ReactNode;
  confirmLabel: string;
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Where focus goes back to when the person cancels (the control that asked). */
  returnFocus: () => HTMLElement | null;
  /** Other choices, shown before the one that cannot be undone. */
  before?: ReactNode;
  /** Shown under the choices (the outcome of `before`). */
  children?: ReactNode;
}

/**
 * A question before something that cannot be undone: the destructive choice, and Cancel,
 * which has the focus when the question appears (the safe choice is the one Enter takes).
 */
export function ConfirmQuestion({
  question,
  confirmLabel,
  confirmDisabled,
  onConfirm,
  onCancel,
  returnFocus,
  before,
  children,
}: ConfirmQuestionProps) {
  const id = useId();
  return (
    <div className="confirm" role="group" aria-labelledby={id}>
      <p id={id}>{question}</p>
      <div className="actions">
        {before}
        <button
          type="button"
          className="btn btn-danger"
          disabled={confirmDisabled}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
        <button
          type="button"
          className="btn btn-quiet"
          autoFocus
          onClick={() => {
            onCancel();
            focusSoon(returnFocus);
          }}
        >
          Cancel
        </button>
      </div>
      {children}
    </div>
  );
}
