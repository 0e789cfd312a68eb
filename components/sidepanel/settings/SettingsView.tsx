import type { Guide } from '@/lib/schemas/guide';
import { useSettings } from '@/lib/progress/queries';
import { Loading } from '../../shared/Loading';
import { ArchivedProgress } from './ArchivedProgress';
import { BackupSection } from './BackupSection';
import { DeleteEverything } from './DeleteEverything';
import { LearningSitesSection } from './LearningSitesSection';
import { PrivacySection } from './PrivacySection';
import { ReminderSection } from './ReminderSection';
import { StorageSection } from './StorageSection';
import { SyncSection } from './SyncSection';

export function SettingsView({ guide }: { guide: Guide }) {
  const settings = useSettings();
  if (!settings) return <Loading what="settings" />;
  return (
    <div className="settings">
      <PrivacySection settings={settings} />
      <LearningSitesSection />
      <ReminderSection settings={settings} />
      <SyncSection guide={guide} />
      <BackupSection />
      <StorageSection />
      <ArchivedProgress guide={guide} />
      <DeleteEverything />
    </div>
  );
}
