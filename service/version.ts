import pkg from '../package.json' with { type: 'json' };
import type { Handler } from './context';
import { json } from './http';

/** `GET /version`, public. `COMMIT` and `BRANCH` come from the environment when a build sets them. */
export const versionRoute: Handler = async (_req, deps) =>
  json(200, {
    version: pkg.version,
    commit: process.env.COMMIT ?? 'unknown',
    branch: process.env.BRANCH ?? 'unknown',
    mode: deps.state.mode,
  });
