import { batch } from '@preact/signals';
import { t } from '../lib';
import { getSecret, markCopied } from '../store';
import { type CopyFormat, formatForCopy } from './copy-format';
import { localFailure } from './failures';
import type { TokensState } from './list-state';
import type { StoreContext, StoreLink } from './store-link';
import type { TokensDeps, TokensModel } from './types';

export type CopyActions = Pick<TokensModel, 'copy' | 'setCopyFormat'>;

/** Copies a token in the chosen format, asking the background for a secret not kept here. */
export function createCopy(deps: TokensDeps, s: TokensState, link: StoreLink): CopyActions {
  let copiedTimer: ReturnType<typeof setTimeout> | undefined;

  async function copy(id: string): Promise<void> {
    const token = s.tokens.value.find((t) => t.id === id);
    if (token?.state !== 'active' || !link.context) return;
    // The list holds no secrets: the one copied is read now, or asked of the background when the
    // lock (or "keep no secrets") keeps it from this page.
    const here = link.context;
    let secret = await getSecret(here.db, here.scope, id).catch(() => '');
    if (!secret) {
      const revealed = await deps.reveal?.(id).catch(() => null);
      if (!revealed?.ok) {
        if (revealed?.locked) deps.onLocked?.();
        else s.error.value = revealed ? { code: 'local', message: revealed.message } : localFailure();
        return;
      }
      secret = revealed.secret;
    }
    await here.format;
    const copied = await deps.copyText(formatForCopy(secret, s.copyFormat.value), here.scope);
    if (!copied.ok) {
      s.error.value = copied.error;
      return;
    }
    const at = deps.now();
    // The store as it is now, after the awaits above (as when this was one closure).
    const { db, scope } = link.context as StoreContext;
    await markCopied(db, scope, id, at);
    clearTimeout(copiedTimer);
    batch(() => {
      s.tokens.value = s.tokens.value.map((t) => (t.id === id ? { ...t, lastCopiedAt: at } : t));
      s.copiedId.value = id;
      s.notice.value = t('copiedNotice', token.name);
    });
    copiedTimer = setTimeout(() => {
      s.copiedId.value = null;
    }, 2000);
  }

  /** The shown account's format (issue 15): another account keeps its own. */
  function setCopyFormat(format: CopyFormat): void {
    s.copyFormat.value = format;
    const scope = link.context?.scope;
    if (scope) void deps.saveCopyFormat?.(scope, format);
  }

  return { copy, setCopyFormat };
}
