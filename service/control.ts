import { type Deps, jsonBody, MODES, type Req, type SignInLimits } from './context';
import { httpError } from './errors';
import { faultsOf, parseFaults } from './faults';
import { json, type Reply } from './http';
import { normalizeEmail } from './session';
import type { TagName } from './store';

/** Applies one validated switch; answers a message when the data it names does not exist. */
type Step = (deps: Deps) => Promise<string | undefined> | undefined;
/** Validates one switch of the body, before anything is applied; a string is the 400 message. */
type Parser = (value: unknown) => Step | string;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
// Sign-in counters older than a day are deleted (sign-in-store.ts), so no window may be longer.
const DAY = 86_400_000;
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

// Every switch the tests may flip. `down` and `faults` keep their plan in service/faults.ts (one
// per service, found from Deps), which server.ts applies to each request and its reply.
const SWITCHES: Record<string, Parser> = {
  mode: (value) => {
    const mode = MODES.find((candidate) => candidate === value);
    if (!mode) return `mode must be one of ${MODES.join(', ')}`;
    return ({ state }) => {
      state.mode = mode;
      return undefined;
    };
  },
  sunset: (value) => {
    if (typeof value !== 'boolean') return 'sunset must be a boolean';
    return ({ state }) => {
      state.sunset = value;
      return undefined;
    };
  },
  rateLimit: (value) => {
    if (!isObject(value) || !isCount(value.max) || !isCount(value.windowMs)) {
      return 'rateLimit needs positive integers max and windowMs';
    }
    const limit = { max: value.max, windowMs: value.windowMs };
    return async ({ state, limiter }) => {
      state.rateLimit = limit;
      await limiter.reset();
      return undefined;
    };
  },
  // An administrator's block of one token (403 ERROR_TOKEN_BLOCKED on the API-token routes).
  blocked: (value) => {
    if (
      !isObject(value) ||
      typeof value.id !== 'string' ||
      !/^\d+$/.test(value.id) ||
      typeof value.value !== 'boolean'
    ) {
      return 'blocked needs a numeric string id and a boolean value';
    }
    const { id, value: flag } = value;
    return async ({ store }) => ((await store.setTokenBlocked(id, flag)) ? undefined : `no token ${id}`);
  },
  restrictions: (value) => {
    const email = isObject(value) ? normalizeEmail(value.email) : null;
    if (!isObject(value) || !email) return 'restrictions needs an email';
    const tags: [TagName, boolean][] = [];
    if (typeof value.account === 'boolean') tags.push(['HasAccountRestriction', value.account]);
    if (typeof value.delete === 'boolean') tags.push(['HasDeleteRestriction', value.delete]);
    if (tags.length === 0) return 'restrictions needs a boolean account or delete';
    return async ({ store }) => {
      for (const [tag, flag] of tags) {
        if (!(await store.setTag(email, tag, String(flag)))) return `no account ${email}`;
      }
      return undefined;
    };
  },
  down: (value) => {
    if (typeof value !== 'boolean') return 'down must be a boolean';
    return (deps) => {
      faultsOf(deps).setDown(value);
      return undefined;
    };
  },
  classic: (value) => {
    if (typeof value !== 'boolean') return 'classic must be a boolean';
    return (deps) => {
      faultsOf(deps).setClassic(value);
      return undefined;
    };
  },
  faults: (value) => {
    const faults = parseFaults(value);
    if (typeof faults === 'string') return faults;
    return (deps) => {
      faultsOf(deps).setFaults(faults);
      return undefined;
    };
  },
  signInLimits: (value) => {
    const names = ['codesPerEmail', 'codesPerClient', 'checksPerClient'] as const;
    const valid =
      isObject(value) &&
      Object.entries(value).every(
        ([name, limit]) =>
          names.some((known) => known === name) &&
          isObject(limit) &&
          isCount(limit.max) &&
          isCount(limit.windowMs) &&
          limit.windowMs <= DAY,
      );
    if (!valid) {
      return `signInLimits takes ${names.join(', ')}, each with positive integers max and windowMs (at most a day)`;
    }
    const limits = value as Partial<SignInLimits>;
    return async ({ state, signInStore }) => {
      state.signInLimits = { ...state.signInLimits, ...limits };
      await signInStore.resetCounters();
      return undefined;
    };
  },
  reset: (value) =>
    value === true
      ? async (deps) => {
          Object.assign(deps.state, structuredClone(deps.initialState));
          await deps.limiter.reset();
          faultsOf(deps).reset();
          await deps.signInStore.resetCounters();
          return undefined;
        }
      : 'reset must be true',
};

/**
 * `POST /__control` (only with `control: true`): flips switches for tests, in the order given.
 * Answers the resulting mode, sunset and rate limit (fault switches: RunningService.faults()).
 * Data is never wiped: `reset` restores switches, counters (sign-in ones too) and faults.
 */
export async function controlRoute(req: Req, deps: Deps): Promise<Reply> {
  const body = await jsonBody(req);
  if (!isObject(body)) return httpError(400, 'control body must be a JSON object');
  const steps: Step[] = [];
  for (const [key, value] of Object.entries(body)) {
    const parse = Object.hasOwn(SWITCHES, key) ? SWITCHES[key] : undefined;
    const step = parse ? parse(value) : `unknown switch ${key}`;
    if (typeof step === 'string') return httpError(400, step);
    steps.push(step);
  }
  for (const step of steps) {
    const failure = await step(deps);
    if (failure) return httpError(400, failure);
  }
  const { mode, sunset, rateLimit } = deps.state;
  return json(200, { mode, sunset, rateLimit });
}
