import type { AppError } from '../lib';

const BASE_MS = 15_000;
const MAX_MS = 30 * 60_000;

/**
 * When to try a failed revoke again: exponential, capped at 30 minutes, with "equal jitter" so
 * that many clients do not retry in step; never sooner than the service asked (429: 30 s at least).
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function retryDelay(attempts: number, error: AppError, random: () => number): number {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  return Math.round(Math.max(jittered, error.retryAfterMs ?? 0));
}

/** Failures worth retrying later: the service may answer differently. Others need a person. */
export function isRetryable(error: AppError): boolean {
  return ![
    'delete-restricted',
    'wrong-credential',
    'invalid-name',
    'signed-out',
    'permission-denied',
  ].includes(error.code);
}
