/**
 * Two-step verification and passkeys, written once and run against the mock (e2e/factors.spec.ts)
 * and against the real Flask backend (backend-tests/e2e/factors.spec.ts), in a build with both
 * switched on, opened on `localhost`: browsers refuse passkeys on an IP address. Each flow is a
 * whole test body and signs up a person of its own, so that the tests share no state on a real
 * backend either.
 */
import type { Locator, Page } from '@playwright/test';
import {
  totpCode,
  totpStep,
  TOTP_STEP_SECONDS,
} from '../src/backends/flask-jwt-extended/mock/totp';
import {
  expect,
  freshIdentifier,
  identifierField,
  logIn,
  signUp,
  type Identifier,
  type VirtualAuthenticator,
  withoutPasskeyAutofill,
} from './fixtures';

const PASSWORD = 'hopper1906';

interface Person {
  name: string;
  password: string;
}

const STEP_MS = TOTP_STEP_SECONDS * 1000;

/**
 * The person's authenticator app. The server takes each code once, and none older than the last
 * it took, but also the next step's (a clock a little ahead): the second code of a test is the
 * next step's, at once; only a third within one step waits for the step to turn.
 */
class AuthenticatorApp {
  private lastStep = -1;

  constructor(readonly secret: string) {}

  async nextCode(): Promise<string> {
    const step = Math.max(this.lastStep + 1, totpStep(Date.now()));
    const wait = (step - 1) * STEP_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    this.lastStep = step;
    return totpCode(this.secret, step * STEP_MS);
  }

  /** A 6-digit code that none of the steps the server may take right now has. */
  async wrongCode(): Promise<string> {
    const now = totpStep(Date.now());
    const good = await Promise.all(
      [now - 1, now, now + 1, now + 2].map((step) => totpCode(this.secret, step * STEP_MS)),
    );
    const wrong = ['000000', '111111', '222222', '333333', '444444'].find(
      (code) => !good.includes(code),
    );
    if (wrong === undefined) throw new Error('Four steps cannot have five codes');
    return wrong;
  }
}

const welcome = (page: Page, person: Person) =>
  page.getByRole('heading', { name: `Welcome, ${person.name}!` });

/** Signs a new person up and logs them in. */
async function newPerson(page: Page, identifier: Identifier): Promise<Person> {
  const person = { name: freshIdentifier(identifier), password: PASSWORD };
  await page.goto('/signup');
  await signUp(page, person.name, person.password);
  await expect(page.getByRole('status').filter({ hasText: 'Account created' })).toBeVisible();
  await logIn(page, person.name, person.password);
  await expect(welcome(page, person)).toBeVisible();
  return person;
}

