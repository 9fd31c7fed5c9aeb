import { act, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SYNCING_SHOWN_AFTER_MS } from '../../../components/sync/SyncStatus';
import { TokenList } from '../../../components/tokens/TokenList';
import { TokensPanel } from '../../../components/tokens/TokensPanel';
import { apiToken, createFakeApi } from '../../helpers/fake-api';
import { localModel } from '../../helpers/local-deps';

const session = { serviceUrl: 'http://127.0.0.1:8787', credential: 'w3ss_x', account: '42', email: 'a@b.c' };

describe('TokensPanel', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('should repaint only the sync line when a sync starts and ends (issue 14)', async () => {
    const fake = createFakeApi([apiToken('1', 'laptop'), apiToken('2', 'CI')]);
    const model = localModel(fake.api, session);
    const rows = vi.fn(TokenList);
    render(<TokensPanel model={model} layout="popup" Rows={rows as typeof TokenList} />);
    await act(() => model.start());
    await screen.findByText('laptop');
    const before = rows.mock.calls.length;
    vi.useFakeTimers();
    act(() => {
      model.syncing.value = true;
    });
    // A quick sync is not said (no flicker of the line); "Sync now" waits for it all the same.
    expect(screen.queryByText('Syncing…')).toBeNull();
    expect(screen.getByRole('button', { name: 'Sync now' }).hasAttribute('disabled')).toBe(true);
    act(() => {
      vi.advanceTimersByTime(SYNCING_SHOWN_AFTER_MS);
    });
    expect(screen.getByText('Syncing…')).toBeTruthy();
    act(() => {
      model.syncing.value = false;
      model.lastSyncedAt.value = Date.now();
    });
    expect(screen.getByRole('button', { name: 'Sync now' }).hasAttribute('disabled')).toBe(false);
    expect(screen.getByText(/Last synced/)).toBeTruthy();
    expect(rows.mock.calls.length).toBe(before);
  });

  it('should not say "Syncing…" for a sync that answers before SYNCING_SHOWN_AFTER_MS', async () => {
    const fake = createFakeApi([apiToken('1', 'laptop')]);
    const model = localModel(fake.api, session);
    render(<TokensPanel model={model} layout="popup" Rows={TokenList} />);
    await act(() => model.start());
    await screen.findByText('laptop');
    vi.useFakeTimers();
    act(() => {
      model.syncing.value = true;
    });
    act(() => {
      vi.advanceTimersByTime(SYNCING_SHOWN_AFTER_MS - 1);
    });
    expect(screen.queryByText('Syncing…')).toBeNull();
    act(() => {
      model.syncing.value = false;
    });
    act(() => {
      vi.advanceTimersByTime(SYNCING_SHOWN_AFTER_MS);
    });
    expect(screen.queryByText('Syncing…')).toBeNull();
    expect(screen.getByText(/Last synced/)).toBeTruthy();
  });
});
