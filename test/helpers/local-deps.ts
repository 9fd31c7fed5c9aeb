import type { Session } from '../../utils/account/session';
import type { ApiClient } from '../../utils/api/client';
import { ok, type Result } from '../../utils/lib/result';
import { lean } from '../../utils/messages';
import { openTokenDb } from '../../utils/store/open';
import type { TokenDatabase } from '../../utils/store/schema';
import { createEngine, type Engine } from '../../utils/sync/engine';
import { createTokensModel, type TokensDeps, type TokensModel } from '../../utils/tokens/model';

/** What a test gives: the engine's adapters and the page's, in one object it may change later. */
export interface LocalDeps {
  loadSession(): Promise<Session | null>;
  endSession(): Promise<void>;
  openDb(): Promise<TokenDatabase>;
  makeApi(session: Session): ApiClient;
  copyText(text: string): Promise<Result<void>>;
  now(): number;
  random?(): number;
  sessionEnded?(): Promise<boolean>;
}

/**
 * A page model whose engine runs in the same context, as the background's does in the extension.
 * Every call goes through `deps` at call time, so a test may swap a function after setup.
 */
export function localTokensDeps(deps: LocalDeps): TokensDeps {
  const random = (): number => (deps.random ?? Math.random)();
  const engine = createEngine({
    loadSession: () => deps.loadSession(),
    endSession: () => deps.endSession(),
    openDb: () => deps.openDb(),
    makeApi: (session) => deps.makeApi(session),
    now: () => deps.now(),
    random,
  });
  return {
    loadSession: () => deps.loadSession(),
    sessionEnded: () => deps.sessionEnded?.() ?? Promise.resolve(false),
    openDb: () => deps.openDb(),
    engine: asSent(engine),
    // A page reads the background's record of the service's hold; here the engine is at hand.
    loadHold: () => engine.hold(),
    copyText: (text) => deps.copyText(text),
    now: () => deps.now(),
    random,
  };
}

/** The engine as a page reaches it: its replies as utils/messages.ts sends them, without the tokens. */
export function asSent(engine: Engine): Engine {
  return {
    ...engine,
    sync: (options) => engine.sync(options).then(lean),
    create: (name, from) => engine.create(name, from).then(lean),
    revoke: (id, from) => engine.revoke(id, from).then(lean),
  };
}

/** A page model over `api`, signed in as `session` (null: signed out), its store the test's IndexedDB. */
export function localModel(
  api: ApiClient,
  session: Session | null,
  extra: Partial<LocalDeps> = {},
): TokensModel {
  return createTokensModel(
    localTokensDeps({
      loadSession: async () => session,
      endSession: async () => {},
      openDb: openTokenDb,
      makeApi: () => api,
      copyText: async () => ok(undefined),
      now: Date.now,
      ...extra,
    }),
  );
}
