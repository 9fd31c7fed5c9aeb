import type { Signal } from '@preact/signals';
import type { ConnectionModel } from '../utils/connection-model';
import type { Settings } from '../utils/settings';
import type { TokensModel } from '../utils/tokens-model';
import { ConnectionSection } from './ConnectionSection';
import { SyncSettings } from './SyncSettings';
import { TokensPanel } from './TokensPanel';

interface OptionsAppProps {
  connection: ConnectionModel;
  tokens: TokensModel;
  settings: Signal<Settings>;
  onSettings(settings: Settings): void;
}

export function OptionsApp({ connection, tokens, settings, onSettings }: OptionsAppProps) {
  return (
    <main class="options">
      <h1>Web3.Storage API tokens</h1>
      <ConnectionSection model={connection} />
      {tokens.state.value === 'ready' ? (
        <section class="card" aria-labelledby="tokens-title">
          <h2 id="tokens-title">API tokens</h2>
          <TokensPanel model={tokens} layout="options" />
        </section>
      ) : null}
      <SyncSettings
        minutes={settings.value.syncMinutes}
        onChange={(syncMinutes) => onSettings({ ...settings.value, syncMinutes })}
      />
    </main>
  );
}
