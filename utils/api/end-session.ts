import { t } from '../lib';

/**
 * `DELETE /auth/session` on its own, for the popup's "Sign out of …" (issue 15): the sign-in
 * routes and their error sentences (sign-in.ts, errors.ts) stay out of the popup's bundle. Null
 * when the session is over, also on 401 (the service no longer knows it); else why not.
 */
export async function endSessionAt(
  baseUrl: string,
  credential: string,
  timeoutMs = 10_000,
): Promise<string | null> {
  const host = new URL(baseUrl).host;
  try {
    const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/auth/session`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${credential}` },
      signal: AbortSignal.timeout(timeoutMs),
      credentials: 'omit',
      cache: 'no-store',
    });
    return response.ok || response.status === 401 ? null : t('errEndSession', host, String(response.status));
  } catch {
    return t('errNetwork', host);
  }
}
