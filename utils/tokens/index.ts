// utils/tokens/: what the pages show and do with tokens. The page model (model) composes the list
// and view state (list-state), the store link (store-link), engine calls with sync now and retries
// (sync-calls), create/revoke/annotate (actions), copy (copy), Check token (check), the fill
// question (fill-question) and the extra tokens one click made (extras); its shapes are in types.
// Sort orders (order), names (names), the never-used badge (hygiene), rotation names (rotation),
// copy formats (copy-format) and each token's use (usage).
export { type CheckOutcome, createCheck } from './check';
export { type CopyFormat, isCopyFormat } from './copy-format';
export { type ExtraGroup, extraGroups } from './extras';
export { isNeverUsed } from './hygiene';
export {
  type CreateOutcome,
  createTokensModel,
  type FillQuestion,
  type TokensDeps,
  type TokensModel,
} from './model';
export { checkName, countCharacters, MAX_NAME_LENGTH, visibleName } from './names';
export { SORT_LABELS, type SortKey } from './order';
export { rotatedName } from './rotation';
export { describeLastFill, hostOf, siteDefault, summarizeUsage, type TokenUsage } from './usage';
export { revokeBlock, writeBlock } from './write-block';
