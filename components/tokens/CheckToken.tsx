import { useState } from 'preact/hooks';
import { t } from '../../utils/lib';
import type { CheckOutcome } from '../../utils/tokens';

interface CheckTokenProps {
  tokenId: string;
  onCheck(id: string): Promise<CheckOutcome>;
  /** The button's words: "Check token", or "Check new token" in the rotation. */
  label: string;
}

/** A Check token button and, beside it, what the service said: works, revoked, blocked… */
export function CheckToken({ tokenId, onCheck, label }: CheckTokenProps) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);

  async function check(): Promise<void> {
    setBusy(true);
    setOutcome(null);
    setOutcome(await onCheck(tokenId));
    setBusy(false);
  }

  return (
    <p class="row check-token">
      <button type="button" onClick={check} disabled={busy}>
        {busy ? t('checkingToken') : label}
      </button>
      {/* Always in the page, so a screen reader hears each new answer. */}
      <span role="status" class={outcome ? `check-${outcome.tone}` : undefined}>
        {outcome?.message ?? ''}
      </span>
    </p>
  );
}
