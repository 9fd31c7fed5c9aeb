import { browser } from 'wxt/browser';
import { originPattern } from '../api';

/**
 * Asks for the service's origin as an optional host permission (it must run in a user gesture).
 * Already granted resolves at once without a prompt. `request` is the first call, with nothing
 * awaited before it: Firefox refuses it once an await has left the click's handler.
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/permissions/request
 */
export function requestServiceAccess(serviceUrl: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(serviceUrl)] });
}
