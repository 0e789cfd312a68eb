/** Stroke icons drawn on a 20×20 grid; always decorative, the control carries the name. */
const PATHS = {
  chevron: 'M6 8l4 4 4-4',
  check: 'M4.5 10.5l3.5 3.5 7.5-8',
  gear: 'M10 12.6a2.6 2.6 0 1 0 0-5.2 2.6 2.6 0 0 0 0 5.2zM16 10c0-.5 0-.9-.1-1.3l1.7-1.3-1.6-2.8-2 .8a6 6 0 0 0-2.2-1.3L11.5 2h-3l-.3 2.1A6 6 0 0 0 6 5.4l-2-.8-1.6 2.8 1.7 1.3a6 6 0 0 0 0 2.6l-1.7 1.3L4 15.4l2-.8a6 6 0 0 0 2.2 1.3l.3 2.1h3l.3-2.1a6 6 0 0 0 2.2-1.3l2 .8 1.6-2.8-1.7-1.3c.1-.4.1-.8.1-1.3z',
  list: 'M7 5h10M7 10h10M7 15h10M3 5h.01M3 10h.01M3 15h.01',
  book: 'M4 4.5A1.5 1.5 0 0 1 5.5 3H16v12H5.5A1.5 1.5 0 0 0 4 16.5zM4 16.5A1.5 1.5 0 0 0 5.5 18H16',
  external:
    'M11 4h5v5M16 4l-7 7M14 12v3.5a.5.5 0 0 1-.5.5h-9a.5.5 0 0 1-.5-.5v-9a.5.5 0 0 1 .5-.5H8',
  close: 'M5 5l10 10M15 5L5 15',
  search: 'M9 15a6 6 0 1 0 0-12 6 6 0 0 0 0 12zM13.5 13.5L17 17',
  panel: 'M3 4h14v12H3zM12 4v12',
  alert:
    'M10 7v4M10 14h.01M8.6 3.4L2.3 14.5A1.6 1.6 0 0 0 3.7 17h12.6a1.6 1.6 0 0 0 1.4-2.5L11.4 3.4a1.6 1.6 0 0 0-2.8 0z',
  spark: 'M10 2.5l1.8 4.7 4.7 1.8-4.7 1.8L10 15.5l-1.8-4.7L3.5 9l4.7-1.8z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
