import { render } from 'preact';
import '../../assets/app.css';
import { OptionsApp } from '../../components/OptionsApp';
import {
  createAccountModel,
  createAccountsModel,
  createConnectionModel,
  createSettingsModel,
  onSessionChange,
  pageAccountsDeps,
  pageConnectionDeps,
} from '../../utils/account';
import { createBackupModel, pageBackupDeps } from '../../utils/backup';
import { createSitesModel, releaseFrameOrigins, releaseOrigins } from '../../utils/fill';
import { localizeDocument } from '../../utils/lib';
import { createLockModel } from '../../utils/lock';
import { checkClient, lockClient } from '../../utils/messages';
import { pageAccountDeps, pageTokensDeps } from '../../utils/page-deps';
import { saveCopyFormat } from '../../utils/settings';
import { createCheck, createTokensModel } from '../../utils/tokens';

localizeDocument();
const client = lockClient();
const lock = createLockModel(client);
// Signing out of the last account gives back the host permissions asked for frames (issue 11).
const connection = createConnectionModel(pageConnectionDeps(releaseFrameOrigins));
const accounts = createAccountsModel(pageAccountsDeps(releaseFrameOrigins));
// The popup's "Add account…" opens this page at the sign-in form.
connection.adding.value = location.hash === '#add-account';
// This page's Copy as menu writes the shown account's format (issue 15).
const deps = { ...pageTokensDeps(() => void lock.refresh()), saveCopyFormat };
const tokens = createTokensModel(deps);
const sites = createSitesModel({ ...deps, releaseOrigins });
const account = createAccountModel(pageAccountDeps());
const check = createCheck({ checkToken: checkClient(), onLocked: () => void lock.refresh() });
// The shown account's Sync and Clipboard settings (issue 15).
const settings = createSettingsModel();
// An import changes records (repainted on its broadcast), grants and perhaps settings: shown at once.
const backup = createBackupModel(pageBackupDeps(() => void Promise.all([sites.load(), settings.load()])));
render(
  <OptionsApp
    connection={connection}
    accounts={accounts}
    tokens={tokens}
    sites={sites}
    account={account}
    openDetails={new URLSearchParams(location.hash.slice(1)).get('token')}
    settings={settings}
    lock={{ model: lock, unlock: client.unlock }}
    check={check}
    backup={backup}
  />,
  document.getElementById('app') as HTMLElement,
);
const start = (): Promise<void> =>
  connection
    .start()
    .then(() =>
      Promise.all([
        tokens.start(),
        sites.load(),
        account.start(),
        lock.refresh(),
        accounts.load(),
        settings.load(),
      ]),
    )
    .then(() => {});
void start();
// Fills happen in the popup while this page may be open: a return to the page shows them.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void sites.load();
});
// Signing in or out here, or a session ended elsewhere (a 401 seen by the popup or the
// background), lands in storage: one listener restarts both sections, once.
onSessionChange(() => void start());
