import { describe, expect, it } from 'vitest';
import { createBuildManifest } from './build-manifest';
import { servingWarnings } from './serving-warnings';

const sameOrigin = createBuildManifest({
  apiUrl: '',
  mocking: false,
  apiProfile: 'flask-jwt-extended',
});
const crossOrigin = createBuildManifest({
  apiUrl: 'https://api.example.com/v1',
  mocking: false,
  apiProfile: 'flask-jwt-extended',
});
const withMock = createBuildManifest({
  apiUrl: '',
  mocking: true,
  apiProfile: 'flask-jwt-extended',
});

describe('servingWarnings', () => {
  it('says nothing when the environment agrees with the build, or is silent', () => {
    expect(servingWarnings({}, crossOrigin, '')).toEqual([]);
    expect(servingWarnings({ VITE_API_URL: '', VITE_API_MOCKING: '' }, crossOrigin, '')).toEqual(
      [],
    );
    expect(
      servingWarnings(
        { VITE_API_URL: 'https://api.example.com/v1/', VITE_API_MOCKING: 'false' },
        crossOrigin,
        '',
      ),
    ).toEqual([]);
    expect(servingWarnings({}, sameOrigin, 'http://127.0.0.1:5000')).toEqual([]);
  });

  it('names the API the build calls, and the command that builds for the other one', () => {
    expect(servingWarnings({ VITE_API_URL: 'http://127.0.0.1:5000' }, sameOrigin, '')).toEqual([
      'VITE_API_URL=http://127.0.0.1:5000 is set, but this build calls the API at its own ' +
        'origin: the URL was baked in when it was built, and its security headers allow that ' +
        'API only. To call http://127.0.0.1:5000, build again: ' +
        'VITE_API_URL=http://127.0.0.1:5000 npm run build.',
    ]);
  });

  it('says the dialect was decided by the build', () => {
    expect(servingWarnings({ VITE_API_PROFILE: 'flask-jwt-extended' }, sameOrigin, '')).toEqual([]);
    expect(servingWarnings({ VITE_API_PROFILE: 'FastAPI' }, sameOrigin, '')).toEqual([
      'VITE_API_PROFILE=FastAPI is set, but this build speaks flask-jwt-extended: the dialect was ' +
        "baked in when it was built, and a proxy forwards that dialect's paths. To talk to a " +
        'FastAPI backend, build again: VITE_API_PROFILE=FastAPI npm run build.',
    ]);
  });

  it('says the mock was decided by the build', () => {
    const [warning] = servingWarnings({ VITE_API_MOCKING: 'true' }, sameOrigin, '');
    expect(warning).toMatch(
      /^VITE_API_MOCKING=true is set, but this build was made with the mock API off/,
    );
  });

  it('says when the proxy can receive nothing: a build that calls another origin, or the mock', () => {
    const [direct] = servingWarnings({}, crossOrigin, 'http://127.0.0.1:5000');
    expect(direct).toContain('this build calls the API at https://api.example.com/v1 directly');
    const [mocked] = servingWarnings({}, withMock, 'http://127.0.0.1:5000');
    expect(mocked).toContain('this build carries the mock API');
  });
});
