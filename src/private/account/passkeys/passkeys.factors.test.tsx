import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadMessages } from '../../../i18n/messages';
import { setLocale } from '../../../i18n/locale';
import { apiPath } from '../../../mock-api/handlers';
import { mockServer, mockServerState } from '../../../mock-api/node';
import { addPasskey } from '../../../test/account-factors';
import { installWebAuthn } from '../../../test/browser-webauthn';
import { renderApp } from '../../../test/render-app';
import { recordJsonBodies, recordRequests } from '../../../test/requests';
import {
  createSoftwareAuthenticator,
  type SoftwareAuthenticator,
} from '../../../test/software-authenticator';

type User = Awaited<ReturnType<typeof renderApp>>['user'];

// Noon UTC: the same date in every time zone the tests may run in.
const NOW = Date.UTC(2030, 0, 15, 12, 0, 0);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
  setLocale('en');
});

async function section(name = 'Passkeys') {
  return within(await screen.findByRole('region', { name }));
}

const passkeyNames = () => mockServerState.factors.passkeys.map((passkey) => passkey.name);

async function addThroughThePage(user: User, name: string) {
  const area = await section();
  const field = await area.findByLabelText('Passkey name');
  await user.clear(field);
  if (name !== '') await user.type(field, name);
  await user.click(area.getByRole('button', { name: 'Add a passkey' }));
  return area;
}

