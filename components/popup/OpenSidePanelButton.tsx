import { useNotices } from '@/lib/stores/notices';
import { describeFailure } from '@/lib/ui/send';
import { openSidePanel, requestView } from '@/lib/ui/side-panel';
import { Icon } from '../shared/Icon';

/**
 * Opens the side panel straight from the click (the browser needs the gesture), then closes;
 * `view` asks the panel to show one of its views.
 */
export function useOpenSidePanel(windowId: number | undefined, view?: string) {
  const reportError = useNotices((notices) => notices.reportError);
  return () => {
    const opened = openSidePanel(windowId);
    Promise.all([opened, view && requestView(view)]).then(
      () => window.close(),
      (error: unknown) => reportError(describeFailure('open the side panel', error)),
    );
  };
}

export function OpenSidePanelLink({ windowId }: { windowId: number | undefined }) {
  const open = useOpenSidePanel(windowId);
  return (
    <button type="button" className="link-button" onClick={open}>
      see them in the side panel
    </button>
  );
}

export function OpenSidePanelButton({ windowId }: { windowId: number | undefined }) {
  const open = useOpenSidePanel(windowId);
  return (
    <button type="button" className="btn btn-small open-panel" onClick={open}>
      <Icon name="panel" />
      Open side panel
    </button>
  );
}
