import { signal } from '@preact/signals';
import { render } from 'preact';
import '../../assets/app.css';
import { OptionsApp } from '../../components/OptionsApp';
import { pageConnectionDeps } from '../../utils/connection-deps';
import { createConnectionModel } from '../../utils/connection-model';
import { pageTokensDeps } from '../../utils/page-deps';
import { onSessionChange } from '../../utils/session';
import { DEFAULT_SETTINGS, loadSettings, type Settings, saveSettings } from '../../utils/settings';
import { createTokensModel } from '../../utils/tokens-model';

const connection = createConnectionModel(pageConnectionDeps());
const tokens = createTokensModel(pageTokensDeps());
const settings = signal<Settings>(DEFAULT_SETTINGS);
const onSettings = (next: Settings): void => {
  settings.value = next;
  void saveSettings(next);
};
render(
  <OptionsApp connection={connection} tokens={tokens} settings={settings} onSettings={onSettings} />,
  document.getElementById('app') as HTMLElement,
);
void loadSettings().then((loaded) => {
  settings.value = loaded;
});
void connection.start().then(() => tokens.start());
// Signing in or out here, or a session ended elsewhere (a 401 seen by the popup or the
// background), lands in storage: one listener restarts both sections, once.
onSessionChange(() => void connection.start().then(() => tokens.start()));
