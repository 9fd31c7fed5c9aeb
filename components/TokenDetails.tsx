import { useId, useState } from 'preact/hooks';
import { absoluteTime, relativeTime } from '../utils/format';
import type { TokenRecord } from '../utils/reconcile';
import { hostOf, type TokenUsage } from '../utils/usage';

interface TokenDetailsProps {
  token: TokenRecord;
  now: number;
  /** Where the token was filled (options page); the popup knows the time only. */
  usage?: TokenUsage;
  onSaveNote(note: string): Promise<void>;
  /** Absent where rotating is not offered. */
  onRotate?: () => void;
}

function when(ms: number | null | undefined, now: number): string {
  return ms == null ? 'Never' : `${relativeTime(ms, now)} (${absoluteTime(ms)})`;
}

/** Everything this device and the service know of one token, a note, and the way to rotate it. */
export function TokenDetails({ token, now, usage, onSaveNote, onRotate }: TokenDetailsProps) {
  const id = useId();
  const [note, setNote] = useState(token.note ?? '');
  const [saved, setSaved] = useState(false);
  const lastFill = usage?.lastFill;
  const filled = lastFill
    ? `${when(lastFill.at, now)} on ${hostOf(lastFill.origin)}`
    : when(token.lastFilledAt, now);

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    await onSaveNote(note.trim());
    setSaved(true);
  }

  return (
    <div class="token-details">
      <dl>
        <dt>Created</dt>
        <dd>
          <time dateTime={token.created}>{when(token.createdMs, now)}</time>
        </dd>
        <dt>Used for uploads</dt>
        <dd>{token.hasUploads ? 'Yes' : 'No uploads yet'}</dd>
        <dt>Last copied here</dt>
        <dd>{when(token.lastCopiedAt, now)}</dd>
        <dt>Last filled here</dt>
        <dd>{filled}</dd>
      </dl>
      <form class="field" onSubmit={save}>
        <label for={id}>Note (kept on this device only)</label>
        <textarea
          id={id}
          rows={2}
          maxLength={500}
          value={note}
          onInput={(event) => {
            setNote(event.currentTarget.value);
            setSaved(false);
          }}
        />
        <div class="row">
          <button type="submit">Save note</button>
          <span class="muted small" aria-live="polite">
            {saved ? 'Note saved.' : ''}
          </span>
        </div>
      </form>
      {token.state === 'active' && onRotate ? (
        <p class="row">
          <span class="grow muted small">
            {token.rotatedTo
              ? 'A replacement was made: confirm it works to revoke this token.'
              : 'Rotate: make a replacement, try it, then revoke this one.'}
          </span>
          <button type="button" onClick={onRotate}>
            {token.rotatedTo ? 'Continue rotation' : 'Rotate…'}
          </button>
        </p>
      ) : null}
    </div>
  );
}
