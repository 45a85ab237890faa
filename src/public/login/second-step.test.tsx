import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { totpCode } from '../../backends/flask-jwt-extended/mock/totp';
import { apiPath } from '../../mock-api/handlers';
import { mockServer } from '../../mock-api/node';
import { turnOnTwoStep } from '../../test/account-factors';
import { currentUrl, renderApp } from '../../test/render-app';
import { recordRequests } from '../../test/requests';

// 10 s into a 30-second step, so that a test decides which step a code belongs to.
const START = Date.UTC(2030, 0, 1, 0, 0, 10);
const nextStep = () => {
  vi.setSystemTime(Date.now() + 30_000);
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
});

afterEach(() => {
  vi.useRealTimers();
});

/** Two-step verification on for ada, and the login page at its second step. */
async function atSecondStep() {
  const factors = await turnOnTwoStep('ada');
  nextStep();
  const rendered = await renderApp({ route: '/login' });
  await rendered.user.type(screen.getByLabelText('Username'), 'ada');
  await rendered.user.type(screen.getByLabelText('Password'), 'lovelace1815');
  await rendered.user.click(screen.getByRole('button', { name: 'Log in' }));
  await screen.findByRole('heading', { name: 'Two-step verification' });
  return { ...rendered, ...factors };
}

// Each test turns two-step verification on first, with real HMAC codes: more than 5 s on busy cores.
describe('the login’s second step', { timeout: 15_000 }, () => {
  it('asks for the authenticator app’s code, focused, and logs in with it, spaces and all', async () => {
    const { user, secret } = await atSecondStep();

    const field = screen.getByLabelText('Authentication code');
    expect(field).toHaveFocus();
    expect(field).toHaveAttribute('autocomplete', 'one-time-code');
    expect(field).toHaveAttribute('inputmode', 'numeric');
    expect(window.localStorage.getItem('jwt-token')).toBeNull();

    const code = await totpCode(secret);
    await user.click(field);
    await user.paste(`${code.slice(0, 3)} ${code.slice(3)}`);
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByRole('heading', { name: 'Welcome, ada!' })).toBeInTheDocument();
    expect(currentUrl()).toBe('/');
    expect(window.localStorage.getItem('jwt-token')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('says a wrong code did not work, clears it, and takes the right one next', async () => {
    const { user, secret } = await atSecondStep();
    const wrong = (Number(await totpCode(secret)) + 1).toString().padStart(6, '0').slice(-6);

    await user.type(screen.getByLabelText('Authentication code'), wrong);
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('That code did not work.');
    const field = screen.getByLabelText('Authentication code');
    expect(field).toHaveValue('');
    expect(field).toHaveFocus();
    expect(field).toHaveAttribute('aria-invalid', 'true');

    await user.type(field, await totpCode(secret));
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('heading', { name: 'Welcome, ada!' })).toBeInTheDocument();
  });

  it('catches a missing or malformed code before any request', async () => {
    const { user } = await atSecondStep();
    const requests = recordRequests();

    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Enter the 6-digit code from your authenticator app.',
    );
    await user.type(screen.getByLabelText('Authentication code'), '12345');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(screen.getByRole('alert')).toHaveTextContent('An authentication code is 6 digits.');
    expect(screen.getByLabelText('Authentication code')).toHaveFocus();
    expect(requests).toEqual([]);
  });

  it('takes a recovery code once, and refuses the same code at the next login', async () => {
    const { user, recoveryCodes } = await atSecondStep();
    const [recoveryCode = ''] = recoveryCodes;

    await user.click(screen.getByRole('button', { name: 'Use a recovery code' }));
    const field = screen.getByLabelText('Recovery code');
    expect(field).toHaveFocus();
    await user.type(field, recoveryCode);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('heading', { name: 'Welcome, ada!' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Log out' }));
    await user.type(await screen.findByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password'), 'lovelace1815');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await user.click(await screen.findByRole('button', { name: 'Use a recovery code' }));
    await user.type(screen.getByLabelText('Recovery code'), recoveryCode);
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That recovery code did not work. Each code works only once.',
    );
    expect(screen.getByLabelText('Recovery code')).toHaveValue('');
  });

  it('goes back to the password, saying why, when the step has timed out', async () => {
    const { user, secret } = await atSecondStep();
    vi.setSystemTime(Date.now() + 6 * 60_000);

    await user.type(screen.getByLabelText('Authentication code'), await totpCode(secret));
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The verification step timed out. Log in again.',
    );
    expect(screen.getByLabelText('Username')).toHaveValue('ada');
    expect(screen.getByLabelText('Password')).toHaveFocus();
    expect(window.localStorage.getItem('jwt-token')).toBeNull();
  });

  it('goes back to the password after too many wrong codes', async () => {
    const { user, secret } = await atSecondStep();
    const wrong = (Number(await totpCode(secret)) + 1).toString().padStart(6, '0').slice(-6);

    for (let attempt = 0; attempt < 6; attempt += 1) {
      await user.type(screen.getByLabelText('Authentication code'), wrong);
      await user.click(screen.getByRole('button', { name: 'Verify' }));
      await waitFor(() => {
        expect(screen.getByRole('button', { name: 'Verify' })).toBeEnabled();
      });
      if (screen.queryByLabelText('Authentication code') === null) break;
    }

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many wrong codes. Log in again.',
    );
    expect(screen.getByLabelText('Password')).toHaveFocus();
  });

  it('says the server cannot be reached, keeps the code and stays on the step', async () => {
    mockServer.use(http.post(apiPath('/token/2fa'), () => HttpResponse.error(), { once: true }));
    const { user, secret } = await atSecondStep();
    const code = await totpCode(secret);

    await user.type(screen.getByLabelText('Authentication code'), code);
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Can’t reach the server');
    expect(screen.getByLabelText('Authentication code')).toHaveValue(code);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('heading', { name: 'Welcome, ada!' })).toBeInTheDocument();
  });

  it('goes back to the password form on request', async () => {
    const { user } = await atSecondStep();

    await user.click(screen.getByRole('button', { name: 'Back to log in' }));

    expect(screen.getByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toHaveValue('ada');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
