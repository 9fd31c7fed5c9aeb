import { t } from '../../utils/lib';

/** Whose settings a card shows (issue 15): an account's, or, signed out, the starting values of new ones. */
export type Owner = { name: string; host: string } | null;

/** One muted line under a settings card's heading; nothing when the page does not say (`undefined`). */
export function SettingsOwner({ owner }: { owner: Owner | undefined }) {
  if (owner === undefined) return null;
  return (
    <p class="muted small settings-owner">
      {owner ? t('settingsForAccount', owner.name, owner.host) : t('settingsForNewAccounts')}
    </p>
  );
}
