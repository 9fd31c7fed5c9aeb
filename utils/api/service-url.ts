import { fail, ok, type Result, t } from '../lib';

export const DEFAULT_SERVICE_URL = 'http://127.0.0.1:8787';

/** A service URL as typed by a person: trimmed, http(s) only, no query or hash, no trailing slash. */
export function normalizeServiceUrl(input: string): Result<string> {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return fail('invalid-url', t('errUrlEmpty'));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail('invalid-url', t('errUrlScheme'));
  }
  if (url.username || url.password) {
    return fail('invalid-url', t('errUrlCredentials'));
  }
  return ok(`${url.origin}${url.pathname.replace(/\/+$/, '')}`);
}

/** The match pattern asked for as an optional host permission, e.g. http://127.0.0.1/* (ports are not part of patterns). */
export function originPattern(serviceUrl: string): string {
  const url = new URL(serviceUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
