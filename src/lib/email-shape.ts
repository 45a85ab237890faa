/**
 * What passes for an email address: something@something.tld, no spaces. The reference backend's
 * rule (examples/flask-api), which the sign-up form checks before sending and the mock enforces.
 */
export const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
