import { useState } from 'preact/hooks';
import type { AccountModel, AccountsModel, ConnectionModel, SettingsModel } from '../utils/account';
import type { BackupModel } from '../utils/backup';
import type { SitesModel } from '../utils/fill';
import { t } from '../utils/lib';
import type { LockModel } from '../utils/lock';
import type { LockClient } from '../utils/messages';
import type { CheckOutcome, TokensModel } from '../utils/tokens';
import { AccountSection } from './account/AccountSection';
import { ConnectionSection } from './account/ConnectionSection';
import { GrantsSection } from './fill/GrantsSection';
import { LockSettings } from './lock/LockSettings';
import { BackupSection } from './settings/BackupSection';
import { ClipboardSettings } from './settings/ClipboardSettings';
import { SyncSettings } from './settings/SyncSettings';
import { CopyFormatMenu } from './tokens/CopyFormatMenu';
import { RotateFlow } from './tokens/RotateFlow';
import { TokensPanel } from './tokens/TokensPanel';
import { TokenTable } from './tokens/TokenTable';

interface OptionsAppProps {
  connection: ConnectionModel;
  /** Every signed-in account (issue 15). */
  accounts?: AccountsModel;
  tokens: TokensModel;
  sites: SitesModel;
  account: AccountModel;
  /** The shown account's Sync and Clipboard settings (issue 15). */
  settings: SettingsModel;
  /** A token whose details open at once (the popup's Details button, `#token=<id>`). */
  openDetails?: string | null;
  lock?: { model: LockModel; unlock: LockClient['unlock'] };
  /** Check token (issue 13), in a token's details and the rotation. */
  check?: (id: string) => Promise<CheckOutcome>;
  /** Export and import of this device's own data (issue 15). */
  backup?: BackupModel;
}

export function OptionsApp(props: OptionsAppProps) {
  const { connection, accounts, tokens, sites, account, settings, openDetails, lock, check, backup } = props;
  const [rotating, setRotating] = useState<string | null>(null);
  return (
    <main class="options">
      <h1>{t('pageTitle')}</h1>
      {tokens.state.value === 'signed-out' && tokens.error.value?.status === 401 ? (
        // The service ended the session (issue 18): the sign-in form below is the next step.
        <p class="banner warning" role="status">
          {t('errSignedOut')}
        </p>
      ) : null}
      <ConnectionSection model={connection} accounts={accounts} />
      {tokens.state.value === 'ready' ? (
        <AccountSection
          status={account.status.value}
          restriction={account.restriction.value}
          error={account.error.value}
          now={Date.now()}
        />
      ) : null}
      {tokens.state.value === 'ready' ? (
        <section class="card" aria-labelledby="tokens-title">
          <h2 id="tokens-title">{t('apiTokens')}</h2>
          <TokensPanel
            model={tokens}
            layout="options"
            Rows={TokenTable}
            tools={<CopyFormatMenu format={tokens.copyFormat.value} onChange={tokens.setCopyFormat} />}
            usage={sites.usage.value}
            account={account}
            onRotate={setRotating}
            openDetails={openDetails}
            onCheck={check}
          />
          <RotateFlow
            model={tokens}
            rotatingId={rotating}
            onClose={() => setRotating(null)}
            onCheck={check}
          />
        </section>
      ) : null}
      {tokens.state.value === 'ready' ? (
        <GrantsSection
          grants={sites.grants.value}
          names={new Map(tokens.tokens.value.map((t) => [t.id, t.name]))}
          onRemove={(grant) => void sites.remove(grant)}
          onDefault={(origin, tokenId) => sites.setDefault(origin, tokenId)}
        />
      ) : null}
      {lock ? <LockSettings model={lock.model} unlock={lock.unlock} /> : null}
      <SyncSettings
        minutes={settings.values.value.syncMinutes}
        owner={settings.owner.value}
        onChange={(syncMinutes) => settings.change({ ...settings.values.value, syncMinutes })}
      />
      <ClipboardSettings
        seconds={settings.values.value.clipboardSeconds}
        owner={settings.owner.value}
        onChange={(clipboardSeconds) => settings.change({ ...settings.values.value, clipboardSeconds })}
      />
      {backup ? <BackupSection model={backup} /> : null}
    </main>
  );
}
