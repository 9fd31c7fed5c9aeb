import { act, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { TokenList } from '../../../components/tokens/TokenList';
import { TokensPanel } from '../../../components/tokens/TokensPanel';
import { ok } from '../../../utils/lib/result';
import { openTokenDb } from '../../../utils/store/open';
import { createTokensModel } from '../../../utils/tokens/model';
import { apiToken, createFakeApi } from '../../helpers/fake-api';
import { localTokensDeps } from '../../helpers/local-deps';

const session = { serviceUrl: 'http://127.0.0.1:8787', credential: 'w3ss_x', account: '42', email: 'a@b.c' };

describe('TokensPanel', () => {
  it('should repaint only the sync line when a sync starts and ends (issue 14)', async () => {
    const fake = createFakeApi([apiToken('1', 'laptop'), apiToken('2', 'CI')]);
    const model = createTokensModel(
      localTokensDeps({
        loadSession: async () => session,
        endSession: async () => {},
        openDb: openTokenDb,
        makeApi: () => fake.api,
        copyText: async () => ok(undefined),
        now: Date.now,
      }),
    );
    const rows = vi.fn(TokenList);
    render(<TokensPanel model={model} layout="popup" Rows={rows as typeof TokenList} />);
    await act(() => model.start());
    await screen.findByText('laptop');
    const before = rows.mock.calls.length;
    act(() => {
      model.syncing.value = true;
    });
    expect(screen.getByText('Syncing…')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sync now' }).hasAttribute('disabled')).toBe(true);
    act(() => {
      model.syncing.value = false;
      model.lastSyncedAt.value = Date.now();
    });
    expect(screen.getByRole('button', { name: 'Sync now' }).hasAttribute('disabled')).toBe(false);
    expect(screen.getByText(/Last synced/)).toBeTruthy();
    expect(rows.mock.calls.length).toBe(before);
  });
});
