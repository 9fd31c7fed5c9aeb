// utils/lib/: small shared helpers every feature may use, with no feature of their own: the
// messages of the UI (i18n), results as values (result), dates and masked secrets (format), storage
// sizes (bytes), the order of token names (collate), and keyboard moves in a virtual list (list-keys). Nothing here imports a feature.
export { describeStorage, parseLimit, storagePercent } from './bytes';
export { compareIds, compareNames } from './collate';
export { earlyFirst } from './early';
export {
  absoluteDate,
  absoluteTime,
  countdown,
  maskHint,
  maskSecret,
  noteSteadiness,
  prepareFormats,
  relativeTime,
  secretHint,
  steadyUntil,
} from './format';
export { localizeDocument, type MessageKey, t, tAround, uiLanguage } from './i18n';
export { moveIndex, scrollToShow } from './list-keys';
export { type AppError, fail, ok, type Result, sessionEndedError } from './result';
