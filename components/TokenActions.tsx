interface TokenActionsProps {
  name: string;
  copied: boolean;
  onCopy(): void;
  onRevoke(): void;
}

/** Copy and Revoke for one token; names include the token's so a screen reader can tell rows apart. */
export function TokenActions({ name, copied, onCopy, onRevoke }: TokenActionsProps) {
  return (
    <div class="actions">
      <button type="button" aria-label={copied ? `Copied ${name}` : `Copy ${name}`} onClick={onCopy}>
        {copied ? 'Copied' : 'Copy'}
      </button>
      <button type="button" class="quiet danger-text" aria-label={`Revoke ${name}`} onClick={onRevoke}>
        Revoke
      </button>
    </div>
  );
}
