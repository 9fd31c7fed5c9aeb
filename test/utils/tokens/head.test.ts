import { describe, expect, it, vi } from 'vitest';
import type { Session } from '../../../utils/account/session';
import { ok } from '../../../utils/lib/result';
import { applyList, shownList } from '../../../utils/store/db';
import { HEAD_ROWS } from '../../../utils/store/layout';
import { openTokenDb } from '../../../utils/store/open';
import type { Scope } from '../../../utils/store/records';
import { createTokensModel } from '../../../utils/tokens/model';
import type { TokensDeps, TokensModel } from '../../../utils/tokens/types';
import { apiToken, createFakeApi } from '../../helpers/fake-api';
import { localTokensDeps } from '../../helpers/local-deps';

// Issue 14: the popup paints first from its list's head (store HeadRecord), and reads the rest
// once its first sync has answered, or at once when a search, an order, a create or a fill's
// question needs every token.

const session: Session = {
  serviceUrl: 'http://127.0.0.1:8787',
  credential: 'w3ss_test',
  account: '42',
  email: 'ada@example.org',
};
const scope: Scope = { service: session.serviceUrl, account: session.account };
const COUNT = 100;
const name = (i: number): string => `token ${String(i).padStart(4, '0')}`;

/** A page whose first read is the head the store keeps (page-deps), its sync held until `release`. */
async function setup(extra: Partial<TokensDeps> = {}) {
  const fake = createFakeApi(Array.from({ length: COUNT }, (_, i) => apiToken(String(i), name(i))));
  const db = await openTokenDb();
  const listed = await fake.api.listTokens();
  if (!listed.ok) throw new Error('the fake lists');
  await applyList(db, scope, listed.value, 1_000);
  let release = (): void => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const base = localTokensDeps({
    loadSession: async () => session,
    endSession: async () => {},
    openDb: openTokenDb,
    makeApi: () => ({ ...fake.api, listTokens: () => held.then(() => fake.api.listTokens()) }),
    copyText: async () => ok(undefined),
    now: () => 1_800_000_000_000,
  });
  const readList = vi.fn(async () => shownList(scope, await db.get('heads', [scope.service, scope.account])));
  const model = createTokensModel({ ...base, readList, ...extra });
  return { model, release, readList };
}

/** Starts `model` and waits for its first paint; `started` ends after the sync (held till `release`). */
async function painted(model: TokensModel): Promise<{ started: Promise<void> }> {
  const started = model.start();
  await vi.waitFor(() => expect(model.state.value).toBe('ready'));
  return { started };
}

const ids = (tokens: readonly { id: string }[]): string[] => tokens.map((t) => t.id);

describe('a page painted from its list’s head', () => {
  it('should show the first rows and count them all, then read the rest after its first sync', async () => {
    const { model, release } = await setup();
    let atPaint: { tokens: number; visible: number; shown: number } | null = null;
    model.state.subscribe((state) => {
      if (state === 'ready' && !atPaint)
        atPaint = {
          tokens: model.tokens.value.length,
          visible: model.visible.value.length,
          shown: model.shownCount.value,
        };
    });
    const { started } = await painted(model);
    expect(atPaint).toEqual({ tokens: HEAD_ROWS, visible: HEAD_ROWS, shown: COUNT });
    expect(ids(model.visible.value)).toEqual(Array.from({ length: HEAD_ROWS }, (_, i) => String(i)));
    // While the sync is out, the rest is not read: it would hold the sync's answer back.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(model.tokens.value).toHaveLength(HEAD_ROWS);
    release();
    await started;
    expect(model.tokens.value).toHaveLength(COUNT);
    expect(model.shownCount.value).toBe(COUNT);
    expect(model.visible.value).toHaveLength(COUNT);
  });

  it('should read the rest at once when asked (a search, another order, a scroll past the head)', async () => {
    const { model, release } = await setup();
    const { started } = await painted(model);
    model.query.value = name(90);
    // Meanwhile the search shows what the head has: never the head's count.
    expect(model.visible.value).toEqual([]);
    expect(model.shownCount.value).toBe(0);
    await model.complete();
    expect(ids(model.visible.value)).toEqual(['90']);
    release();
    await started;
  });

  it('should still read the rest after a token of the head was copied meanwhile', async () => {
    const { model, release } = await setup();
    const { started } = await painted(model);
    await model.copy('3');
    expect(model.tokens.value.find((t) => t.id === '3')?.lastCopiedAt).toBeTypeOf('number');
    expect(model.shownCount.value).toBe(COUNT);
    expect(model.visible.value).toHaveLength(HEAD_ROWS);
    release();
    await started;
    expect(model.tokens.value).toHaveLength(COUNT);
    expect(model.visible.value).toHaveLength(COUNT);
  });

  it('should read the rest as a name is typed, so the form knows every name taken', async () => {
    const { model, release } = await setup();
    const { started } = await painted(model);
    model.setDraft(name(80));
    await vi.waitFor(() => expect(model.tokens.value).toHaveLength(COUNT));
    expect(model.tokens.value.map((t) => t.name)).toContain(name(80));
    release();
    await started;
  });

  it('should ask the question a fill left about a token past the head', async () => {
    const { model, release } = await setup({
      pendingFill: async () => ({ id: '70', origin: 'https://ci.example' }),
    });
    const started = model.start();
    await vi.waitFor(() => expect(model.confirming.value).not.toBeNull());
    expect(model.confirming.value).toEqual({ id: '70', name: name(70), origin: 'https://ci.example' });
    release();
    await started;
  });
});
