import { describe, expect, it, vi } from 'vitest';
import { BACKUP_FORMAT, MAX_BACKUP_BYTES } from '../../../utils/backup/format';
import { type BackupDeps, createBackupModel } from '../../../utils/backup/model';
import type { AccountSettings } from '../../../utils/settings';
import {
  addGrant,
  annotateToken,
  applyList,
  listTokens,
  markCopied,
  recordFill,
  requestRevoke,
  setReviewBy,
  setSiteDefault,
} from '../../../utils/store/db';
import { readDeviceData } from '../../../utils/store/device-data';
import { openTokenDb } from '../../../utils/store/open';
import type { Scope } from '../../../utils/store/records';

const NOW = Date.UTC(2026, 11, 5, 12);
const DAY = 24 * 3600_000;
const work: Scope = { service: 'http://127.0.0.1:8787', account: '42' };
const home: Scope = { service: 'https://tokens.example.org', account: 'home' };
const SITE = 'https://app.example.com';
const secretOf = (id: string): string => `eyJhbGciOi.SECRET-${id}-payload.signature`;
const api = (id: string) => ({
  id,
  name: `token ${id}`,
  secret: secretOf(id),
  created: '2026-11-01T00:00:00.000+00:00',
  hasUploads: id === '2',
});

const DEFAULTS: AccountSettings = { syncMinutes: 15, clipboardSeconds: 30, copyFormat: 'raw' };
const keyOf = (scope: Scope): string => `${scope.service} ${scope.account}`;

/** A device: who is signed in, each account's own settings, and device-wide ones of an earlier version. */
interface Device {
  name: string;
  deps: BackupDeps;
  accounts: Scope[];
  settings: Map<string, AccountSettings>;
  /** Settings an earlier version saved for the whole device: every account's without its own. */
  deviceWide: AccountSettings | null;
  announce: ReturnType<typeof vi.fn>;
}

let counter = 0;
function device(own = false, accounts: Scope[] = [work, home]): Device {
  const name = `backup-${counter++}`;
  const announce = vi.fn();
  const d: Device = {
    name,
    accounts,
    settings: new Map(),
    deviceWide: own ? DEFAULTS : null,
    announce,
    deps: {
      openDb: () => openTokenDb(name),
      listAccounts: async () => d.accounts,
      loadSettings: async (scopes) =>
        scopes.map((scope) => d.settings.get(keyOf(scope)) ?? d.deviceWide ?? DEFAULTS),
      saveSettings: async (scope, next) => {
        d.settings.set(keyOf(scope), next);
      },
      hasOwnSettings: async (scope) => d.settings.has(keyOf(scope)) || d.deviceWide !== null,
      announce,
      now: () => NOW,
    },
  };
  return d;
}

const settingsOf = (d: Device, scope: Scope): AccountSettings =>
  d.settings.get(keyOf(scope)) ?? d.deviceWide ?? DEFAULTS;

