// utils/fill/: putting a token into a web page field. The background's filler and the three
// gestures (filler, menu, tab), the code injected into the page that picks and fills a field (page,
// field-rank), choosing the frame (frames), and the sites a token may be filled into (sites-model).
export { createFiller, FILL_COMMAND, type Filler, type FillReply } from './filler';
export { framePattern } from './frames';
export { createFillMenu, type FillMenu, isMoreTokens, tokenOfMenuItem, withMenuAfterFills } from './menu';
export { fillPage } from './page';
export { type LeftQuestion, PENDING_FILL_KEY, type PendingFill, questionFor } from './pending';
export { releaseFrameOrigins, releaseOrigins } from './permissions';
export { createSitesModel, type SitesModel } from './sites-model';
export { backgroundFillDeps } from './tab';
