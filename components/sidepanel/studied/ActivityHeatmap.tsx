import { useMemo } from 'react';
import { useActivity } from '@/lib/progress/history-queries';
import { currentStreak, heatmap } from '@/lib/progress/activity';
import type { ActivityRecord } from '@/lib/schemas/records';
import { plural } from '@/lib/ui/labels';
import { useNow } from '@/lib/ui/use-now';
import { Loading } from '../../shared/Loading';

const WEEKS = 12;
const STEP = 19;
const CELL = 15;
const LEFT = 34;
const TOP = 20;
const WEEKDAYS = ['Mon', '', 'Wed', '', 'Fri', '', ''];

function dateOf(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date);
}

function describeDay(day: string, record: ActivityRecord | undefined): string {
  const label = dateOf(day).toLocaleDateString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
  const parts = [
    record?.checkoffs ? plural(record.checkoffs, 'check-off') : '',
    record?.studyVisits ? plural(record.studyVisits, 'study visit') : '',
  ].filter(Boolean);
  return `${label}: ${parts.length > 0 ? parts.join(', ') : 'nothing studied'}`;
}

/** Room for a short month name at the labels' 13 px ("Sep", "Mär", "juil."). */
const LABEL_WIDTH = 30;

interface MonthLabel {
  x: number;
  text: string;
  anchor: 'start' | 'end';
}

/** Month names above the week where each month starts, none running past `width`. */
function monthLabels(weeks: { day: string }[][], width: number): MonthLabel[] {
  const labels: MonthLabel[] = [];
  let previous = -1;
  weeks.forEach((week, index) => {
    const month = dateOf(week[0]!.day).getMonth();
    if (month !== previous) {
      labels.push({
        x: LEFT + index * STEP,
        text: dateOf(week[0]!.day).toLocaleDateString(undefined, { month: 'short' }),
        anchor: 'start',
      });
      previous = month;
    }
  });
  // The first column's label would collide with a month starting in the next column.
  if (labels.length > 1 && labels[1]!.x - labels[0]!.x < 2 * STEP) labels.shift();
  // A month starting in the last weeks ends at the right edge instead of past it, and
  // takes the place of the month before if they would touch.
  const last = labels.at(-1);
  if (last && last.x + LABEL_WIDTH > width) {
    Object.assign(last, { x: width, anchor: 'end' });
    const before = labels.at(-2);
    if (before && before.x + LABEL_WIDTH > width - LABEL_WIDTH) labels.splice(-2, 1);
  }
  return labels;
}

/** Study days of the last twelve weeks (check-offs and study visits) and the current streak. */
export function ActivityHeatmap() {
  const now = useNow();
  // One row per day someone studied: even years of use stay a few thousand small rows, and
  // the streak may run back further than the twelve weeks shown.
  const records = useActivity();
  const byDay = useMemo(() => new Map(records?.map((record) => [record.day, record])), [records]);

  if (!records) return <Loading what="your activity" />;
  const weeks = heatmap(records, now, WEEKS);
  const streak = currentStreak(records, now);
  const studyDays = weeks.flat().filter((day) => day.count > 0).length;
  const width = LEFT + WEEKS * STEP - (STEP - CELL);
  const height = TOP + 7 * STEP - (STEP - CELL);

  return (
    <section className="card activity" aria-labelledby="activity-heading">
      <div className="section-head">
        <h2 id="activity-heading">Activity</h2>
        <p className="streak">
          <strong>{streak}</strong> {streak === 1 ? 'day' : 'days'} in a row
        </p>
      </div>
      <svg
        className="heatmap"
        role="img"
        aria-label={`${plural(studyDays, 'study day')} in the last ${WEEKS} weeks; current streak ${plural(streak, 'day')}.`}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
      >
        {monthLabels(weeks, width).map((label) => (
          <text
            key={label.x}
            x={label.x}
            y={13}
            textAnchor={label.anchor}
            className="heatmap-label"
          >
            {label.text}
          </text>
        ))}
        {WEEKDAYS.map((name, row) =>
          name ? (
            <text key={name} x={0} y={TOP + row * STEP + CELL - 3} className="heatmap-label">
              {name}
            </text>
          ) : null,
        )}
        {weeks.map((week, column) =>
          week.map((day, row) => (
            <rect
              key={day.day}
              x={LEFT + column * STEP}
              y={TOP + row * STEP}
              width={CELL}
              height={CELL}
              rx={3}
              className={`heat heat-${day.intensity}`}
            >
              <title>{describeDay(day.day, byDay.get(day.day))}</title>
            </rect>
          )),
        )}
      </svg>
      <div className="heatmap-legend" aria-hidden="true">
        Less
        {[0, 1, 2, 3, 4].map((level) => (
          <span key={level} className={`heat-swatch heat-${level}`} />
        ))}
        More
      </div>
      {studyDays === 0 && (
        <p className="hint">
          Your study days light up here: tick items in the checklist, or visit a learning resource.
          Studying a little on many days beats cramming.
        </p>
      )}
    </section>
  );
}
