import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ConnectionSection } from '../../../components/account/ConnectionSection';
import { type ConnectionDeps, createConnectionModel } from '../../../utils/account/connection-model';
import { createSignInApi } from '../../../utils/api/sign-in';
import { createFakeApi } from '../../helpers/fake-api';

type Answer = { status: number; body?: unknown };

/** The section over a real model whose service answers `answers[route]` (202 / 200 by default). */
async function setup(answers: Record<string, Answer> = {}) {
  const fake = createFakeApi();
  const fetchFake = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const route = `${init?.method} ${new URL(String(input)).pathname}`;
    const defaults: Record<string, Answer> = {
      'POST /auth/email': { status: 202, body: {} },
      'POST /auth/email/verify': {
        status: 200,
        body: { credential: 'w3ss_fresh', email: 'ada@example.org' },
      },
    };
    const answer = answers[route] ?? defaults[route] ?? { status: 404 };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
    });
  });
  const deps: ConnectionDeps = {
    loadServiceUrl: async () => 'http://127.0.0.1:8787',
    saveServiceUrl: async () => {},
    loadSession: async () => null,
    saveSession: async () => null,
    clearSession: async () => {},
    requestAccess: async () => true,
    makeApi: () => fake.api,
    makeSignInApi: (baseUrl) => createSignInApi({ baseUrl, fetch: fetchFake }),
  };
  const model = createConnectionModel(deps);
  await model.start();
  render(<ConnectionSection model={model} />);
  return { model, fetchFake };
}

/** The code form's Sign in (the credential form under its disclosure has one too). */
function codeSignIn(): HTMLElement {
  const form = screen.getByLabelText('Sign-in code').closest('form') as HTMLElement;
  return within(form).getByRole('button', { name: 'Sign in' });
}

function type(input: HTMLElement, value: string): void {
  fireEvent.input(input, { target: { value } });
}

describe('ConnectionSection', () => {
  it('should go from email to code to signed in, with a one-time-code field', async () => {
    await setup();
    type(screen.getByLabelText('Email'), 'ada@example.org');
    fireEvent.click(screen.getByRole('button', { name: 'Send code' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'We sent a sign-in code to ada@example.org. Type or paste it below.',
    );
    const code = screen.getByLabelText('Sign-in code');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(code.getAttribute('inputmode')).toBe('numeric');
    type(code, '123456');
    fireEvent.click(codeSignIn());
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(screen.getByText('ada@example.org').closest('p')?.textContent).toBe(
      'Signed in as ada@example.org.',
    );
    expect(screen.queryByLabelText('Sign-in code')).toBeNull();
  });

  it('should keep the email and code typed after a wrong code, saying the tries left', async () => {
    await setup({
      'POST /auth/email/verify': { status: 401, body: { code: 'ERROR_CODE_INVALID', triesLeft: 2 } },
    });
    type(screen.getByLabelText('Email'), 'ada@example.org');
    fireEvent.click(screen.getByRole('button', { name: 'Send code' }));
    type(await screen.findByLabelText('Sign-in code'), '111111');
    fireEvent.click(codeSignIn());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'That code is not right. Tries left for this code: 2.',
    );
    expect((screen.getByLabelText('Sign-in code') as HTMLInputElement).value).toBe('111111');
    fireEvent.click(screen.getByRole('button', { name: 'Use another email' }));
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('ada@example.org');
  });

  it('should show the credential form when the service has no email sign-in', async () => {
    await setup({ 'POST /auth/email': { status: 404 } });
    type(screen.getByLabelText('Email'), 'ada@example.org');
    fireEvent.click(screen.getByRole('button', { name: 'Send code' }));
    expect(await screen.findByText(/does not offer sign-in by email/)).toBeTruthy();
    expect(screen.getByLabelText('Session credential')).toBeTruthy();
    expect(screen.queryByLabelText('Email')).toBeNull();
  });

  it('should keep the credential form under a disclosure', async () => {
    await setup();
    const summary = screen.getByText('Use a session credential instead');
    expect(summary.tagName).toBe('SUMMARY');
    expect(summary.closest('details')?.querySelector('#credential')).toBeTruthy();
  });

  it('should warn about plain http to another computer', async () => {
    const { model } = await setup();
    expect(screen.queryByText(/plain http:\/\//)).toBeNull();
    type(screen.getByLabelText('Service URL'), 'http://tokens.example.org');
    await waitFor(() => expect(screen.getByText(/plain http:\/\//)).toBeTruthy());
    expect(model.insecure.value).toBe(true);
  });
});
