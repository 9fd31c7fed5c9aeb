import { computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import { type AccountStatus, restrictionNotice } from '../api';
import type { Scope } from '../store';
import type { Engine } from '../sync';
import type { Session } from './session';

export interface AccountDeps {
  loadSession(): Promise<Session | null>;
  /** Asks the service through the background (pages never carry the API client). */
  engine: Pick<Engine, 'account'>;
  loadStatus(scope: Scope): Promise<AccountStatus | null>;
  saveStatus(status: AccountStatus): Promise<void>;
}

export interface AccountModel {
  status: Signal<AccountStatus | null>;
  /** Why the last check failed, for a person; the cached status still shows. */
  error: Signal<string | null>;
  /** Why Create is off, or null. */
  restriction: ReadonlySignal<string | null>;
  start(): Promise<void>;
}

/** The account's restriction and storage: the cached status at once, then the service's. */
export function createAccountModel(deps: AccountDeps): AccountModel {
  const status = signal<AccountStatus | null>(null);
  const error = signal<string | null>(null);
  const restriction = computed(() => restrictionNotice(status.value));

  async function start(): Promise<void> {
    const session = await deps.loadSession();
    if (!session) {
      status.value = null;
      return;
    }
    status.value = await deps.loadStatus({ service: session.serviceUrl, account: session.account });
    const fresh = await deps.engine.account().catch(() => null);
    if (!fresh) return;
    if (!fresh.ok) {
      // The tokens panel already says why the service cannot be reached; keep what was known.
      error.value = fresh.error.message;
      return;
    }
    error.value = null;
    status.value = fresh.value;
    await deps.saveStatus(fresh.value);
  }

  return { status, error, restriction, start };
}
