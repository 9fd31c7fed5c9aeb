import { createActions } from './actions';
import { createCopy } from './copy';
import { createExtraActions } from './extras';
import { createFillQuestion } from './fill-question';
import { createListState } from './list-state';
import { createStoreLink } from './store-link';
import { createSyncCalls } from './sync-calls';
import type { TokensDeps, TokensModel } from './types';

export type { CreateOutcome, FillQuestion, TokensDeps, TokensModel, ViewState } from './types';

/** What a page shows of the signed-in account: paints from IndexedDB, then asks the engine to sync. */
export function createTokensModel(deps: TokensDeps): TokensModel {
  const state = createListState();
  // `live` serves create's name check, `head` the store link; the pages read `visible`.
  const { live, head, ...shown } = state;
  const link = createStoreLink(deps, state);
  const sync = createSyncCalls(deps, state, link);
  const question = createFillQuestion(deps, state, link);
  const actions = createActions(deps, state, link, sync);
  const askHold = (): void =>
    void deps
      .loadHold?.()
      .then((hold) => {
        if (hold !== undefined) sync.held(hold);
      })
      .catch(() => {});
  let followingHold = false;
  // Starts may overlap (an account switched during the first): the page is opening until the last ends.
  let starts = 0;

  async function start(): Promise<void> {
    starts += 1;
    state.opening.value = true;
    try {
      await open();
    } finally {
      starts -= 1;
      state.opening.value = starts > 0;
    }
  }

  async function open(): Promise<void> {
    // Read alongside the list, not before it (issue 14). Typed before it came (on this page) wins.
    const drafted = deps.loadDraft?.().then(
      (draft) => {
        if (draft && !state.draft.value) state.draft.value = draft;
      },
      () => {},
    );
    const local = await link.open();
    await drafted;
    if (!local) return;
    // The service's standing state (issue 18), known before any click: the background's record,
    // read by the page itself with its first reads, and again whenever it changes (the sync's
    // `/version` answers after the sync does).
    askHold();
    link.follow();
    await deps.painted?.();
    if (!followingHold) followingHold = Boolean(deps.followHold?.(askHold));
    // The sync first: it waits for the service; the question a menu or shortcut fill left is read here.
    const syncing = sync.refresh({ opening: true });
    await question.askPending();
    await syncing;
    // The rest of the list, when only its head was painted (issue 14) and the sync did not bring
    // it: read after the sync, not beside it (a read of 1,000 rows held its answer back). A
    // search, another order or a scroll past the head asks for it at once (complete).
    await link.complete();
  }

  return {
    ...shown,
    start,
    complete: link.complete,
    refresh: sync.refresh,
    ...actions,
    ...createExtraActions(actions),
    ...createCopy(deps, state, link),
    fill: question.fill,
    setDraft(name) {
      state.draft.value = name;
      void deps.saveDraft?.(name).catch(() => {});
      // The form warns of a name taken by any token, not only one of a head painted first.
      void link.complete();
    },
  };
}
