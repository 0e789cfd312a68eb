const RADIUS = 22;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** A ring with the percentage in its middle; its label names what is measured. */
export function ProgressRing({
  percent,
  label,
  valueText,
}: {
  percent: number;
  label: string;
  valueText: string;
}) {
  const clamped = Math.max(0, Math.min(100, percent));
  return (
    <div
      className="ring"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      aria-valuetext={valueText}
    >
      <svg viewBox="0 0 56 56" width="56" height="56" aria-hidden="true" focusable="false">
        <circle className="ring-track" cx="28" cy="28" r={RADIUS} />
        <circle
          className="ring-fill"
          cx="28"
          cy="28"
          r={RADIUS}
          strokeDasharray={CIRCUMFERENCE}
          strokeDashoffset={CIRCUMFERENCE * (1 - clamped / 100)}
          transform="rotate(-90 28 28)"
        />
      </svg>
      <span className="ring-label" aria-hidden="true">
        {clamped}%
      </span>
    </div>
  );
}
