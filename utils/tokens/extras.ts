import type { Result } from '../lib';
import type { TokenRecord } from '../store';
import type { TokenActions } from './actions';

// Issue 18: tokens one click made beyond the one it was for (utils/sync/extras.ts marks them
// `extraOf`). The page shows one message per click and one action for all its extras.

export interface ExtraGroup {
  /** The token kept as the one created. */
  of: string;
  name: string;
  /** Tokens the click made in all: the kept one and its extras. */
  count: number;
  /** The extras still active, oldest first. */
  ids: string[];
  /** Their timing cannot tell them from tokens another client made. */
  unsure: boolean;
}

export function extraGroups(tokens: readonly TokenRecord[]): ExtraGroup[] {
  const groups = new Map<string, ExtraGroup>();
  for (const token of tokens) {
    if (!token.extraOf || token.state !== 'active') continue;
    const group = groups.get(token.extraOf.of) ?? {
      of: token.extraOf.of,
      name: token.name,
      count: 1,
      ids: [],
      unsure: false,
    };
    group.count += 1;
    group.ids.push(token.id);
    group.unsure ||= token.extraOf.unsure;
    groups.set(group.of, group);
  }
  return [...groups.values()];
}

export interface ExtraActions {
  /** Revokes every extra of the group (after the person's yes); the first refusal stops it. */
  revokeExtras(group: ExtraGroup): Promise<Result<void>>;
  /** The person keeps them all: the marks go, the tokens stay. */
  keepExtras(group: ExtraGroup): Promise<void>;
}

export function createExtraActions(actions: Pick<TokenActions, 'revoke' | 'annotate'>): ExtraActions {
  return {
    async revokeExtras(group) {
      for (const id of group.ids) {
        const result = await actions.revoke(id);
        if (!result.ok) return result;
      }
      return { ok: true, value: undefined };
    },
    async keepExtras(group) {
      for (const id of group.ids) await actions.annotate(id, { extraOf: null });
    },
  };
}
