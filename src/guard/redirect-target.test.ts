import { describe, expect, it } from 'vitest';
import { redirectTargetFrom, safeRedirectPath } from './redirect-target';

describe('safeRedirectPath', () => {
  it.each([
    ['/profile?tab=details#top', '/profile?tab=details#top'],
    ['/', '/'],
    ['/profile', '/profile'],
    ['/reports/2024?sort=desc&page=2', '/reports/2024?sort=desc&page=2'],
    ['/profile#top', '/profile#top'],
  ])('keeps the app path %j with its query and hash', (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });

  it.each([
    ['a protocol-relative URL', '//evil.example'],
    ['a protocol-relative URL with a path', '//evil.example/profile'],
    ['an absolute https URL', 'https://evil.example'],
    ['an absolute http URL with a path', 'http://evil.example/profile'],
    ['a backslash that browsers read as a slash', '/\\evil.example'],
    ['two backslashes', '\\\\evil.example'],
    ['a tab that browsers drop', '/\t/evil.example'],
    ['a newline that browsers drop', '/\n/evil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['a scheme without slashes', 'http:evil.example'],
    ['a relative path', 'profile'],
    ['an empty string', ''],
    ['the login page itself', '/login'],
    ['the login page with a query', '/login?next=/profile'],
    ['the login page with a hash', '/login#form'],
    ['a path that normalises to the login page', '/profile/../login'],
    ['the sign-up page', '/signup'],
  ])('rejects %s (%j)', (_case, value) => {
    expect(safeRedirectPath(value)).toBeNull();
  });

  it.each([
    ['a dot segment', '/.//evil.example'],
    ['a parent segment', '/x/..//evil.example'],
    ['an encoded parent segment', '/x/%2e%2e//evil.example'],
  ])('never returns a protocol-relative URL, even after %s is resolved (%j)', (_case, value) => {
    expect(safeRedirectPath(value) ?? '(rejected)').not.toMatch(/^\/\//);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an object', { pathname: '/profile' }],
    ['an array', ['/profile']],
  ])('rejects %s', (_case, value) => {
    expect(safeRedirectPath(value)).toBeNull();
  });
});

describe('redirectTargetFrom', () => {
  it('goes to the page the guard remembered in state.from', () => {
    expect(redirectTargetFrom({ search: '', state: { from: '/profile?tab=details#top' } })).toBe(
      '/profile?tab=details#top',
    );
  });

  it.each(['next', 'redirectTo', 'returnTo'])('reads the %s query parameter', (name) => {
    const search = `?${name}=${encodeURIComponent('/profile?tab=details#top')}`;
    expect(redirectTargetFrom({ search, state: null })).toBe('/profile?tab=details#top');
  });

  it('prefers state.from over a query parameter', () => {
    expect(redirectTargetFrom({ search: '?next=/reports', state: { from: '/profile' } })).toBe(
      '/profile',
    );
  });

  it('prefers next, then redirectTo, then returnTo', () => {
    expect(redirectTargetFrom({ search: '?returnTo=/c&redirectTo=/b&next=/a', state: null })).toBe(
      '/a',
    );
    expect(redirectTargetFrom({ search: '?returnTo=/c&redirectTo=/b', state: null })).toBe('/b');
  });

  it('skips an unsafe candidate and takes the next safe one', () => {
    expect(
      redirectTargetFrom({
        search: `?next=${encodeURIComponent('//evil.example')}&returnTo=/profile`,
        state: { from: 'https://evil.example' },
      }),
    ).toBe('/profile');
  });

  it.each([
    ['nothing at all', { search: '', state: null }],
    ['a state without from', { search: '', state: { other: '/profile' } }],
    ['a state that is not an object', { search: '', state: '/profile' }],
    ['a state.from that is not a string', { search: '', state: { from: { pathname: '/x' } } }],
    ['only unsafe targets', { search: '?next=https://evil.example&returnTo=/login', state: null }],
    ['an empty parameter', { search: '?next=', state: null }],
    ['an unrelated parameter', { search: '?redirect=/profile', state: null }],
  ])('falls back to / for %s', (_case, location) => {
    expect(redirectTargetFrom(location)).toBe('/');
  });
});
