import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../assets/app.css';
import { PopupApp } from '../../components/PopupApp';
import { createAccountModel } from '../../utils/account-model';
import { localizeDocument } from '../../utils/i18n';
import { pageAccountDeps, pageTokensDeps } from '../../utils/page-deps';
import { createTokensModel } from '../../utils/tokens-model';

localizeDocument();
const model = createTokensModel(pageTokensDeps());
const account = createAccountModel(pageAccountDeps());
const openSettings = (): void => {
  void browser.runtime.openOptionsPage();
  window.close();
};
const openDetails = (id: string): void => {
  void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#token=${encodeURIComponent(id)}`) });
  window.close();
};
render(
  <PopupApp model={model} account={account} onOpenSettings={openSettings} onOpenDetails={openDetails} />,
  document.getElementById('app') as HTMLElement,
);
void model.start();
void account.start();
