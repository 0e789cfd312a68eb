export { openSidePanel } from '../services/side-panel';
export { onViewRequested, requestView, takeRequestedView } from '../services/view-request';
