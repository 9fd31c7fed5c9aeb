import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../assets/app.css';
import { PopupApp } from '../../components/PopupApp';
import { localizeDocument } from '../../utils/i18n';
import { pageTokensDeps } from '../../utils/page-deps';
import { createTokensModel } from '../../utils/tokens-model';

localizeDocument();
const model = createTokensModel(pageTokensDeps());
const openSettings = (): void => {
  void browser.runtime.openOptionsPage();
  window.close();
};
render(
  <PopupApp model={model} onOpenSettings={openSettings} />,
  document.getElementById('app') as HTMLElement,
);
void model.start();
