import type { Guide } from '@/lib/schemas/guide';
import { ActivityHeatmap } from './ActivityHeatmap';
import { StudiedList } from './StudiedList';

export function StudiedView({ guide }: { guide: Guide }) {
  return (
    <>
      <ActivityHeatmap />
      <StudiedList guide={guide} />
    </>
  );
}
