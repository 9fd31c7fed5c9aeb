import { parseOrigins } from './guard';
import type { ServiceOptions } from './server';

// The environment variables of `npm run service`, `npm start` and `npm run account`, read in one
// place so the three agree. service/README.md lists them.

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** `SESSION_TTL`: whole seconds (`3600`) or a number with a unit s, m, h or d (`12h`, `30d`). */
export function parseDuration(text: string): number {
  const match = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  const seconds = match ? Number(match[1]) * (UNITS[match[2] || 's'] ?? 1) : 0;
  if (!Number.isSafeInteger(seconds) || seconds <= 0) {
    throw new Error(`SESSION_TTL must be a positive number of seconds, or like 30d, 12h, 15m: got ${text}`);
  }
  return seconds;
}

function positiveInteger(name: string, text: string, min = 1): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min)
    throw new Error(`${name} must be an integer of at least ${min}: got ${text}`);
  return value;
}

/** Service options from the environment; throws a message naming the variable that is wrong. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): ServiceOptions {
  return {
    port: env.PORT ? positiveInteger('PORT', env.PORT, 0) : 8787,
    host: env.HOST || '127.0.0.1',
    dataDir: env.DATA_DIR || '.data/service',
    databaseUrl: env.DATABASE_URL || undefined,
    salt: env.SALT || undefined,
    control: env.SERVICE_CONTROL === '1',
    publicUrls: env.PUBLIC_URL ? [publicUrl(env.PUBLIC_URL)] : [],
    corsOrigins: corsOrigins(env.CORS_ORIGINS),
    sessionTtlSeconds: env.SESSION_TTL ? parseDuration(env.SESSION_TTL) : undefined,
    maxSessions: env.MAX_SESSIONS ? positiveInteger('MAX_SESSIONS', env.MAX_SESSIONS) : undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || undefined,
  };
}

function publicUrl(text: string): string {
  try {
    return new URL(text).toString();
  } catch {
    throw new Error(`PUBLIC_URL must be a URL such as https://tokens.example.org: got ${text}`);
  }
}

function corsOrigins(list: string | undefined): string[] {
  try {
    return parseOrigins(list);
  } catch {
    throw new Error(
      `CORS_ORIGINS must be comma-separated origins such as https://app.example.org: got ${list}`,
    );
  }
}
