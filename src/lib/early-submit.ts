/**
 * The prerendered /login's **Log in** works before the page's script has arrived. A few lines
 * inline in the HTML (`EARLY_SUBMIT_SCRIPT`, allowed by its hash in the build's script-src) enable
 * the button and hold a submit; the app sends it once it has taken over. Without them the button
 * stays disabled until the whole bundle has downloaded and run, seconds on a slow phone, since an
 * enabled button with no script behind it would let the browser send the form itself (a GET with
 * the password in the address). With scripts off nothing runs, and the button stays disabled.
 */

/** On #root: `ready` once the inline script runs, `submitted` once it has held a submit. */
export const EARLY_SUBMIT_ATTRIBUTE = 'data-early-submit';

/**
 * On the prerendered #root: the files of the login request's chunk, space-separated. A held submit
 * starts fetching them beside the bundle, so that the app can send it as soon as it has hydrated;
 * a visitor who does not log in early never downloads them.
 */
export const LOGIN_CODE_ATTRIBUTE = 'data-login-code';

/**
 * Runs right after #root is parsed. Its submit listener stays on the form after hydration, inert:
 * the app removes the attribute first, and React's own handler takes the submits from then on.
 * Short names, since every byte comes with every /login: `a` the state attribute, `r` #root, `f`
 * the form, `b` its submit button, `h` a file of the login request's code.
 */
export const EARLY_SUBMIT_SCRIPT =
  `(function(){var a='${EARLY_SUBMIT_ATTRIBUTE}',r=document.getElementById('root'),` +
  `f=r&&r.querySelector('form'),b=f&&f.querySelector('button[type="submit"]');if(!b)return;` +
  `r.setAttribute(a,'ready');b.disabled=false;` +
  `f.addEventListener('submit',function(e){if(r.getAttribute(a)!=='ready')return;` +
  `e.preventDefault();r.setAttribute(a,'submitted');b.disabled=true;` +
  `f.setAttribute('aria-busy','true');` +
  `(r.getAttribute('${LOGIN_CODE_ATTRIBUTE}')||'').split(' ').forEach(function(h){if(!h)return;` +
  `var l=document.createElement('link');l.rel='modulepreload';l.href=h;` +
  `document.head.appendChild(l)})})})();`;

/**
 * What was typed into the prerendered form before the app took over, by field name, and whether
 * the inline script held a submit of it.
 */
export interface HeldSubmit {
  fields: ReadonlyMap<string, string>;
  submitted: boolean;
}

let heldSubmit: HeldSubmit | null = null;

/**
 * Right before the app renders: ends the inline script's part, and puts the button back as the
 * build rendered it, so that React hydrates exactly the prerendered HTML. What was typed, and a
 * held submit, are kept for the login form to fill back in and send, when `formWillShow`: a page
 * rendered afresh instead of hydrated (a session ended, another language, a message in the
 * history) starts with empty fields. When the form will not show (someone is logged in already),
 * the submit and its password are dropped here, so that they cannot log anyone in later, when the
 * form shows after a logout.
 */
export function takeOverFromEarlySubmit(root: HTMLElement, formWillShow: boolean): void {
  const state = root.getAttribute(EARLY_SUBMIT_ATTRIBUTE);
  if (state === null) return;
  root.removeAttribute(EARLY_SUBMIT_ATTRIBUTE);
  const form = root.querySelector('form');
  form?.querySelector('button[type="submit"]')?.setAttribute('disabled', '');
  form?.setAttribute('aria-busy', 'false');
  if (form === null || !formWillShow) return;
  const fields = new Map<string, string>();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string') fields.set(name, value);
  }
  heldSubmit = { fields, submitted: state === 'submitted' };
}

/** The submit held for the app to send, once; null when there is none. */
export function takeHeldSubmit(): HeldSubmit | null {
  const held = heldSubmit;
  heldSubmit = null;
  return held;
}
