import { useState } from 'preact/hooks';
import type { TokenRecord } from '../utils/reconcile';
import type { Result } from '../utils/result';
import { rotatedName } from '../utils/rotation';
import type { CreateOutcome } from '../utils/tokens-model';
import { useModalDialog } from './useModalDialog';

interface RotateDialogProps {
  old: TokenRecord;
  /** The replacement already made (a rotation resumed after the page closed), or null. */
  replacement: TokenRecord | null;
  now: number;
  copiedId: string | null;
  /** Creates the replacement through the engine (never twice) and remembers it on the old token. */
  onCreate(name: string): Promise<CreateOutcome>;
  onCopy(id: string): void;
  /** Given in the popup only. */
  onFill?: (id: string) => void;
  /** Revokes the old token through the usual revoke (outbox, retries). */
  onRevokeOld(): Promise<Result<void>>;
  onKeepBoth(): void;
  onClose(): void;
}

/**
 * Rotate (issue 7): make a replacement, put it to use, and revoke the old one only once the
 * person says the new one works. Closing the page between the steps keeps the replacement noted
 * on the old token, so Rotate on it again resumes at the confirmation.
 */
export function RotateDialog(props: RotateDialogProps) {
  const { old, replacement, copiedId } = props;
  const ref = useModalDialog();
  const [name, setName] = useState(() => rotatedName(old.name, props.now));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run<T>(step: () => Promise<T>, done: (value: T) => string | null): Promise<void> {
    setBusy(true);
    const value = await step();
    setBusy(false);
    setError(done(value));
  }

  const create = (event: Event): Promise<void> => {
    event.preventDefault();
    return run(
      () => props.onCreate(name),
      (outcome) =>
        !outcome.ok
          ? outcome.message
          : outcome.token
            ? null
            : 'The replacement was created, but its token has not arrived yet. Use Sync now, then Rotate again.',
    );
  };
  const revokeOld = (): Promise<void> =>
    run(props.onRevokeOld, (result) => {
      if (result.ok) props.onClose();
      return result.ok ? null : result.error.message;
    });

  return (
    <dialog
      ref={ref}
      class="rotate"
      aria-labelledby="rotate-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) props.onClose();
      }}
    >
      <h2 id="rotate-title">
        Rotate “<bdi>{old.name}</bdi>”
      </h2>
      {replacement ? (
        <>
          <p>
            Step 2 of 2. The replacement “<bdi>{replacement.name}</bdi>” is ready. Put it where the old token
            was used, check that it works, then revoke the old token.
          </p>
          <div class="buttons">
            {props.onFill ? (
              <button type="button" onClick={() => props.onFill?.(replacement.id)}>
                Fill new token
              </button>
            ) : null}
            <button type="button" onClick={() => props.onCopy(replacement.id)}>
              {copiedId === replacement.id ? 'Copied new token' : 'Copy new token'}
            </button>
          </div>
        </>
      ) : (
        <form class="field" onSubmit={create}>
          <p>Step 1 of 2. A new token is made first; the old one keeps working until you confirm.</p>
          <label for="rotate-name">Name of the new token</label>
          <input
            id="rotate-name"
            type="text"
            value={name}
            autocomplete="off"
            spellcheck={false}
            onInput={(event) => setName(event.currentTarget.value)}
          />
          <div class="buttons">
            <button type="submit" class="primary" disabled={busy}>
              {busy ? 'Creating…' : 'Create replacement'}
            </button>
          </div>
        </form>
      )}
      {error ? (
        <p class="banner error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="buttons">
        {replacement ? (
          <>
            <button type="button" onClick={props.onKeepBoth} disabled={busy}>
              Keep both
            </button>
            <button type="button" class="danger" onClick={revokeOld} disabled={busy}>
              {busy ? 'Revoking…' : 'The new token works — revoke the old one'}
            </button>
          </>
        ) : (
          <button type="button" onClick={props.onClose} disabled={busy}>
            Cancel
          </button>
        )}
      </div>
    </dialog>
  );
}
