interface ProgressBarProps {
  percent: number;
  /** With a label the bar is a progressbar for assistive technology; without, decoration. */
  label?: string;
  /** Read out instead of the bare percentage, e.g. "4 of 13 done". */
  valueText?: string;
  tone?: 'accent' | 'success';
  size?: 'thin' | 'regular';
}

export function ProgressBar({
  percent,
  label,
  valueText,
  tone = 'accent',
  size = 'regular',
}: ProgressBarProps) {
  const clamped = Math.max(0, Math.min(100, percent));
  const a11y = label
    ? {
        role: 'progressbar',
        'aria-label': label,
        'aria-valuemin': 0,
        'aria-valuemax': 100,
        'aria-valuenow': clamped,
        'aria-valuetext': valueText,
      }
    : { 'aria-hidden': true };
  return (
    <div className={`bar bar-${size} bar-${tone}`} {...a11y}>
      <span className="bar-fill" style={{ width: `${clamped}%` }} />
    </div>
  );
}
