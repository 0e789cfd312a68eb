export { openSidePanel } from './side-panel-effects';
export { onViewRequested, requestView, takeRequestedView } from './view-request-store';
