import { randomUUID } from 'node:crypto';
import { expect, screenshot, test } from './fixtures';
import { createElsewhere, serviceTokens } from './people';

// Chromium started in German shows the extension in German (public/_locales/de), the whole way
// a person goes: the options page to sign in, then the popup with its list.
test.describe('a German browser', () => {
  test.use({ grantedOrigins: ['http://127.0.0.1/*'], language: 'de' });

  test('should show the options page and the popup in German', async ({
    service,
    openOptions,
    openPopup,
  }) => {
    const credential = await service.createAccount(`e2e-${randomUUID()}@example.org`);
    await createElsewhere(service.url, credential, 'Buchhaltung');
    await createElsewhere(service.url, credential, 'Über-Backup');

    const options = await openOptions();
    await expect(options).toHaveTitle('Web3.Storage-API-Token');
    await expect(options.locator('html')).toHaveAttribute('lang', /^de/);
    await options.getByLabel('Adresse des Dienstes').fill(service.url);
    await options.getByRole('button', { name: 'Verbindung testen' }).click();
    await expect(
      options.getByText(
        /Verbunden mit Version .*: Token können aufgelistet, erstellt und widerrufen werden\./,
      ),
    ).toBeVisible();
    await options.getByText('Stattdessen Sitzungs-Zugangsdaten verwenden').click();
    await options.getByLabel('Sitzungs-Zugangsdaten').fill(credential);
    await options.getByRole('button', { name: 'Anmelden' }).click();
    await expect(options.getByRole('columnheader', { name: 'Zuletzt kopiert' })).toBeVisible();

    const popup = await openPopup();
    await expect(popup.getByRole('heading', { name: 'API-Token' })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Token erstellen' })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Buchhaltung kopieren' })).toBeVisible();
    await popup.getByRole('button', { name: 'Weitere Aktionen für Über-Backup' }).click();
    await expect(popup.getByRole('menuitem', { name: 'Widerrufen …' })).toBeVisible();
    await popup.keyboard.press('Escape');
    await expect(popup.getByText(/Zuletzt synchronisiert: /)).toBeVisible();

    await popup.getByRole('button', { name: 'Buchhaltung kopieren' }).click();
    await expect(popup.getByRole('status')).toHaveText('„Buchhaltung“ in die Zwischenablage kopiert.');
    await expect(popup.getByRole('button', { name: 'Buchhaltung kopiert' })).toBeVisible();
    const secrets = (await serviceTokens(service.url, credential)).map((t) => t.secret);
    await screenshot(popup, 'popup-de', { secrets: [...secrets, credential] });
  });
});
