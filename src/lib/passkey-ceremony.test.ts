import { describe, expect, it } from 'vitest';
import { isCalledOff, passkeysWorkAt } from './passkey-ceremony';

describe('passkeysWorkAt', () => {
  it.each(['localhost', 'app.example.com', 'xn--bcher-kva.example'])(
    'offers passkeys at %s',
    (host) => {
      expect(passkeysWorkAt(host)).toBe(true);
    },
  );

  it.each(['127.0.0.1', '192.168.1.20', '[::1]', ''])(
    'offers none at %j, which browsers refuse',
    (host) => {
      expect(passkeysWorkAt(host)).toBe(false);
    },
  );
});

describe('isCalledOff', () => {
  it('is quiet about a dialog the person closed or a ceremony another replaced', () => {
    expect(isCalledOff(new DOMException('closed', 'NotAllowedError'))).toBe(true);
    expect(isCalledOff(new DOMException('replaced', 'AbortError'))).toBe(true);
  });

  it('reports anything else', () => {
    expect(isCalledOff(new DOMException('bad rp', 'SecurityError'))).toBe(false);
    expect(isCalledOff('NotAllowedError')).toBe(false);
  });
});
