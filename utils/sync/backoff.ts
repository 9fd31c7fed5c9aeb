import { RATE_LIMIT_WAIT_MS } from '../api';
import type { AppError } from '../lib';

const BASE_MS = 15_000;
const MAX_MS = 30 * 60_000;

/**
 * When to try a failed revoke again: exponential, capped at 30 minutes, with "equal jitter" so
 * that many clients do not retry in step; never sooner than the service asked (its Retry-After,
 * else 30 s after a 429).
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function retryDelay(attempts: number, error: AppError, random: () => number): number {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  const told = error.retryAfterMs ?? (error.code === 'rate-limited' ? RATE_LIMIT_WAIT_MS : 0);
  return Math.round(Math.max(jittered, told));
}

/** Failures worth retrying later: the service may answer differently. Others need a person. */
export function isRetryable(error: AppError): boolean {
  return ![
    'delete-restricted',
    'restricted',
    'wrong-credential',
    'invalid-name',
    'signed-out',
    'permission-denied',
  ].includes(error.code);
}
