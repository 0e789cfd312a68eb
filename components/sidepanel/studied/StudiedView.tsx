import type { Guide } from '@/lib/schemas/guide';
import { ActivityHeatmap } from './ActivityHeatmap';
import { ShareProgress } from './ShareProgress';
import { StudiedList } from './StudiedList';

export function StudiedView({ guide }: { guide: Guide }) {
  return (
    <>
      <ActivityHeatmap />
      <StudiedList guide={guide} />
      <ShareProgress guide={guide} />
    </>
  );
}
