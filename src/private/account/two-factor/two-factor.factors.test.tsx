import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { totpCode } from '../../../backends/flask-jwt-extended/mock/totp';
import { loadMessages } from '../../../i18n/messages';
import { setLocale } from '../../../i18n/locale';
import { apiPath } from '../../../mock-api/handlers';
import { mockServer, mockServerState } from '../../../mock-api/node';
import { turnOnTwoStep } from '../../../test/account-factors';
import { useApiProfile } from '../../../test/api-profile';
import { logInAs, mockUser, renderApp } from '../../../test/render-app';
import { recordJsonBodies, recordRequests } from '../../../test/requests';

type User = Awaited<ReturnType<typeof renderApp>>['user'];

afterEach(() => {
  setLocale('en');
});

const ada = () => mockUser('ada');
const adaTwoStep = () => mockServerState.factors.twoStep.get(ada().id);

/** The account page's two-step verification section, once it is on screen. */
async function section(name = 'Two-step verification') {
  return within(await screen.findByRole('region', { name }));
}

/** A code the app does not show now, nor one step either side (a chance in a million). */
async function wrongCodeFor(secret: string): Promise<string> {
  const right = Number(await totpCode(secret));
  return String((right + 500_000) % 1_000_000).padStart(6, '0');
}

/** The account page with ada's two-step verification on (turned on as another browser would). */
async function withTwoStepOn() {
  await logInAs('ada');
  const factors = await turnOnTwoStep('ada');
  return { ...(await renderApp({ route: '/account' })), ...factors };
}

async function startSetUp(user: User) {
  const area = await section();
  await user.click(await area.findByRole('button', { name: 'Set up two-step verification' }));
  await area.findByRole('heading', { name: 'Set up your authenticator app' });
  const secret = adaTwoStep()?.pendingSecret ?? null;
  if (secret === null) throw new Error('No set-up under way on the mock');
  return { area, secret };
}

type Section = Awaited<ReturnType<typeof section>>;

async function typeCode(user: User, area: Section, code: string) {
  const field = area.getByLabelText('Authentication code');
  await user.clear(field);
  await user.click(field);
  await user.paste(code);
  await user.click(area.getByRole('button', { name: 'Turn on' }));
}