async function withDb<T>(
  d: Device,
  use: (db: Awaited<ReturnType<typeof openTokenDb>>) => Promise<T>,
): Promise<T> {
  const db = await openTokenDb(d.name);
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

/** A device in daily use: two accounts, notes, a review date, grants, a default, usage, a revoke. */
async function seedUsed(d: Device): Promise<void> {
  await withDb(d, async (db) => {
    await applyList(db, work, ['1', '2', '3'].map(api), NOW - 10 * DAY);
    await applyList(db, home, [api('9')], NOW - 10 * DAY);
    await annotateToken(db, work, '1', { note: 'CI deploys' });
    await annotateToken(db, home, '9', { note: 'photos' });
    await setReviewBy(db, work, '2', NOW + 30 * DAY);
    await addGrant(db, { ...work, tokenId: '1', origin: SITE, grantedAt: NOW - 5 * DAY });
    await addGrant(db, { ...work, tokenId: '2', origin: SITE, grantedAt: NOW - 4 * DAY });
    await setSiteDefault(db, work, SITE, '2');
    await markCopied(db, work, '1', NOW - 3 * DAY);
    await recordFill(db, { ...work, tokenId: '2', origin: SITE, at: NOW - 2 * DAY });
    // Token 3 revoked on this device: revoked history.
    await applyList(db, work, ['1', '2'].map(api), NOW - DAY);
  });
  d.settings.set(keyOf(work), { syncMinutes: 60, clipboardSeconds: 120, copyFormat: 'env' });
  d.settings.set(keyOf(home), { syncMinutes: 5, clipboardSeconds: 0, copyFormat: 'header' });
}

const file = (text: string) => ({ size: new TextEncoder().encode(text).length, text: async () => text });
const snapshot = (d: Device) => withDb(d, readDeviceData);

describe('createBackupModel', () => {
  it('should never put a secret, an envelope or a waiting revoke in the file', async () => {
    const a = device();
    await seedUsed(a);
    await withDb(a, (db) => requestRevoke(db, work, '1', NOW));
    const { text, name } = await createBackupModel(a.deps).exportFile();
    expect(name).toBe('w3s-tokens-2026-12-05.json');
    for (const id of ['1', '2', '3', '9']) expect(text).not.toContain(`SECRET-${id}`);
    expect(text).not.toMatch(/"(secret|sealed|pendingRevoke|credential)"/);
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({ format: BACKUP_FORMAT, version: 2 });
    expect(parsed.settings).toBeUndefined();
    expect(parsed.accountSettings).toEqual([
      { ...work, syncMinutes: 60, clipboardSeconds: 120, copyFormat: 'env' },
      { ...home, syncMinutes: 5, clipboardSeconds: 0, copyFormat: 'header' },
    ]);
    expect(parsed.tokens.map((t: { id: string; state: string }) => `${t.id}:${t.state}`).sort()).toEqual([
      '1:active',
      '2:active',
      '3:revoked',
      '9:active',
    ]);
  });

  it('should bring everything back into a fresh profile that knows the same tokens', async () => {
    const a = device();
    await seedUsed(a);
    const { text } = await createBackupModel(a.deps).exportFile();
    const b = device();
    await withDb(b, async (db) => {
      await applyList(db, work, ['1', '2'].map(api), NOW);
      await applyList(db, home, [api('9')], NOW);
    });
    const model = createBackupModel(b.deps);
    await model.importFile(file(text));
    expect(model.message.value).toEqual({
      text: 'Imported notes for 2 tokens, a review date for 1 token, 2 site grants, 2 usage entries, 1 revoked token, the settings.',
      error: false,
    });
    const [before, after] = [await snapshot(a), await snapshot(b)];
    const local = (r: (typeof before.tokens)[number]) => [
      r.service,
      r.id,
      r.note,
      r.reviewBy,
      r.state,
      r.lastCopiedAt,
    ];
    expect(after.tokens.map(local).sort()).toEqual(before.tokens.map(local).sort());
    expect(after.grants).toEqual(before.grants);
    expect(after.usage).toEqual(before.usage);
    // Each account's own settings, not one account's for both.
    expect(settingsOf(b, work)).toEqual({ syncMinutes: 60, clipboardSeconds: 120, copyFormat: 'env' });
    expect(settingsOf(b, home)).toEqual({ syncMinutes: 5, clipboardSeconds: 0, copyFormat: 'header' });
    // Secrets stay those of this profile's own sync (the export and the merge never read them);
    // the revoked one has none.
    const kept = await withDb(b, (db) => listTokens(db, work));
    expect(kept.find((t) => t.id === '1')?.secret).toBe(secretOf('1'));
    expect(after.tokens.every((t) => t.secret === '')).toBe(true);
    expect(kept.find((t) => t.id === '3')?.secret ?? '').toBe('');
    expect(b.announce).toHaveBeenCalledWith(expect.arrayContaining([work, home]));

    // Importing the same file again adds nothing.
    await model.importFile(file(text));
    expect(model.message.value?.text).toBe('Nothing new: this device already has everything in the file.');
    expect(await snapshot(b)).toEqual(after);
  });

  it('should keep what is here and skip tokens this device does not know', async () => {
    const a = device();
    await seedUsed(a);
    const { text } = await createBackupModel(a.deps).exportFile();
    const b = device(true);
    await withDb(b, async (db) => {
      await applyList(db, work, ['1', '2'].map(api), NOW);
      await annotateToken(db, work, '1', { note: 'kept here' });
      await setReviewBy(db, work, '2', NOW + 90 * DAY);
      await addGrant(db, { ...work, tokenId: '1', origin: SITE, grantedAt: NOW, siteDefault: true });
      await markCopied(db, work, '1', NOW - 3 * DAY); // the very copy the file also has
    });
    const model = createBackupModel(b.deps);
    await model.importFile(file(text));
    expect(model.message.value?.text).toBe(
      "Imported 1 site grant, 1 usage entry, 1 revoked token; skipped 1 token this device doesn't know.",
    );
    const after = await snapshot(b);
    const byId = new Map(after.tokens.map((t) => [t.id, t]));
    expect(byId.get('1')?.note).toBe('kept here');
    expect(byId.get('2')?.reviewBy).toBe(NOW + 90 * DAY);
    expect(byId.has('9')).toBe(false);
    // One default per site: the one chosen here stays the default.
    expect(after.grants.filter((g) => g.siteDefault).map((g) => g.tokenId)).toEqual(['1']);
    expect(after.grants).toHaveLength(2);
    // The shared copy is not doubled; the file's fill is added.
    expect(after.usage.map((u) => u.kind).sort()).toEqual(['copy', 'fill']);
    // This device's own settings stay, for both accounts.
    expect(b.settings.size).toBe(0);
    expect(settingsOf(b, work)).toEqual(DEFAULTS);
    expect(settingsOf(b, home)).toEqual(DEFAULTS);
  });

  const valid = JSON.stringify({
    format: BACKUP_FORMAT,
    version: 1,
    exportedAt: '2026-12-05T12:00:00.000Z',
    tokens: [],
    grants: [],
    usage: [],
    settings: { syncMinutes: 15, clipboardSeconds: 30, copyFormat: 'raw' },
  });
  const edit = (change: (o: Record<string, unknown>) => void): string => {
    const o = JSON.parse(valid);
    change(o);
    return JSON.stringify(o);
  };
  const token = {
    service: work.service,
    account: work.account,
    id: '1',
    name: 'token 1',
    created: '2026-11-01T00:00:00.000+00:00',
    createdMs: 1,
    hasUploads: false,
    state: 'active',
    note: 'from the file',
    lastCopiedAt: null,
    lastFilledAt: null,
    firstSeenAt: 1,
    revokedAt: null,
    revokedHere: false,
  };

  it.each([
    ['not JSON', 'hello, world', 'This file is not a backup: it is not JSON. Nothing was changed.'],
    ['empty', '', 'This file is not a backup: it is not JSON. Nothing was changed.'],
    [
      'a JSON array',
      '[]',
      'This file is JSON, but not a backup of Web3.Storage Tokens. Nothing was changed.',
    ],
    [
      'another format',
      edit((o) => (o.format = 'bitwarden')),
      'This file is JSON, but not a backup of Web3.Storage Tokens. Nothing was changed.',
    ],
    [
      'a newer version',
      edit((o) => (o.version = 3)),
      'This backup was made by a newer version of the extension (format version 3). Update the extension to import it. Nothing was changed.',
    ],
    [
      'a version that is not a number',
      edit((o) => (o.version = '1')),
      'This backup is damaged: version does not hold what a backup holds there. Nothing was changed.',
    ],
    [
      'tokens that are not a list',
      edit((o) => (o.tokens = {})),
      'This backup is damaged: tokens does not hold what a backup holds there. Nothing was changed.',
    ],
    [
      'a note that is not text',
      edit((o) => (o.tokens = [token, { ...token, id: '2', note: 5 }])),
      'This backup is damaged: tokens[1].note does not hold what a backup holds there. Nothing was changed.',
    ],
    [
      'a grant to something not a web origin',
      edit((o) => (o.grants = [{ ...work, tokenId: '1', origin: 'javascript:alert(1)', grantedAt: 1 }])),
      'This backup is damaged: grants[0].origin does not hold what a backup holds there. Nothing was changed.',
    ],
    [
      'a usage entry of an unknown kind',
      edit((o) => (o.usage = [{ ...work, tokenId: '1', kind: 'paste', origin: null, at: 1 }])),
      'This backup is damaged: usage[0].kind does not hold what a backup holds there. Nothing was changed.',
    ],
    [
      'a setting out of its choices',
      edit((o) => (o.settings = { syncMinutes: 1, clipboardSeconds: 30, copyFormat: 'raw' })),
      'This backup is damaged: settings.syncMinutes does not hold what a backup holds there. Nothing was changed.',
    ],
    [
      'a version-1 file without settings',
      edit((o) => delete o.settings),
      'This backup is damaged: settings does not hold what a backup holds there. Nothing was changed.',
    ],
    [
      'a version-2 file without settings per account',
      edit((o) => (o.version = 2)),
      'This backup is damaged: accountSettings does not hold what a backup holds there. Nothing was changed.',
    ],
    [
      "an account's setting out of its choices",
      edit((o) => {
        o.version = 2;
        o.accountSettings = [{ ...work, syncMinutes: 15, clipboardSeconds: 7, copyFormat: 'raw' }];
      }),
      'This backup is damaged: accountSettings[0].clipboardSeconds does not hold what a backup holds there. Nothing was changed.',
    ],
    [
      'settings of an account that is not a web origin',
      edit((o) => {
        o.version = 2;
        o.accountSettings = [{ service: 'file:///x', account: '1', ...DEFAULTS }];
      }),
      'This backup is damaged: accountSettings[0].service does not hold what a backup holds there. Nothing was changed.',
    ],
    [
      'one account named twice',
      edit((o) => {
        o.version = 2;
        o.accountSettings = [
          { ...work, ...DEFAULTS },
          { ...work, ...DEFAULTS, syncMinutes: 60 },
        ];
      }),
      'This backup is damaged: accountSettings[1].account does not hold what a backup holds there. Nothing was changed.',
    ],
  ])('should refuse %s with one sentence and change nothing', async (_kind, text, sentence) => {
    const d = device(true);
    await seedUsed(d);
    const before = await snapshot(d);
    const settings = structuredClone([...d.settings]);
    // Some cases hold a valid token before the wrong place: nothing of a refused file is imported.
    const model = createBackupModel(d.deps);
    await model.importFile(file(text));
    expect(model.message.value).toEqual({ text: sentence, error: true });
    expect(await snapshot(d)).toEqual(before);
    expect([...d.settings]).toEqual(settings);
    expect(d.announce).not.toHaveBeenCalled();
  });

  it("should give a version-1 file's settings to each account here without its own, and keep the others'", async () => {
    const d = device(false, [work, home, { service: SITE, account: 'third' }]);
    d.settings.set(keyOf(home), { syncMinutes: 60, clipboardSeconds: 0, copyFormat: 'raw' });
    const model = createBackupModel(d.deps);
    await model.importFile(
      file(edit((o) => (o.settings = { syncMinutes: 5, clipboardSeconds: 120, copyFormat: 'env' }))),
    );
    expect(model.message.value).toEqual({ text: 'Imported the settings.', error: false });
    expect(settingsOf(d, work)).toEqual({ syncMinutes: 5, clipboardSeconds: 120, copyFormat: 'env' });
    expect(settingsOf(d, { service: SITE, account: 'third' })).toMatchObject({ syncMinutes: 5 });
    expect(settingsOf(d, home)).toEqual({ syncMinutes: 60, clipboardSeconds: 0, copyFormat: 'raw' });
    // Nothing is taken on a device whose earlier version had settings for the whole device.
    const old = device(true);
    await createBackupModel(old.deps).importFile(
      file(edit((o) => ((o.settings as { syncMinutes: number }).syncMinutes = 60))),
    );
    expect(old.settings.size).toBe(0);
  });

  it("should give each account only its own entry's settings, and none to an account not signed in here", async () => {
    const d = device(false, [work]);
    const model = createBackupModel(d.deps);
    const accountSettings = [
      { ...home, syncMinutes: 60, clipboardSeconds: 0, copyFormat: 'header' },
      { ...work, syncMinutes: 30, clipboardSeconds: 15, copyFormat: 'env' },
    ];
    await model.importFile(file(edit((o) => Object.assign(o, { version: 2, accountSettings }))));
    expect([...d.settings]).toEqual([
      [keyOf(work), { syncMinutes: 30, clipboardSeconds: 15, copyFormat: 'env' }],
    ]);
    // Only an account here without an entry in the file: nothing to take, nothing said about settings.
    const e = device(false, [home]);
    const other = createBackupModel(e.deps);
    await other.importFile(
      file(edit((o) => Object.assign(o, { version: 2, accountSettings: [accountSettings[1]] }))),
    );
    expect(other.message.value?.text).toBe('Nothing new: this device already has everything in the file.');
    expect(e.settings.size).toBe(0);
  });

  it('should refuse a file too large without reading it', async () => {
    const d = device();
    const read = vi.fn(async () => valid);
    const model = createBackupModel(d.deps);
    await model.importFile({ size: MAX_BACKUP_BYTES + 1, text: read });
    expect(model.message.value).toEqual({
      text: 'This file is larger than 25 MB, far more than a backup holds, so it was not read. Nothing was changed.',
      error: true,
    });
    expect(read).not.toHaveBeenCalled();
  });

  it('should say so when the file cannot be read', async () => {
    const d = device();
    const model = createBackupModel(d.deps);
    await model.importFile({ size: 10, text: () => Promise.reject(new Error('gone')) });
    expect(model.message.value).toEqual({
      text: 'The file could not be read. Nothing was changed.',
      error: true,
    });
  });
});
