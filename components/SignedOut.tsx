interface SignedOutProps {
  onOpenSettings(): void;
}

export function SignedOut({ onOpenSettings }: SignedOutProps) {
  return (
    <div class="empty">
      <strong>You’re not signed in.</strong>
      <p>
        Connect to your token service and sign in from the settings page. Tokens saved on this device stay
        here.
      </p>
      <button type="button" class="primary" onClick={onOpenSettings}>
        Open settings
      </button>
    </div>
  );
}
