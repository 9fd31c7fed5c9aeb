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

/**
 * True for plain http:// to a host other than this computer: the credential, the sign-in code and
 * every token would cross the network unencrypted (issue 11). Loopback names are fine.
 */
export function isPlainHttpRemote(serviceUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:') return false;
  const host = url.hostname.toLowerCase();
  const loopback =
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127(\.\d{1,3}){3}$/.test(host);
  return !loopback;
}
