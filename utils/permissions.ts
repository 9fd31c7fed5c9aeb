import { browser } from 'wxt/browser';
import { originPattern } from './service-url';

/**
 * Asks for the service's origin as an optional host permission (it must run in a user gesture).
 * Already granted resolves at once without a prompt.
 */
export async function requestServiceAccess(serviceUrl: string): Promise<boolean> {
  const origins = [originPattern(serviceUrl)];
  if (await browser.permissions.contains({ origins })) return true;
  return browser.permissions.request({ origins });
}
