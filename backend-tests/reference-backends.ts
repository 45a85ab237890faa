/**
 * The reference backends (examples/*-api) as the backend tests start them: which Python runs them,
 * the command line, and a process on 127.0.0.1 for a test to talk to.
 *
 * Python: $PYTHON, else Debian's /usr/bin/python3, else python3: the first that imports the
 * framework. flask-jwt-extended (not a Debian package): an importable one, else the source tree
 * named by FLASK_JWT_EXTENDED_SRC, else ../shared/vendor/flask-jwt-extended beside this repository.
 */
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiProfile } from '../src/backends/vocabulary';
import { DIALECTS } from '../src/backends/registry';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const examples = join(repoRoot, 'examples');

interface Framework {
  /** What Python must import to run it. */
  modules: string;
  /** How to get them, for the error message. */
  install: string;
  /** The setting that holds the signing key. */
  secretSetting: string;
  command: (python: string, port: number) => string[];
}

const FRAMEWORKS: Record<ApiProfile, Framework> = {
  'flask-jwt-extended': {
    modules: 'flask, flask_cors, jwt, pyotp, fido2',
    install:
      'apt-get install -y python3-flask python3-flask-cors python3-jwt python3-pyotp ' +
      'python3-fido2; elsewhere: pip install -r examples/flask-api/requirements.txt',
    secretSetting: 'JWT_SECRET_KEY',
    command: (python, port) => [
      python,
      ...['-m', 'flask', '--app', join(examples, 'flask-api', 'app.py'), 'run'],
      ...['--host', '127.0.0.1', '--port', String(port)],
    ],
  },
  fastapi: {
    modules: 'fastapi, uvicorn, multipart, jwt',
    install:
      'apt-get install -y python3-fastapi python3-uvicorn python3-multipart python3-jwt; ' +
      'elsewhere: pip install -r examples/fastapi-api/requirements.txt',
    secretSetting: 'SECRET_KEY',
    command: (python, port) => [
      python,
      ...['-m', 'uvicorn', 'main:app', '--app-dir', join(examples, 'fastapi-api')],
      ...['--host', '127.0.0.1', '--port', String(port), '--log-level', 'warning'],
    ],
  },
  simplejwt: {
    modules: 'django, rest_framework, rest_framework_simplejwt',
    install:
      'apt-get install -y python3-djangorestframework-simplejwt; elsewhere: ' +
      'pip install -r examples/django-api/requirements.txt',
    secretSetting: 'DJANGO_SECRET_KEY',
    command: (python, port) => [
      python,
      join(examples, 'django-api', 'manage.py'),
      ...['serve', `127.0.0.1:${port}`],
    ],
  },
};

export interface PythonSetup {
  python: string;
  /** The environment the backend needs on top of the caller's (PYTHONPATH, when vendored). */
  env: Record<string, string>;
}

function imports(python: string, modules: string, pythonPath?: string): boolean {
  const env = { ...process.env };
  if (pythonPath !== undefined) env.PYTHONPATH = pythonPath;
  return spawnSync(python, ['-c', `import ${modules}`], { env, stdio: 'ignore' }).status === 0;
}

const cached = new Map<ApiProfile, PythonSetup>();

