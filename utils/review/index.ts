// utils/review/: review dates (issue 15): a date a person sets on a token to look at it again,
// since the service has no expiry. The rules (due: presets, custom dates, which tokens are due,
// the next due date) are pure; the background arms one alarm for the next due date (alarm) and
// re-arms it whenever the records change, at start-up and when it fires.
export { REVIEW_ALARM, type ReviewAlarmDeps, type ReviewWatch, watchReviews } from './alarm';
export {
  customReviewBy,
  dueForReview,
  isDue,
  nextReviewAt,
  presetReviewBy,
  REVIEW_PRESETS,
  type ReviewDateInput,
  type ReviewFacts,
  reviewDateValue,
  startOfDay,
} from './due';
