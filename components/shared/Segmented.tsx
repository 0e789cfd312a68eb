import { useId } from 'react';

export interface SegmentOption<T extends string> {
  value: T;
  label: string;
  /** Shown after the label, e.g. a count. */
  extra?: string;
}

interface SegmentedProps<T extends string> {
  legend: string;
  /** Keep the legend for screen readers only when the context already says it. */
  hideLegend?: boolean;
  options: readonly SegmentOption<T>[];
  value: T;
  onChange: (value: T) => void;
}

/**
 * One choice among a few, drawn as a segmented control but built from native radio buttons,
 * so arrow keys, form semantics and screen readers work without extra code.
 */
export function Segmented<T extends string>({
  legend,
  hideLegend,
  options,
  value,
  onChange,
}: SegmentedProps<T>) {
  const name = useId();
  return (
    <fieldset className="segmented">
      <legend className={hideLegend ? 'sr-only' : 'segmented-legend'}>{legend}</legend>
      <div className="segmented-track">
        {options.map((option) => (
          <label key={option.value} className="segment">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            <span>
              {option.label}
              {option.extra !== undefined && <span className="segment-extra"> {option.extra}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
