import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import type { RunningService } from '../../service/server';
import { goodCar } from '../service/cars';

// What the end-to-end tests do the way a person (or another client of the service) would.

export interface ServiceToken {
  _id: string;
  name: string;
  secret: string;
}

/** The service's own view of the account, read past the extension. */
export async function serviceTokens(url: string, credential: string): Promise<ServiceToken[]> {
  const res = await fetch(`${url}/user/tokens`, { headers: { Authorization: `Bearer ${credential}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as ServiceToken[];
}

/** Creates a token as another client of the service would; returns its id. */
export async function createElsewhere(url: string, credential: string, name: string): Promise<string> {
  const res = await fetch(`${url}/user/tokens`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${credential}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { _id: string })._id;
}

/** Uploads a small CAR with an API token, as the JS client would (POST /car); the token then has uploads. */
export async function uploadWith(url: string, token: string, name: string): Promise<void> {
  const { car } = await goodCar(`uploaded by ${name}`);
  const res = await fetch(`${url}/car`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/vnd.ipld.car',
      'X-Name': encodeURIComponent(name),
    },
    body: new Uint8Array(car),
  });
  expect(res.status, await res.text()).toBe(200);
}

/** The reference service's switches, flipped over HTTP as any test client would. */
export async function control(url: string, body: unknown): Promise<void> {
  const res = await fetch(`${url}/__control`, { method: 'POST', body: JSON.stringify(body) });
  expect(res.status, await res.text()).toBe(200);
}

/**
 * Connects the options page to `url`, tests the connection and signs in with `credential`, pasted
 * under "Use a session credential instead" (sign-in.spec.ts signs in with an email code).
 */
export async function signIn(options: Page, url: string, credential: string): Promise<void> {
  await options.getByLabel('Service URL').fill(url);
  await options.getByRole('button', { name: 'Test connection' }).click();
  await expect(
    options.getByText(/Connected to version .*: tokens can be listed, created and revoked\./),
  ).toBeVisible();
  await options.getByText('Use a session credential instead').click();
  await options.getByLabel('Session credential').fill(credential);
  await options.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * A new account holding one token `name`, made elsewhere, signed in on the options page and
 * listed there: where most journeys start.
 */
export async function signedInWithToken(
  service: Pick<RunningService, 'url' | 'createAccount'>,
  openOptions: () => Promise<Page>,
  name: string,
): Promise<{ credential: string; id: string; options: Page }> {
  const credential = await service.createAccount(`e2e-${randomUUID()}@example.org`);
  const id = await createElsewhere(service.url, credential, name);
  const options = await openOptions();
  await signIn(options, service.url, credential);
  await expect(options.getByRole('cell', { name, exact: true })).toBeVisible();
  return { credential, id, options };
}
