import { batch, type Signal, signal } from '@preact/signals';
import { DEFAULT_SETTINGS, loadSettings, type Settings, saveSettings } from '../settings';
import type { Scope } from '../store';
import { loadShownAccount } from './session';
import { accountLabel } from './sessions';

/** The options page's Sync and Clipboard settings: those of the account the page shows (issue 15). */
export interface SettingsModel {
  values: Signal<Settings>;
  /** Whose they are, in a few words; null while nobody is signed in (the starting values of new accounts). */
  owner: Signal<{ name: string; host: string } | null>;
  /** Reads the shown account's settings again (after a switch, a sign-in or out, an import). */
  load(): Promise<void>;
  /** Shows `next` at once and writes it to the account whose values are shown. */
  change(next: Settings): void;
}

export function createSettingsModel(
  deps = { loadSession: loadShownAccount, loadSettings, saveSettings },
): SettingsModel {
  const values = signal<Settings>(DEFAULT_SETTINGS);
  const owner = signal<{ name: string; host: string } | null>(null);
  // The account whose values are on screen: a change goes there, even if another page just switched.
  let shown: Scope | null = null;
  let loads = 0;

  async function load(): Promise<void> {
    const turn = ++loads;
    const session = await deps.loadSession();
    const scope = session && { service: session.serviceUrl, account: session.account };
    const loaded = await deps.loadSettings(scope);
    // A later load (another switch) already painted: this one's answer is stale.
    if (turn !== loads) return;
    shown = scope;
    batch(() => {
      values.value = loaded;
      owner.value = session ? accountLabel(session) : null;
    });
  }

  function change(next: Settings): void {
    values.value = next;
    void deps.saveSettings(shown, next);
  }

  return { values, owner, load, change };
}
