import { useNotices } from '@/lib/stores/notices';
import { describeFailure } from '@/lib/ui/send';
import { openSidePanel } from '@/lib/ui/side-panel';
import { Icon } from '../shared/Icon';

export function OpenSidePanelButton({ windowId }: { windowId: number | undefined }) {
  const reportError = useNotices((notices) => notices.reportError);
  const open = () => {
    openSidePanel(windowId).then(
      () => window.close(),
      (error: unknown) => reportError(describeFailure('open the side panel', error)),
    );
  };
  return (
    <button type="button" className="btn btn-small open-panel" onClick={open}>
      <Icon name="panel" />
      Open side panel
    </button>
  );
}