describe('passkeys on the account page', () => {
  let authenticator: SoftwareAuthenticator;

  beforeEach(() => {
    authenticator = createSoftwareAuthenticator();
  });

  it('says there are none yet, after a moment of loading', async () => {
    installWebAuthn(authenticator);
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    mockServer.use(
      http.get(apiPath('/webauthn/credentials'), async () => {
        await answered;
      }),
    );
    await renderApp({ route: '/account', as: 'ada' });
    const area = await section();

    expect(await area.findByText('Loading…')).toBeInTheDocument();
    answer();

    expect(await area.findByText('You have no passkeys yet.')).toBeVisible();
    expect(area.getByLabelText('Passkey name')).toBeVisible();
    expect(area.getByRole('button', { name: 'Add a passkey' })).toBeEnabled();
  });

  it('adds a passkey with a real ceremony, and lists it as never used', async () => {
    installWebAuthn(authenticator);
    const bodies = recordJsonBodies('/webauthn/register/complete');
    const { user } = await renderApp({ route: '/account', as: 'ada' });
    await (await section()).findByText('You have no passkeys yet.');

    const area = await addThroughThePage(user, '  Laptop  ');

    expect(await area.findByText('Passkey “Laptop” added.')).toBeVisible();
    const list = await area.findByRole('list', { name: 'Your passkeys' });
    const item = within(list).getByRole('listitem');
    expect(within(item).getByText('Laptop')).toBeVisible();
    expect(within(item).getByText('Never used')).toBeVisible();
    expect(within(item).getByText(/Jan 15, 2030/)).toBeVisible();
    expect(area.getByLabelText('Passkey name')).toHaveValue('');
    expect(passkeyNames()).toEqual(['Laptop']);
    expect(bodies).toEqual([expect.objectContaining({ name: 'Laptop' })]);
  });

  it('asks for a name, and one the server can keep, before any ceremony', async () => {
    installWebAuthn(authenticator);
    const requests = recordRequests();
    const { user } = await renderApp({ route: '/account', as: 'ada' });

    let area = await addThroughThePage(user, '');
    expect(await area.findByText('Give the passkey a name.')).toBeVisible();
    expect(area.getByLabelText('Passkey name')).toHaveAttribute('aria-invalid', 'true');
    expect(area.getByLabelText('Passkey name')).toHaveFocus();

    area = await addThroughThePage(user, '   ');
    expect(await area.findByText('Give the passkey a name.')).toBeVisible();

    area = await addThroughThePage(user, 'x'.repeat(65));
    expect(await area.findByText('A passkey name can be at most 64 characters.')).toBeVisible();
    expect(area.getByLabelText('Passkey name')).toHaveValue('x'.repeat(65));

    expect(requests.filter((request) => request.includes('/webauthn/register'))).toEqual([]);
  });

  it('takes a name of exactly 64 characters, emoji counted as one', async () => {
    installWebAuthn(authenticator);
    const { user } = await renderApp({ route: '/account', as: 'ada' });
    const name = `${'x'.repeat(63)}🔑`;

    const area = await addThroughThePage(user, name);

    expect(await area.findByText(`Passkey “${name}” added.`)).toBeVisible();
    expect(passkeyNames()).toEqual([name]);
  });

  it('returns quietly when the person cancels the browser’s dialog, the name kept', async () => {
    const webauthn = installWebAuthn(authenticator);
    webauthn.next = 'cancel';
    const requests = recordRequests();
    const { user } = await renderApp({ route: '/account', as: 'ada' });

    const area = await addThroughThePage(user, 'Laptop');

    expect(await area.findByRole('button', { name: 'Add a passkey' })).toBeEnabled();
    expect(requests).toContain('POST /webauthn/register/begin');
    expect(requests).not.toContain('POST /webauthn/register/complete');
    expect(area.queryByRole('alert')).toBeNull();
    expect(area.getByLabelText('Passkey name')).toHaveValue('Laptop');
    expect(area.getByText('You have no passkeys yet.')).toBeVisible();
  });

  it('says when this device already holds a passkey for the account', async () => {
    installWebAuthn(authenticator);
    await addPasskey('ada', authenticator, 'Laptop');
    const { user } = await renderApp({ route: '/account', as: 'ada' });

    const area = await addThroughThePage(user, 'Laptop again');

    expect(await area.findByRole('alert')).toHaveTextContent(
      'This device already holds a passkey for your account.',
    );
    expect(area.getByLabelText('Passkey name')).toHaveValue('Laptop again');
    expect(passkeyNames()).toEqual(['Laptop']);
  });

  it('says the server’s reason when it refuses the new passkey', async () => {
    installWebAuthn(authenticator);
    mockServer.use(
      http.post(apiPath('/webauthn/register/complete'), () =>
        HttpResponse.json({ msg: 'Passkey could not be verified' }, { status: 400 }),
      ),
    );
    const { user } = await renderApp({ route: '/account', as: 'ada' });

    const area = await addThroughThePage(user, 'Laptop');

    const alert = await area.findByRole('alert');
    expect(alert).toHaveTextContent('Passkey could not be verified');
    expect(alert).toHaveFocus();
    expect(area.getByLabelText('Passkey name')).toHaveValue('Laptop');
  });

  it('lists each passkey with when it was added and last used, in the page’s language', async () => {
    installWebAuthn(authenticator);
    await addPasskey('ada', authenticator, 'Laptop');
    vi.setSystemTime(Date.UTC(2030, 1, 20, 12, 0, 0));
    await addPasskey('ada', createSoftwareAuthenticator(), 'Phone');
    const [laptop] = mockServerState.factors.passkeys;
    if (laptop === undefined) throw new Error('no passkey on the mock');
    laptop.lastUsedAt = '2030-03-05T12:00:00Z';
    await renderApp({ route: '/account', as: 'ada' });

    const area = await section();
    const items = within(await area.findByRole('list', { name: 'Your passkeys' })).getAllByRole(
      'listitem',
    );
    expect(items.map((item) => within(item).getByText(/Laptop|Phone/).textContent)).toEqual([
      'Laptop',
      'Phone',
    ]);
    const [first, second] = items as [HTMLElement, HTMLElement];
    expect(within(first).getByText(/Jan 15, 2030/)).toHaveAttribute(
      'datetime',
      '2030-01-15T12:00:00.000Z',
    );
    expect(within(first).getByText(/Mar 5, 2030/)).toBeVisible();
    expect(within(second).getByText(/Feb 20, 2030/)).toBeVisible();
    expect(within(second).getByText('Never used')).toBeVisible();
    expect(within(first).getByRole('button', { name: 'Remove Laptop' })).toHaveTextContent(
      'Remove',
    );

    await loadMessages('es');
    setLocale('es');
    const spanish = await section('Llaves de acceso');
    const spanishItems = within(spanish.getByRole('list', { name: 'Tus llaves de acceso' }));
    expect(spanishItems.getByText(/15 ene 2030/)).toBeVisible();
    expect(spanishItems.getByText(/5 mar 2030/)).toBeVisible();
    expect(spanishItems.getByText('Nunca se ha usado')).toBeVisible();
    expect(spanishItems.getByRole('button', { name: 'Quitar Phone' })).toBeVisible();
    expect(spanish.getByLabelText('Nombre de la llave de acceso')).toBeVisible();
    expect(spanish.getByRole('button', { name: 'Añadir una llave de acceso' })).toBeVisible();
  });

  it('removes a passkey, and the list follows', async () => {
    installWebAuthn(authenticator);
    await addPasskey('ada', authenticator, 'Laptop');
    await addPasskey('ada', createSoftwareAuthenticator(), 'Phone');
    const { user } = await renderApp({ route: '/account', as: 'ada' });
    const area = await section();

    await user.click(await area.findByRole('button', { name: 'Remove Laptop' }));

    expect(await area.findByText('Passkey “Laptop” removed.')).toBeVisible();
    expect(area.queryByRole('button', { name: 'Remove Laptop' })).toBeNull();
    expect(area.getByRole('button', { name: 'Remove Phone' })).toBeVisible();
    expect(area.getByRole('heading', { name: 'Passkeys' })).toHaveFocus();
    expect(passkeyNames()).toEqual(['Phone']);
  });

  it('takes a passkey removed elsewhere meanwhile off the list', async () => {
    installWebAuthn(authenticator);
    await addPasskey('ada', authenticator, 'Laptop');
    const { user } = await renderApp({ route: '/account', as: 'ada' });
    const area = await section();
    const remove = await area.findByRole('button', { name: 'Remove Laptop' });
    mockServerState.factors.passkeys = [];

    await user.click(remove);

    expect(await area.findByText('Passkey “Laptop” was already removed.')).toBeVisible();
    expect(await area.findByText('You have no passkeys yet.')).toBeVisible();
  });

  it('says when a removal fails, and keeps the passkey listed', async () => {
    installWebAuthn(authenticator);
    await addPasskey('ada', authenticator, 'Laptop');
    mockServer.use(
      http.delete(apiPath('/webauthn/credentials/:id'), () =>
        HttpResponse.json({ msg: 'boom' }, { status: 500 }),
      ),
    );
    const { user } = await renderApp({ route: '/account', as: 'ada' });
    const area = await section();

    await user.click(await area.findByRole('button', { name: 'Remove Laptop' }));

    expect(await area.findByRole('alert')).toHaveTextContent('500');
    expect(area.getByRole('button', { name: 'Remove Laptop' })).toBeEnabled();
    expect(passkeyNames()).toEqual(['Laptop']);
  });

  it('says when the list could not be loaded, and tries again', async () => {
    installWebAuthn(authenticator);
    await addPasskey('ada', authenticator, 'Laptop');
    let failures = 1;
    mockServer.use(
      http.get(apiPath('/webauthn/credentials'), () => {
        if (failures === 0) return undefined;
        failures -= 1;
        return HttpResponse.json({ msg: 'boom' }, { status: 503 });
      }),
    );
    const { user } = await renderApp({ route: '/account', as: 'ada' });
    const area = await section();

    const alert = await area.findByRole('alert');
    expect(alert).toHaveTextContent('This could not be loaded.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await area.findByRole('button', { name: 'Remove Laptop' })).toBeVisible();
  });

  it('says when the server has no passkeys', async () => {
    installWebAuthn(authenticator);
    mockServer.use(
      http.get(apiPath('/webauthn/credentials'), () =>
        HttpResponse.json({ msg: 'Not Found' }, { status: 404 }),
      ),
    );
    await renderApp({ route: '/account', as: 'ada' });
    const area = await section();

    expect(await area.findByText('Passkeys are not available on this server.')).toBeVisible();
  });

  it('says the browser has no passkeys instead of the form, and still lists them', async () => {
    await addPasskey('ada', authenticator, 'Laptop');
    await renderApp({ route: '/account', as: 'ada' });
    const area = await section();

    expect(await area.findByText('This browser does not support passkeys.')).toBeVisible();
    expect(area.queryByLabelText('Passkey name')).toBeNull();
    expect(area.queryByRole('button', { name: 'Add a passkey' })).toBeNull();
    expect(await area.findByRole('button', { name: 'Remove Laptop' })).toBeVisible();
  });
});