describe('two-step verification on the account page', () => {
  it('is off to begin with, after a moment of loading', async () => {
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    mockServer.use(
      http.get(apiPath('/2fa'), async () => {
        await answered;
      }),
    );
    await renderApp({ route: '/account', as: 'ada' });
    const area = await section();

    expect(await area.findByText('Loading…')).toBeInTheDocument();
    answer();

    expect(await area.findByText('Off')).toBeVisible();
    expect(area.getByRole('button', { name: 'Set up two-step verification' })).toBeEnabled();
    expect(area.queryByText(/recovery codes? left/)).toBeNull();
  });

  it('says when the status could not be loaded, and tries again', async () => {
    let failures = 1;
    mockServer.use(
      http.get(apiPath('/2fa'), () => {
        if (failures === 0) return undefined;
        failures -= 1;
        return HttpResponse.json({ msg: 'boom' }, { status: 500 });
      }),
    );
    const { user } = await renderApp({ route: '/account', as: 'ada' });
    const area = await section();

    const alert = await area.findByRole('alert');
    expect(alert).toHaveTextContent('This could not be loaded.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await area.findByText('Off')).toBeVisible();
    // The rest of the page never went away.
    expect(screen.getByRole('heading', { name: 'Change password' })).toBeVisible();
  });

  it('says when the server has no two-step verification', async () => {
    mockServer.use(
      http.get(apiPath('/2fa'), () => HttpResponse.json({ msg: 'Not Found' }, { status: 404 })),
    );
    await renderApp({ route: '/account', as: 'ada' });
    const area = await section();

    expect(
      await area.findByText('Two-step verification is not available on this server.'),
    ).toBeVisible();
    expect(area.queryByRole('button', { name: 'Set up two-step verification' })).toBeNull();
  });

  it('sets up: QR code and setup key, a wrong code said, the right one (pasted with a space) turns it on', async () => {
    const { user } = await renderApp({ route: '/account', as: 'ada' });
    const bodies = recordJsonBodies('/2fa/enable');
    const { area, secret } = await startSetUp(user);

    expect(area.getByRole('heading', { name: 'Set up your authenticator app' })).toHaveFocus();
    const qr = await area.findByRole('img', { name: 'QR code for your authenticator app' });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml,%3Csvg/);
    const key = area.getByText('Setup key').closest('div')?.querySelector('dd');
    // Shown in groups of four, copied as one string.
    expect(key?.textContent).toBe(secret);
    expect(key?.querySelectorAll('span')).toHaveLength(Math.ceil(secret.length / 4));

    const field = area.getByLabelText('Authentication code');
    expect(field).toHaveAttribute('autocomplete', 'one-time-code');
    expect(field).toHaveAttribute('inputmode', 'numeric');

    await typeCode(user, area, await wrongCodeFor(secret));
    expect(
      await area.findByText('That code did not work. Enter the code your app shows now.'),
    ).toBeVisible();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveFocus();
    expect(area.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();

    const code = await totpCode(secret);
    await typeCode(user, area, `${code.slice(0, 3)} ${code.slice(3)}`);

    const codes = await area.findByRole('list', { name: 'Recovery codes' });
    expect(within(codes).getAllByRole('listitem')).toHaveLength(10);
    expect(area.getByRole('heading', { name: 'Save your recovery codes' })).toHaveFocus();
    expect(bodies.at(-1)).toEqual({ code });
    expect(adaTwoStep()?.secret).toBe(secret);
  });

  it('checks the code before sending it', async () => {
    const { user } = await renderApp({ route: '/account', as: 'ada' });
    const requests = recordRequests();
    const { area } = await startSetUp(user);

    await user.click(area.getByRole('button', { name: 'Turn on' }));
    expect(
      await area.findByText('Enter the 6-digit code from your authenticator app.'),
    ).toBeVisible();

    await typeCode(user, area, '12345');
    expect(
      await area.findByText('An authentication code is 6 digits. Check your authenticator app.'),
    ).toBeVisible();
    expect(requests).not.toContain('POST /2fa/enable');
  });

  it('goes back to off when the set-up is cancelled', async () => {
    const { user } = await renderApp({ route: '/account', as: 'ada' });
    const { area } = await startSetUp(user);

    await user.click(area.getByRole('button', { name: 'Cancel' }));

    expect(area.getByText('Off')).toBeVisible();
    expect(area.getByRole('button', { name: 'Set up two-step verification' })).toBeVisible();
    expect(area.queryByLabelText('Authentication code')).toBeNull();
    expect(area.getByRole('heading', { name: 'Two-step verification' })).toHaveFocus();
  });

  it('shows the recovery codes once: copied, downloaded, then Done shows it on', async () => {
    const files = vi.spyOn(URL, 'createObjectURL');
    const { user } = await renderApp({ route: '/account', as: 'ada' });
    const { area, secret } = await startSetUp(user);
    await typeCode(user, area, await totpCode(secret));
    const list = await area.findByRole('list', { name: 'Recovery codes' });
    const codes = within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(codes.every((code) => /^[a-z2-9]{5}-[a-z2-9]{5}$/.test(code))).toBe(true);

    await user.click(area.getByRole('button', { name: 'Copy codes' }));
    expect(await area.findByText('Copied.')).toBeVisible();
    expect(await navigator.clipboard.readText()).toBe(`${codes.join('\n')}\n`);

    const download = area.getByRole('link', { name: 'Download codes' });
    expect(download).toHaveAttribute('download', 'gatehouse-recovery-codes.txt');
    const blobUrl = download.getAttribute('href') ?? '';
    expect(blobUrl).toMatch(/^blob:/);
    const file = files.mock.calls.find((_, index) => files.mock.results[index]?.value === blobUrl);
    expect(await (file?.[0] as Blob | undefined)?.text()).toBe(`${codes.join('\n')}\n`);

    await user.click(area.getByRole('button', { name: 'Done' }));

    expect(await area.findByText('On')).toBeVisible();
    expect(area.getByText('10 recovery codes left.')).toBeVisible();
    expect(area.queryByRole('list', { name: 'Recovery codes' })).toBeNull();
    expect(area.getByRole('heading', { name: 'Two-step verification' })).toHaveFocus();
  });

  it('says so when the codes cannot be copied', async () => {
    const { user } = await renderApp({ route: '/account', as: 'ada' });
    const { area, secret } = await startSetUp(user);
    await typeCode(user, area, await totpCode(secret));
    await area.findByRole('list', { name: 'Recovery codes' });
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('Write permission denied.', 'NotAllowedError'),
    );

    await user.click(area.getByRole('button', { name: 'Copy codes' }));

    expect(await area.findByRole('alert')).toHaveTextContent(
      'The codes could not be copied. Select them and copy them yourself, or download them.',
    );
    expect(area.queryByText('Copied.')).toBeNull();
  });

  it('shows it on, with the recovery codes left', async () => {
    await withTwoStepOn();
    const area = await section();

    expect(await area.findByText('On')).toBeVisible();
    expect(area.getByText('10 recovery codes left.')).toBeVisible();
    expect(area.getByRole('button', { name: 'Turn off two-step verification' })).toBeVisible();
    expect(area.queryByRole('button', { name: 'Set up two-step verification' })).toBeNull();
  });

  it('counts one recovery code left, and none, in English and Spanish', async () => {
    await logInAs('ada');
    await turnOnTwoStep('ada');
    const twoStep = adaTwoStep();
    if (twoStep === undefined) throw new Error('two-step verification is not on');
    twoStep.recoveryCodeHashes = twoStep.recoveryCodeHashes.slice(0, 1);
    await renderApp({ route: '/account' });

    expect(await (await section()).findByText('1 recovery code left.')).toBeVisible();

    await loadMessages('es');
    setLocale('es');
    const spanish = await section('Verificación en dos pasos');
    expect(spanish.getByText('Activada')).toBeVisible();
    expect(spanish.getByText('Te queda 1 código de recuperación.')).toBeVisible();
    expect(
      spanish.getByRole('button', { name: 'Desactivar la verificación en dos pasos' }),
    ).toBeVisible();
  });

  it('says when no recovery code is left, and how to get new ones', async () => {
    await logInAs('ada');
    await turnOnTwoStep('ada');
    const twoStep = adaTwoStep();
    if (twoStep === undefined) throw new Error('two-step verification is not on');
    twoStep.recoveryCodeHashes = [];
    await renderApp({ route: '/account' });
    const area = await section();

    expect(await area.findByText('No recovery codes left.')).toBeVisible();
    expect(
      area.getByText('To get new recovery codes, turn two-step verification off and on again.'),
    ).toBeVisible();
  });

  it('turns off with the current password: a wrong one is said on the field', async () => {
    const { user } = await withTwoStepOn();
    const area = await section();
    await user.click(await area.findByRole('button', { name: 'Turn off two-step verification' }));
    const password = area.getByLabelText('Current password');

    await user.click(area.getByRole('button', { name: 'Turn off' }));
    expect(await area.findByText('Enter your current password.')).toBeVisible();

    await user.type(password, 'not-my-password');
    await user.click(area.getByRole('button', { name: 'Turn off' }));
    expect(await area.findByText('The current password is wrong.')).toBeVisible();
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(adaTwoStep()?.secret).not.toBeNull();

    await user.clear(password);
    await user.type(password, 'lovelace1815');
    await user.click(area.getByRole('button', { name: 'Turn off' }));

    expect(await area.findByText('Two-step verification is off.')).toBeVisible();
    expect(area.getByText('Off')).toBeVisible();
    expect(area.getByRole('button', { name: 'Set up two-step verification' })).toBeVisible();
    expect(area.queryByLabelText('Current password')).toBeNull();
    expect(adaTwoStep()?.secret).toBeNull();
  });

  it('keeps it on when turning off is cancelled', async () => {
    const { user } = await withTwoStepOn();
    const area = await section();
    await user.click(await area.findByRole('button', { name: 'Turn off two-step verification' }));

    await user.click(area.getByRole('button', { name: 'Cancel' }));

    expect(area.getByText('On')).toBeVisible();
    expect(area.queryByLabelText('Current password')).toBeNull();
  });

  it('says when another tab turned it on meanwhile, and shows it on', async () => {
    const { user } = await renderApp({ route: '/account', as: 'ada' });
    const area = await section();
    await area.findByText('Off');
    await turnOnTwoStep('ada');

    await user.click(area.getByRole('button', { name: 'Set up two-step verification' }));

    expect(await area.findByRole('alert')).toHaveTextContent(
      'Two-step verification was already turned on, perhaps in another tab.',
    );
    expect(await area.findByText('On')).toBeVisible();
  });
});

describe('the account page without two-step verification', () => {
  it('leaves both sections out for a backend without second factors', async () => {
    useApiProfile('simplejwt');
    const requests = recordRequests();
    await renderApp({ route: '/account', as: 'ada' });

    expect(await screen.findByRole('heading', { name: 'Change password' })).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'Two-step verification' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Passkeys' })).toBeNull();
    await waitFor(() => {
      expect(requests.some((request) => /\/2fa|\/webauthn/.test(request))).toBe(false);
    });
  });
});