function findPython(profile: ApiProfile): PythonSetup {
  const { modules, install } = FRAMEWORKS[profile];
  const candidates = [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter(
    (candidate): candidate is string => candidate !== undefined && candidate !== '',
  );
  const python = candidates.find((candidate) => imports(candidate, modules));
  if (python === undefined) {
    throw new Error(
      `No Python among ${candidates.join(', ')} imports ${modules}. On Debian: ${install} ` +
        '(and set PYTHON to that Python).',
    );
  }
  if (profile !== 'flask-jwt-extended' || imports(python, 'flask_jwt_extended')) {
    return { python, env: {} };
  }
  const sources = [
    process.env.FLASK_JWT_EXTENDED_SRC,
    join(repoRoot, '..', 'shared', 'vendor', 'flask-jwt-extended'),
  ].filter((source): source is string => source !== undefined && source !== '');
  for (const source of sources) {
    const pythonPath = [source, process.env.PYTHONPATH].filter(Boolean).join(':');
    if (imports(python, 'flask_jwt_extended', pythonPath)) {
      return { python, env: { PYTHONPATH: pythonPath } };
    }
  }
  throw new Error(
    `${python} cannot import flask_jwt_extended, and neither FLASK_JWT_EXTENDED_SRC nor ` +
      `${sources.join(', ')} holds it. pip install Flask-JWT-Extended, or set ` +
      'FLASK_JWT_EXTENDED_SRC to a checkout of its source.',
  );
}

export function pythonFor(profile: ApiProfile): PythonSetup {
  const setup = cached.get(profile) ?? findPython(profile);
  cached.set(profile, setup);
  return setup;
}

/**
 * The command line that serves the reference backend of `profile` on 127.0.0.1:`port`, the
 * environment it needs besides its settings, and the database file to remove before it starts
 * (Django's, one per port), so that every run begins with the seed users and an empty blacklist.
 */
export function backendCommand(profile: ApiProfile, port: number) {
  const { python, env } = pythonFor(profile);
  if (profile !== 'simplejwt') {
    return { command: FRAMEWORKS[profile].command(python, port), env, database: null };
  }
  const database = join(tmpdir(), `gatehouse-django-${String(port)}.sqlite3`);
  return {
    command: FRAMEWORKS[profile].command(python, port),
    env: { ...env, DATABASE_PATH: database },
    database,
  };
}

/**
 * Where the reference backend on `port` appends the e-mails it sends (its MAIL_FILE), for the
 * tests to read the reset links from. One file per port, as Django's database: a second run beside
 * this one (BACKEND_E2E_PORT_OFFSET) has its own, and the suite removes it before the server
 * starts, so that each run reads only its own messages.
 */
export const mailFile = (port: number) => join(tmpdir(), `gatehouse-mail-${String(port)}.jsonl`);

/** What examples/course-project imports besides Flask's reference backend's modules. */
const COURSE_PROJECT_MODULES = 'flask_sqlalchemy, flask_migrate';

/**
 * The command line that serves examples/course-project (the react-flask-hello boilerplate's
 * backend) on 127.0.0.1:`port`, as a student starts it: backend-tests/course-project-server.sh
 * copies it to a temporary folder, runs `flask db init`, `flask db migrate`, `flask db upgrade`
 * and `flask seed-users` on a fresh SQLite database, then `flask run`. With `dist`, a build of
 * the app, Flask serves that too: the app and its API on one origin.
 */
export function courseProjectCommand(port: number, dist?: string) {
  const { python, env } = pythonFor('flask-jwt-extended');
  if (!imports(python, COURSE_PROJECT_MODULES, env.PYTHONPATH)) {
    throw new Error(
      `${python} cannot import ${COURSE_PROJECT_MODULES}, which examples/course-project needs. ` +
        'On Debian: apt-get install -y python3-flask-sqlalchemy python3-flask-migrate ' +
        'python3-dotenv; elsewhere: pip install -r examples/course-project/requirements.txt',
    );
  }
  const script = join(repoRoot, 'backend-tests', 'course-project-server.sh');
  return {
    command: ['bash', script, python, String(port), ...(dist === undefined ? [] : [dist])],
    env,
  };
}

/** The settings that make `profile`'s backend sign with `secret`. */
export const secretSettings = (profile: ApiProfile, secret: string) => ({
  [FRAMEWORKS[profile].secretSetting]: secret,
});

/** A path of `profile`'s API that answers (401) once the server is up: its current user. */
export const probePath = (profile: ApiProfile) => DIALECTS[profile].currentUser.path;

/** A port nothing listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

export interface RunningBackend {
  origin: string;
  stop: () => Promise<void>;
}

/** Starts `profile`'s reference backend with `settings` (its README's) and waits for it. */
export function startBackend(
  profile: ApiProfile,
  port: number,
  settings: Record<string, string>,
): Promise<RunningBackend> {
  return startServer(profile, port, settings, backendCommand(profile, port), probePath(profile));
}

/**
 * Starts examples/course-project (migrated and seeded on a fresh database, as
 * courseProjectCommand does) with `settings` and waits for it. Its API is under /api.
 */
export function startCourseProject(
  port: number,
  settings: Record<string, string>,
): Promise<RunningBackend> {
  return startServer(
    'course project',
    port,
    settings,
    { ...courseProjectCommand(port), database: null },
    `/api${probePath('flask-jwt-extended')}`,
  );
}

async function startServer(
  name: string,
  port: number,
  settings: Record<string, string>,
  {
    command: [command = '', ...args],
    env,
    database,
  }: { command: string[]; env: Record<string, string>; database: string | null },
  probe: string,
): Promise<RunningBackend> {
  const freshStart = () => {
    if (database !== null) rmSync(database, { force: true });
  };
  freshStart();
  const child = spawn(command, args, {
    env: { ...process.env, ...env, ...settings },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const origin = `http://127.0.0.1:${String(port)}`;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
    freshStart();
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The ${name} backend exited:\n${log}`);
    try {
      await (await fetch(`${origin}${probe}`)).arrayBuffer();
      return { origin, stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await stop();
  throw new Error(`The ${name} backend did not answer on ${origin} within 30 s:\n${log}`);
}
