// utils/badge/: the toolbar button's badge and title (issue 15). The rules (badge) are pure; the
// background keeps them shown (background) as the records and the lock change.

export { type BadgeDeps, type BadgeWatch, readAttention, watchBadge } from './background';
export { type Attention, BADGE_COLORS, type Badge, badgeOf } from './badge';
