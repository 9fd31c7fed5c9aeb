import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localizeDocument, t, tAround, uiLanguage } from '../../../utils/lib/i18n';

describe('i18n', () => {
  it.each([
    { key: 'copy', substitutions: [], text: 'Copy' },
    { key: 'copiedNotice', substitutions: ['CI'], text: 'Copied “CI” to the clipboard.' },
    { key: 'characterCount', substitutions: [190, 200], text: '190 of 200 characters' },
    {
      key: 'errServer',
      substitutions: [502],
      text: 'The token service had a problem (error 502). Please try again later.',
    },
  ] as const)('should give $key with its substitutions in place', ({ key, substitutions, text }) => {
    expect(t(key, ...substitutions)).toBe(text);
  });

  // Issue 14: the popup's first render asks three messages per row, each with the token's name.
  it('should ask the browser for each message once, whatever is put in it', () => {
    const asked = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    try {
      expect(t('fillLabel', 'CI')).toBe('Fill CI');
      expect(t('fillLabel', 'deploy')).toBe('Fill deploy');
      expect(asked.mock.calls.filter(([key]) => key === 'fillLabel')).toHaveLength(1);
    } finally {
      asked.mockRestore();
    }
  });

  it('should put a substitution in as it is, marks, dollars and all', () => {
    expect(t('characterCount', '\u00021\u0002', 7)).toBe('\u00021\u0002 of 7 characters');
    expect(t('copiedNotice', '$1 $$ $&')).toBe('Copied “$1 $$ $&” to the clipboard.');
  });

  it('should split a message around its first placeholder for markup', () => {
    expect(tAround('fillTitle', 'example.com')).toEqual(['Fill “', '” into example.com?']);
    expect(tAround('revokeTitle')).toEqual(['Revoke “', '”?']);
  });

  it('should put the page title and lang in the UI language', () => {
    fakeBrowser.i18n.getUILanguage = () => 'de';
    try {
      localizeDocument();
      expect(document.documentElement.lang).toBe('de');
      expect(document.title).toBe('Web3.Storage API tokens');
      expect(uiLanguage()).toBe('de');
    } finally {
      fakeBrowser.i18n.getUILanguage = () => 'en';
    }
  });
});
