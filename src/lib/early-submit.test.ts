import { afterEach, describe, expect, it } from 'vitest';
import { EARLY_SUBMIT_SCRIPT, takeHeldSubmit, takeOverFromEarlySubmit } from './early-submit';

/** The prerendered form as the build writes it, then the inline script, as the browser runs it. */
function prerenderedLogin(): {
  root: HTMLElement;
  form: HTMLFormElement;
  button: HTMLButtonElement;
} {
  document.body.innerHTML =
    '<div id="root" data-prerendered="/login" data-login-code="/assets/a.js /assets/b.js">' +
    '<form><input name="username" value="ada">' +
    '<button type="button" disabled>Show password</button>' +
    '<button type="submit" disabled>Log in</button></form></div>';
  const script = document.createElement('script');
  script.textContent = EARLY_SUBMIT_SCRIPT;
  document.body.append(script);
  const root = document.getElementById('root');
  const form = root?.querySelector('form');
  const button = form?.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (!root || !form || !button) throw new Error('fixture incomplete');
  return { root, form, button };
}

const submit = (form: HTMLFormElement) => {
  const event = new Event('submit', { cancelable: true });
  form.dispatchEvent(event);
  return event;
};

afterEach(() => {
  takeHeldSubmit();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('the prerendered login form before the app arrives', () => {
  it('has Log in enabled, and holds a submit instead of letting the browser send the form', () => {
    const { root, form, button } = prerenderedLogin();
    expect(button.disabled).toBe(false);
    expect(form.querySelector('button[type="button"]')).toBeDisabled();

    expect(submit(form).defaultPrevented).toBe(true);
    expect(button.disabled).toBe(true);
    expect(form).toHaveAttribute('aria-busy', 'true');
    // The login request's code starts downloading now, beside the bundle.
    expect(
      [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map(
        (link) => link.getAttribute('href'),
      ),
    ).toEqual(['/assets/a.js', '/assets/b.js']);

    takeOverFromEarlySubmit(root, true);
    expect(takeHeldSubmit()).toEqual({ fields: new Map([['username', 'ada']]), submitted: true });
    expect(takeHeldSubmit()).toBeNull();
  });

  it('keeps what was typed without a submit, for a form rendered afresh to show again', () => {
    const { root } = prerenderedLogin();

    takeOverFromEarlySubmit(root, true);

    expect(takeHeldSubmit()).toEqual({ fields: new Map([['username', 'ada']]), submitted: false });
  });

  it('is handed back as the build rendered it, and leaves later submits to the app', () => {
    const { root, form, button } = prerenderedLogin();

    submit(form);
    takeOverFromEarlySubmit(root, true);

    expect(button).toBeDisabled();
    expect(form).toHaveAttribute('aria-busy', 'false');
    expect(root.hasAttribute('data-early-submit')).toBe(false);
    expect(submit(form).defaultPrevented).toBe(false);
  });

  it('drops a held submit, password included, when the login form will not show', () => {
    const { root, form } = prerenderedLogin();
    submit(form);

    takeOverFromEarlySubmit(root, false);

    expect(takeHeldSubmit()).toBeNull();
  });
});
