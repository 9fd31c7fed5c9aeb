import { computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { Scope } from '../store';
import type { Session } from './session';
import { accountKey, accountLabel } from './sessions';

/** One signed-in account as the switcher shows it; never its credential. */
export interface AccountEntry {
  key: string;
  scope: Scope;
  name: string;
  host: string;
  active: boolean;
}

export interface AccountsDeps {
  /** Every signed-in account, the active one first. */
  listSessions(): Promise<Session[]>;
  switchSession(scope: Scope): Promise<boolean>;
  /** Ends `session` on the service and forgets it here; what a person should know, or null. */
  signOut(session: Session): Promise<string | null>;
}

export interface AccountsModel {
  accounts: Signal<AccountEntry[]>;
  active: ReadonlySignal<AccountEntry | null>;
  /** Why the last sign-out could not end the session on the service, or null. */
  notice: Signal<string | null>;
  busy: Signal<boolean>;
  load(): Promise<void>;
  /** Makes another account the one the pages show; they repaint from its store (onSessionChange). */
  switchTo(key: string): Promise<void>;
  signOut(key: string): Promise<void>;
}

/** The header's account switcher (issue 15), for the popup and the options page. */
export function createAccountsModel(deps: AccountsDeps): AccountsModel {
  const accounts = signal<AccountEntry[]>([]);
  const notice = signal<string | null>(null);
  const busy = signal(false);
  const active = computed(() => accounts.value.find((a) => a.active) ?? null);
  let sessions: Session[] = [];

  async function load(): Promise<void> {
    sessions = await deps.listSessions();
    accounts.value = sessions.map((s, i) => ({
      key: accountKey(s),
      scope: { service: s.serviceUrl, account: s.account },
      ...accountLabel(s),
      // listSessions puts the active account first.
      active: i === 0,
    }));
  }

  async function switchTo(key: string): Promise<void> {
    const entry = accounts.value.find((a) => a.key === key);
    if (!entry || entry.active) return;
    await deps.switchSession(entry.scope);
    await load();
  }

  async function signOut(key: string): Promise<void> {
    const session = sessions.find((s) => accountKey(s) === key);
    if (!session) return;
    busy.value = true;
    try {
      notice.value = await deps.signOut(session);
    } finally {
      busy.value = false;
    }
    await load();
  }

  return { accounts, active, notice, busy, load, switchTo, signOut };
}
