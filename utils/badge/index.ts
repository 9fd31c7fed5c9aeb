// utils/badge/: the toolbar button's badge and title (issue 15): waiting revokes, the lock, tokens
// due for review. The rules (badge) are pure; the background keeps them shown (background) as the
// records, the lock and the review alarm change.

export { type BadgeDeps, type BadgeWatch, readAttention, watchAttention, watchBadge } from './background';
export { type Attention, BADGE_COLORS, type Badge, badgeOf } from './badge';
