/**
 * The reference Flask backend (examples/flask-api) as the backend tests start it: which Python to
 * run, where flask-jwt-extended comes from, and a process on 127.0.0.1 for a test to talk to.
 *
 * Python with Flask, flask-cors and PyJWT: $PYTHON, else Debian's /usr/bin/python3, else python3.
 * flask-jwt-extended (not a Debian package): an importable one, else the source tree named by
 * FLASK_JWT_EXTENDED_SRC, else ../shared/vendor/flask-jwt-extended beside this repository.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const FLASK_APP = join(repoRoot, 'examples', 'flask-api', 'app.py');

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

let cached: PythonSetup | undefined;

export function flaskPython(): PythonSetup {
  if (cached !== undefined) return cached;
  const candidates = [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter(
    (candidate): candidate is string => candidate !== undefined && candidate !== '',
  );
  const python = candidates.find((candidate) => imports(candidate, 'flask, flask_cors, jwt'));
  if (python === undefined) {
    throw new Error(
      `No Python among ${candidates.join(', ')} imports Flask, flask-cors and PyJWT. On Debian: ` +
        'apt-get install -y python3-flask python3-flask-cors python3-jwt; elsewhere: ' +
        'pip install -r examples/flask-api/requirements.txt (and set PYTHON to that Python).',
    );
  }
  if (imports(python, 'flask_jwt_extended')) return (cached = { python, env: {} });
  const sources = [
    process.env.FLASK_JWT_EXTENDED_SRC,
    join(repoRoot, '..', 'shared', 'vendor', 'flask-jwt-extended'),
  ].filter((source): source is string => source !== undefined && source !== '');
  for (const source of sources) {
    const pythonPath = [source, process.env.PYTHONPATH].filter(Boolean).join(':');
    if (imports(python, 'flask_jwt_extended', pythonPath)) {
      return (cached = { python, env: { PYTHONPATH: pythonPath } });
    }
  }
  throw new Error(
    `${python} cannot import flask_jwt_extended, and neither FLASK_JWT_EXTENDED_SRC nor ` +
      `${sources.join(', ')} holds it. pip install Flask-JWT-Extended, or set ` +
      'FLASK_JWT_EXTENDED_SRC to a checkout of its source.',
  );
}

/** The command line that serves the reference backend on 127.0.0.1:`port`. */
export function flaskCommand(port: number): string[] {
  const { python } = flaskPython();
  return [
    python,
    '-m',
    'flask',
    '--app',
    FLASK_APP,
    'run',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
  ];
}

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

/** Starts the reference backend with `settings` (see examples/flask-api/README.md) and waits for it. */
export async function startFlaskBackend(
  port: number,
  settings: Record<string, string>,
): Promise<RunningBackend> {
  const [command = '', ...args] = flaskCommand(port);
  const child = spawn(command, args, {
    env: { ...process.env, ...flaskPython().env, ...settings },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const origin = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The Flask backend exited:\n${log}`);
    try {
      await (await fetch(`${origin}/protected`)).arrayBuffer();
      return { origin, stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await stop();
  throw new Error(`The Flask backend did not answer on ${origin} within 20 s:\n${log}`);
}
