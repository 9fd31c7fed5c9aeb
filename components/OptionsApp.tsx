import type { Signal } from '@preact/signals';
import type { ConnectionModel } from '../utils/connection-model';
import { t } from '../utils/i18n';
import type { LockModel } from '../utils/lock-model';
import type { LockClient } from '../utils/messages';
import type { Settings } from '../utils/settings';
import type { SitesModel } from '../utils/sites-model';
import type { TokensModel } from '../utils/tokens-model';
import { ConnectionSection } from './ConnectionSection';
import { GrantsSection } from './GrantsSection';
import { LockSettings } from './LockSettings';
import { SyncSettings } from './SyncSettings';
import { TokensPanel } from './TokensPanel';

interface OptionsAppProps {
  connection: ConnectionModel;
  tokens: TokensModel;
  sites: SitesModel;
  settings: Signal<Settings>;
  onSettings(settings: Settings): void;
  lock?: { model: LockModel; unlock: LockClient['unlock'] };
}

export function OptionsApp({ connection, tokens, sites, settings, onSettings, lock }: OptionsAppProps) {
  return (
    <main class="options">
      <h1>{t('pageTitle')}</h1>
      <ConnectionSection model={connection} />
      {tokens.state.value === 'ready' ? (
        <section class="card" aria-labelledby="tokens-title">
          <h2 id="tokens-title">{t('apiTokens')}</h2>
          <TokensPanel model={tokens} layout="options" usage={sites.usage.value} />
        </section>
      ) : null}
      {tokens.state.value === 'ready' ? (
        <GrantsSection
          grants={sites.grants.value}
          names={new Map(tokens.tokens.value.map((t) => [t.id, t.name]))}
          onRemove={(grant) => void sites.remove(grant)}
          onDefault={(origin, tokenId) => void sites.setDefault(origin, tokenId)}
        />
      ) : null}
      {lock ? <LockSettings model={lock.model} unlock={lock.unlock} /> : null}
      <SyncSettings
        minutes={settings.value.syncMinutes}
        onChange={(syncMinutes) => onSettings({ ...settings.value, syncMinutes })}
      />
    </main>
  );
}
