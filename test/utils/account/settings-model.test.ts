import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageAccountsDeps } from '../../../utils/account/accounts-deps';
import { type Session, saveSession, switchSession } from '../../../utils/account/session';
import { createSettingsModel } from '../../../utils/account/settings-model';
import { loadSettings, saveSettings } from '../../../utils/settings';

const a: Session = { serviceUrl: 'http://svc.test', credential: '', account: 'A', email: 'a@x.y' };
const b: Session = { serviceUrl: 'https://other.example', credential: '', account: 'B', email: 'b@x.y' };
const scopeOf = (s: Session) => ({ service: s.serviceUrl, account: s.account });

describe('the options page settings of the shown account', () => {
  it("should show each account's own values after a switch, and write to the account shown", async () => {
    await saveSession(a);
    await saveSession(b);
    await saveSettings(scopeOf(a), { syncMinutes: 60, clipboardSeconds: 120 });
    const model = createSettingsModel();
    await model.load();
    // B is shown (signed in last) and has none of its own yet: the defaults.
    expect(model.owner.value).toEqual({ name: 'b@x.y', host: 'other.example' });
    expect(model.values.value).toEqual({ syncMinutes: 15, clipboardSeconds: 30 });
    model.change({ syncMinutes: 5, clipboardSeconds: 0 });
    await switchSession(scopeOf(a));
    await model.load();
    expect(model.owner.value).toEqual({ name: 'a@x.y', host: 'svc.test' });
    expect(model.values.value).toEqual({ syncMinutes: 60, clipboardSeconds: 120 });
    model.change({ syncMinutes: 30, clipboardSeconds: 120 });
    await settle();
    expect(await loadSettings(scopeOf(a))).toEqual({ syncMinutes: 30, clipboardSeconds: 120 });
    expect(await loadSettings(scopeOf(b))).toEqual({ syncMinutes: 5, clipboardSeconds: 0 });
  });

  it('should show and write the starting values of new accounts while nobody is signed in', async () => {
    const model = createSettingsModel();
    await model.load();
    expect(model.owner.value).toBeNull();
    model.change({ syncMinutes: 60, clipboardSeconds: 15 });
    await settle();
    expect(await fakeBrowser.storage.local.get('settings.v1')).toEqual({
      'settings.v1': { syncMinutes: 60, clipboardSeconds: 15 },
    });
    await saveSession(a);
    await model.load();
    expect(model.values.value).toEqual({ syncMinutes: 60, clipboardSeconds: 15 });
  });

  it('should forget the settings of an account the person signs out of, and keep the others', async () => {
    await saveSession(a);
    await saveSession(b);
    await saveSettings(scopeOf(a), { syncMinutes: 60, clipboardSeconds: 120 });
    await saveSettings(scopeOf(b), { syncMinutes: 5, clipboardSeconds: 0 });
    // No credential in the clear: nothing is sent to the service, the session is forgotten here.
    await pageAccountsDeps().signOut(a);
    const keys = Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) =>
      k.startsWith('settings'),
    );
    expect(keys).toEqual(['settings.v2:https://other.example B']);
  });
});

/** The model writes without waiting: let storage finish. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
