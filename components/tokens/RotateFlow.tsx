import { type CheckOutcome, type TokensModel, writeBlock } from '../../utils/tokens';
import { RotateDialog } from './RotateDialog';

interface RotateFlowProps {
  model: TokensModel;
  /** The token being rotated, or null. */
  rotatingId: string | null;
  onClose(): void;
  onCheck?: (id: string) => Promise<CheckOutcome>;
}

/** The Rotate dialog wired to the tokens model (options page). */
export function RotateFlow({ model, rotatingId, onClose, onCheck }: RotateFlowProps) {
  const tokens = model.tokens.value;
  const old = tokens.find((t) => t.id === rotatingId && t.state === 'active');
  if (!old) return null;
  const replacement = tokens.find((t) => t.id === old.rotatedTo && t.state === 'active') ?? null;
  return (
    <RotateDialog
      old={old}
      replacement={replacement}
      now={Date.now()}
      copiedId={model.copiedId.value}
      blocked={writeBlock(model.hold.value, Date.now())}
      onCreate={async (name) => {
        const outcome = await model.create(name);
        // Noted on the old token, so Rotate resumes at the confirmation after the page closes.
        if (outcome.ok && outcome.token) await model.annotate(old.id, { rotatedTo: outcome.token.id });
        return outcome;
      }}
      onCopy={(id) => void model.copy(id)}
      onCheck={onCheck}
      onRevokeOld={() => model.revoke(old.id)}
      onKeepBoth={() => {
        void model.annotate(old.id, { rotatedTo: null });
        onClose();
      }}
      onClose={onClose}
    />
  );
}