async function openAccount(page: Page) {
  await page.getByRole('link', { name: 'Account', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Account', exact: true })).toBeVisible();
}

const twoStepSection = (page: Page) => page.getByRole('region', { name: 'Two-step verification' });
const passkeysSection = (page: Page) => page.getByRole('region', { name: 'Passkeys' });

/** What the section shows as the **Setup key**: the base32 secret, maybe in groups. */
async function setupKey(section: Locator): Promise<string> {
  const text = await section.innerText();
  const key = /Setup key\s*:?\s*([A-Z2-7][A-Z2-7 ]*[A-Z2-7])/.exec(text)?.[1]?.replace(/ /g, '');
  if (key === undefined) throw new Error(`No setup key in the section:\n${text}`);
  return key;
}

/**
 * From /account: sets up two-step verification with the code the authenticator app computes from
 * the setup key, and checks the ten recovery codes, shown once. Resolves with the app and them.
 */
async function turnOnTwoStep(page: Page) {
  await openAccount(page);
  const section = twoStepSection(page);
  await section.getByRole('button', { name: 'Set up two-step verification' }).click();
  await expect(
    section.getByRole('img', { name: 'QR code for your authenticator app' }),
  ).toBeVisible();
  const app = new AuthenticatorApp(await setupKey(section));
  expect(app.secret).toMatch(/^[A-Z2-7]{32}$/);

  await section.getByLabel('Authentication code').fill(await app.nextCode());
  await section.getByRole('button', { name: 'Turn on' }).click();

  const list = section.getByRole('list', { name: 'Recovery codes' });
  await expect(list.getByRole('listitem')).toHaveCount(10);
  const recoveryCodes = await list.getByRole('listitem').allInnerTexts();
  expect(new Set(recoveryCodes).size).toBe(10);
  for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  await expect(section.getByRole('button', { name: 'Copy codes' })).toBeVisible();
  await expect(section.getByRole('link', { name: 'Download codes' })).toBeVisible();
  await section.getByRole('button', { name: 'Done' }).click();
  await expect(section).toContainText('Status: On');
  await expect(section).toContainText('10 recovery codes left.');
  // Shown once: gone from the page.
  await expect(list).toHaveCount(0);
  return { app, recoveryCodes };
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/** Logs out, and logs in with the password: the second step asks for the code. */
async function logInAgainToTheSecondStep(page: Page, person: Person) {
  await logOut(page);
  await logIn(page, person.name, person.password);
  await expect(page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
}

const codeField = (page: Page) => page.getByLabel('Authentication code');
const recoveryField = (page: Page) => page.getByLabel('Recovery code');
const verify = (page: Page) => page.getByRole('button', { name: 'Verify' });

/**
 * Set up on /account, then log out and in: after the password, the code of the authenticator
 * app, pasted as apps show it (`123 456`), logs the person in.
 */
export async function setUpThenLogInWithCode(page: Page, identifier: Identifier) {
  const person = await newPerson(page, identifier);
  const { app } = await turnOnTwoStep(page);

  await logInAgainToTheSecondStep(page, person);

  await expect(codeField(page)).toBeFocused();
  await expect(codeField(page)).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(codeField(page)).toHaveAttribute('inputmode', 'numeric');
  const code = await app.nextCode();
  await codeField(page).fill(`${code.slice(0, 3)} ${code.slice(3)}`);
  await verify(page).click();
  await expect(welcome(page, person)).toBeVisible();
}

/** A wrong code is said, the field cleared and focused; the right one then logs in. */
export async function wrongCodeIsSaid(page: Page, identifier: Identifier) {
  const person = await newPerson(page, identifier);
  const { app } = await turnOnTwoStep(page);
  await logInAgainToTheSecondStep(page, person);

  await codeField(page).fill(await app.wrongCode());
  await verify(page).click();

  await expect(page.getByRole('alert')).toHaveText(
    'That code did not work. Enter the code your app shows now.',
  );
  await expect(codeField(page)).toHaveValue('');
  await expect(codeField(page)).toBeFocused();
  await codeField(page).fill(await app.nextCode());
  await verify(page).click();
  await expect(welcome(page, person)).toBeVisible();
}

/** Logs in with a recovery code instead of the app's code. */
async function useRecoveryCode(page: Page, person: Person, code: string) {
  await logInAgainToTheSecondStep(page, person);
  await page.getByRole('button', { name: 'Use a recovery code' }).click();
  await expect(recoveryField(page)).toBeFocused();
  await recoveryField(page).fill(code);
  await verify(page).click();
}

/**
 * A recovery code logs in instead of the app's code, and the account then has nine left; the same
 * code a second time is refused and cleared.
 */
export async function recoveryCodeWorksOnce(page: Page, identifier: Identifier) {
  const person = await newPerson(page, identifier);
  const { recoveryCodes } = await turnOnTwoStep(page);
  const [code = ''] = recoveryCodes;

  await useRecoveryCode(page, person, code);
  await expect(welcome(page, person)).toBeVisible();
  await openAccount(page);
  await expect(twoStepSection(page)).toContainText('9 recovery codes left.');

  await useRecoveryCode(page, person, code);
  await expect(page.getByRole('alert')).toHaveText(
    'That recovery code did not work. Each code works only once.',
  );
  await expect(recoveryField(page)).toHaveValue('');
  await expect(recoveryField(page)).toBeFocused();
  await expect(welcome(page, person)).toHaveCount(0);
}

/**
 * Turn off asks for the current password: a wrong one is refused and changes nothing; the right
 * one turns it off, and the password alone logs in again.
 */
export async function turnOffWithThePassword(page: Page, identifier: Identifier) {
  const person = await newPerson(page, identifier);
  await turnOnTwoStep(page);
  const section = twoStepSection(page);

  await section.getByRole('button', { name: 'Turn off two-step verification' }).click();
  await section.getByLabel('Current password').fill('not-the-password');
  await section.getByRole('button', { name: 'Turn off', exact: true }).click();
  await expect(section.getByRole('alert')).toHaveText('The current password is wrong.');
  await expect(section).toContainText('Status: On');
  await section.getByLabel('Current password').fill(person.password);
  await section.getByRole('button', { name: 'Turn off', exact: true }).click();

  await expect(section.getByRole('status').filter({ hasText: 'off' })).toHaveText(
    'Two-step verification is off.',
  );
  await expect(section).toContainText('Status: Off');
  await expect(section.getByRole('button', { name: 'Set up two-step verification' })).toBeVisible();
  await logOut(page);
  await logIn(page, person.name, person.password);
  await expect(welcome(page, person)).toBeVisible();
}

/** From /account: names and adds a passkey, which the list then shows. */
async function addPasskey(page: Page, name: string) {
  await openAccount(page);
  const section = passkeysSection(page);
  await section.getByLabel('Passkey name').fill(name);
  await section.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'added' })).toHaveText(
    `Passkey “${name}” added.`,
  );
  const listed = section.getByRole('listitem').filter({ hasText: name });
  await expect(listed).toBeVisible();
  return listed;
}

/**
 * A passkey added on /account signs the person in from /login with no password and no second
 * step, even with two-step verification on (a passkey is two factors); the list then says when
 * it was last used.
 */
export async function addPasskeyThenSignIn(
  page: Page,
  identifier: Identifier,
  authenticator: VirtualAuthenticator,
) {
  await withoutPasskeyAutofill(page);
  const person = await newPerson(page, identifier);
  await turnOnTwoStep(page);
  const listed = await addPasskey(page, 'Work laptop');
  expect(await authenticator.passkeyCount()).toBe(1);
  await expect(listed).toContainText('Never used');
  await expect(listed.locator('time')).toHaveCount(1);

  await logOut(page);
  // The field asks browsers that have passkey autofill to offer the person's passkeys.
  await expect(identifierField(page)).toHaveAttribute('autocomplete', /webauthn$/);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();

  await expect(welcome(page, person)).toBeVisible();
  await openAccount(page);
  // Added and last used: two moments now, and no "Never used".
  await expect(listed.locator('time')).toHaveCount(2);
  await expect(listed).not.toContainText('Never used');
}

/**
 * Remove takes the passkey off the list and off the server: the authenticator still offers it,
 * and the server no longer recognises it.
 */
export async function removePasskey(
  page: Page,
  identifier: Identifier,
  authenticator: VirtualAuthenticator,
) {
  await withoutPasskeyAutofill(page);
  await newPerson(page, identifier);
  const listed = await addPasskey(page, 'Old phone');

  await listed.getByRole('button', { name: 'Remove Old phone' }).click();

  await expect(listed).toHaveCount(0);
  await expect(passkeysSection(page).getByRole('status').filter({ hasText: 'removed' })).toHaveText(
    'Passkey “Old phone” removed.',
  );
  await page.reload();
  await expect(passkeysSection(page).getByLabel('Passkey name')).toBeVisible();
  await expect(passkeysSection(page).getByText('Old phone')).toHaveCount(0);
  await logOut(page);
  expect(await authenticator.passkeyCount()).toBe(1);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'This passkey is not registered here. Log in with your password, or choose another passkey.',
  );
  await expect(page).toHaveURL(/\/login$/);
}

/**
 * The passkey among the identifier field's suggestions, which the field asks the browser for:
 * Chromium's virtual authenticator picks it as soon as /login asks, as a person would, and the
 * person is signed in without a password or a click.
 */
export async function passkeyFromAutofill(
  page: Page,
  identifier: Identifier,
  authenticator: VirtualAuthenticator,
) {
  const person = await newPerson(page, identifier);
  await addPasskey(page, 'Phone');
  expect(await authenticator.passkeyCount()).toBe(1);

  await page.getByRole('button', { name: 'Log out', exact: true }).click();

  await expect(welcome(page, person)).toBeVisible();
}
