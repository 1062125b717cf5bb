// Starts Voting.WebApi as a real process on a free loopback port, with its own database,
// and stops it (and drops that database) afterwards.
//
// Environment:
//   VOTING_WEBAPI_DLL     the built Voting.WebApi.dll (default: the Release build in src/WebApi)
//   VOTING_TEST_POSTGRES  an Npgsql connection string to a server where databases may be
//                         created; needed for provider 'Postgres' (test.sh sets it)

import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

const defaultDll = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../src/WebApi/bin/Release/net10.0/Voting.WebApi.dll',
);

// A signal ends the process without its 'exit' handlers, which kill the servers started here: the test runner
// sends SIGTERM to a file's process that passes --test-timeout, Ctrl-C sends SIGINT. Make both an exit.
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => process.exit(128 + (signal === 'SIGTERM' ? 15 : 2)));

const startTimeoutMs = 60_000;
const stopTimeoutMs = 10_000;
const outputLimit = 20 * 1024;

/** A TCP port on 127.0.0.1 that nothing listened on a moment ago. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Reads "Key=Value;..." with keys compared case-insensitively, as Npgsql does. */
function parseConnectionString(text) {
  const pairs = text.split(';').filter((pair) => pair.includes('=')).map((pair) => {
    const at = pair.indexOf('=');
    return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
  });
  const find = (key) => pairs.find(([k]) => k.toLowerCase() === key.toLowerCase());
  return {
    get: (key) => find(key)?.[1],
    set(key, value) {
      const pair = find(key);
      if (pair) pair[1] = value;
      else pairs.push([key, value]);
    },
    toString: () => pairs.map(([k, v]) => `${k}=${v}`).join(';'),
  };
}

/** Creates an empty database next to the one VOTING_TEST_POSTGRES names; its connection string and `drop()`. */
export async function createPostgresDatabase() {
  const base = process.env.VOTING_TEST_POSTGRES;
  if (!base) throw new Error('VOTING_TEST_POSTGRES is not set; test.sh sets it.');
  const parts = parseConnectionString(base);
  const name = `voting_e2e_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const psql = async (sql) => {
    await run(
      'psql',
      ['-h', parts.get('host') ?? '127.0.0.1', '-p', parts.get('port') ?? '5432',
        '-U', parts.get('username') ?? parts.get('user id') ?? 'postgres',
        '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql],
      { env: { ...process.env, PGPASSWORD: parts.get('password') ?? '', PGCONNECT_TIMEOUT: '10' } },
    );
  };
  await psql(`CREATE DATABASE "${name}"`);
  parts.set('Database', name);
  return {
    connectionString: parts.toString(),
    drop: () => psql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/**
 * Starts the API and resolves once GET /health/live answers 200.
 * @param {object} options
 * @param {'Sqlite'|'Postgres'} [options.provider]
 * @param {string} [options.environment] ASPNETCORE_ENVIRONMENT
 * @param {string} [options.connectionString] use this instead of a fresh database
 * @param {Record<string,string>} [options.env] further environment variables (config keys with "__")
 */
export async function startServer({
  provider = 'Sqlite',
  environment = 'Development',
  connectionString,
  env = {},
} = {}) {
  const dll = process.env.VOTING_WEBAPI_DLL || defaultDll;
  const workDir = await mkdtemp(join(tmpdir(), 'voting-e2e-'));
  let database = null;
  if (!connectionString) {
    if (provider === 'Sqlite') {
      connectionString = `Data Source=${join(workDir, 'voting.db')}`;
    } else {
      database = await createPostgresDatabase();
      connectionString = database.connectionString;
    }
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // The working directory is the build output so that appsettings*.json are found.
  const child = spawn('dotnet', [dll, '--urls', baseUrl], {
    cwd: dirname(dll),
    env: {
      ...process.env,
      DOTNET_NOLOGO: '1',
      ASPNETCORE_ENVIRONMENT: environment,
      Database__Provider: provider,
      Database__ConnectionString: connectionString,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  const capture = (chunk) => {
    output = (output + chunk).slice(-outputLimit);
  };
  child.stdout.setEncoding('utf8').on('data', capture);
  child.stderr.setEncoding('utf8').on('data', capture);
  const exited = new Promise((resolveExit) => {
    child.on('exit', (code, signal) => resolveExit({ code, signal }));
    child.on('error', (error) => {
      capture(`\n${error.stack}\n`);
      resolveExit({ code: null, signal: null });
    });
  });
  let running = true;
  exited.then(() => { running = false; });
  // Never leave a server behind, even when the test process dies.
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (running) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      await exited;
      clearTimeout(timer);
    }
    process.off('exit', killOnExit);
    try {
      await database?.drop();
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  };

  const server = {
    baseUrl,
    output: () => output,
    /** fetch() relative to the server. */
    fetch: (path, init) => fetch(new URL(path, baseUrl), init),
    stop,
  };

  const deadline = Date.now() + startTimeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (!running) {
      const { code, signal } = await exited;
      await stop();
      throw new Error(`Voting.WebApi exited (code ${code}, signal ${signal}) before /health/live answered.\n${output}`);
    }
    try {
      const response = await server.fetch('/health/live', { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return server;
      lastProblem = `status ${response.status}`;
    } catch (error) {
      lastProblem = error.cause?.code ?? error.message;
    }
    await new Promise((wake) => setTimeout(wake, 250));
  }
  await stop();
  throw new Error(`Voting.WebApi did not answer 200 on /health/live within ${startTimeoutMs / 1000} s (${lastProblem}).\n${output}`);
}
