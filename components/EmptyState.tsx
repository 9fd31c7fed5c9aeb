interface EmptyStateProps {
  searching: boolean;
  onCreateFirst(): void;
}

export function EmptyState({ searching, onCreateFirst }: EmptyStateProps) {
  if (searching) {
    return (
      <div class="empty">
        <strong>No token matches your search.</strong>
        Try another name, or clear the search box.
      </div>
    );
  }
  return (
    <div class="empty">
      <strong>No API tokens yet.</strong>
      <p>Create one for each app or service, so you can revoke one without breaking the others.</p>
      <button type="button" class="primary" onClick={onCreateFirst}>
        Create your first token
      </button>
    </div>
  );
}
