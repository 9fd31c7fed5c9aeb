import { useState } from 'preact/hooks';
import { t } from '../../utils/lib';
import { type ExtraGroup, revokeBlock, type TokensModel } from '../../utils/tokens';
import { RevokeDialog } from './RevokeDialog';

export interface ExtraTokensProps {
  groups: readonly ExtraGroup[];
  model: Pick<TokensModel, 'revokeExtras' | 'keepExtras'> & Partial<Pick<TokensModel, 'hold'>>;
}

/**
 * One message per click that made more than one token (issue 18), with one action that revokes
 * the extras after the usual confirmation, and one that keeps them. Nothing goes without a yes.
 */
export function ExtraTokens({ groups, model }: ExtraTokensProps) {
  const [asking, setAsking] = useState<ExtraGroup | null>(null);
  return (
    <>
      {groups.map((group) => (
        <div key={group.of} class="banner warning" role="alert">
          <p>
            {t('extraTokens', group.count, group.name)} {group.unsure ? t('extraTokensUnsure') : ''}
          </p>
          <div class="buttons">
            <button type="button" onClick={() => void model.keepExtras(group)}>
              {t('keepExtras')}
            </button>
            <button type="button" class="danger" onClick={() => setAsking(group)}>
              {group.ids.length === 1 ? t('revokeExtraOne') : t('revokeExtras', group.ids.length)}
            </button>
          </div>
        </div>
      ))}
      {asking ? (
        <RevokeDialog
          name={asking.name}
          blocked={revokeBlock(model.hold?.value ?? null)}
          text={
            asking.ids.length === 1
              ? t('revokeExtraOneText')
              : t('revokeExtrasText', asking.ids.length, asking.count)
          }
          onConfirm={() => model.revokeExtras(asking)}
          onClose={() => setAsking(null)}
        />
      ) : null}
    </>
  );
}
