import { useId, type FormEvent, type RefObject } from 'react';

interface SiteFormProps {
  label: string;
  placeholder: string;
  submitLabel: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: (event: FormEvent) => void;
  invalid: boolean;
  /** The element that says what went wrong or what happened. */
  describedBy?: string;
  fieldRef: RefObject<HTMLInputElement | null>;
}

/** A one-line form asking for a site ("example.com" or a page address) with its action. */
export function SiteForm({
  label,
  placeholder,
  submitLabel,
  value,
  onChange,
  onSubmit,
  invalid,
  describedBy,
  fieldRef,
}: SiteFormProps) {
  const id = useId();
  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="inline-form-row">
        <input
          ref={fieldRef}
          id={id}
          className="input"
          placeholder={placeholder}
          value={value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
        <button type="submit" className="btn" disabled={value.trim() === ''}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
