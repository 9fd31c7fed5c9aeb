import { describe, expect, it } from 'vitest';
import config from '../wxt.config';

// The manifest asks for the least that works; any new permission has to be added here on purpose.
describe('wxt.config manifest', () => {
  const manifest = typeof config.manifest === 'object' ? config.manifest : {};

  it('should ask for exactly the allowed permissions', () => {
    expect(manifest.permissions).toEqual(['storage', 'clipboardWrite']);
  });

  it('should hold no host permission up front, only optional web origins asked at sign-in', () => {
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
  });
});
