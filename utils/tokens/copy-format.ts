/** How Copy puts a token on the clipboard (issue 7): bare, as an env line, or as an HTTP header. */
export type CopyFormat = 'raw' | 'env' | 'header';

export function isCopyFormat(value: unknown): value is CopyFormat {
  return value === 'raw' || value === 'env' || value === 'header';
}

/** The text Copy writes. No trailing newline: pasted into a shell, it must not run anything. */
export function formatForCopy(secret: string, format: CopyFormat): string {
  if (format === 'env') return `WEB3_STORAGE_TOKEN=${secret}`;
  if (format === 'header') return `Authorization: Bearer ${secret}`;
  return secret;
}
