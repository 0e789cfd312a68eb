/** "L3" to the eye, "Level 3" to a screen reader. */
export function LevelBadge({ level }: { level: number }) {
  return (
    <span className="badge badge-level">
      <span aria-hidden="true">L{level}</span>
      <span className="sr-only">Level {level}</span>
    </span>
  );
}
