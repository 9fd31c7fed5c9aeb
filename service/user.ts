import type { UserHandler } from './context';
import { userNotFound } from './errors';
import { json } from './http';

/** 1 TiB, the original's default storage limit; a string, as the original sent it. */
export const DEFAULT_STORAGE_LIMIT_BYTES = '1099511627776';

/** `GET /user/account`. PSA pins are not modelled, so `psaPinned` is always 0. */
export const accountRoute: UserHandler = async (_req, deps, user) => {
  const [uploaded, tags] = await Promise.all([deps.store.uploadedBytes(user.id), deps.store.tags(user.id)]);
  return json(200, {
    usedStorage: { uploaded, psaPinned: 0, total: uploaded },
    storageLimitBytes: tags.StorageLimitBytes ?? DEFAULT_STORAGE_LIMIT_BYTES,
  });
};

/** `GET /user/info`: the account row plus its tags, booleans from `'true'` values. */
export const infoRoute: UserHandler = async (_req, deps, user) => {
  const [row, tags] = await Promise.all([deps.store.findUser(user.id), deps.store.tags(user.id)]);
  if (!row) return userNotFound();
  return json(200, {
    info: {
      ...row,
      tags: {
        HasAccountRestriction: tags.HasAccountRestriction === 'true',
        HasDeleteRestriction: tags.HasDeleteRestriction === 'true',
        HasPsaAccess: tags.HasPsaAccess === 'true',
        HasSuperHotAccess: tags.HasSuperHotAccess === 'true',
        StorageLimitBytes: tags.StorageLimitBytes ?? DEFAULT_STORAGE_LIMIT_BYTES,
      },
      tagProposals: {},
    },
  });
};
