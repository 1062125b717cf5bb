// The health endpoints as an orchestrator sees them: /health/live says the process runs,
// /health/ready says it can serve (its database answers).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freePort, startServer } from './support/server.mjs';

async function getJson(server, path) {
  const response = await server.fetch(path);
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    assert.fail(`${path} answered ${response.status} with a body that is not JSON: ${text}`);
  }
  return { status: response.status, body };
}

function databaseCheck(body) {
  assert.ok(Array.isArray(body.checks), `checks should be an array: ${JSON.stringify(body)}`);
  const check = body.checks.find((c) => c.name === 'database');
  assert.ok(check, `checks should list "database": ${JSON.stringify(body)}`);
  return check;
}

for (const provider of ['Sqlite', 'Postgres']) {
  describe(`${provider} in Development`, () => {
    let server;
    before(async () => {
      server = await startServer({ provider, environment: 'Development' });
    });
    after(() => server?.stop());

    test('/health/live answers 200', async () => {
      const response = await server.fetch('/health/live');
      await response.arrayBuffer();
      assert.equal(response.status, 200);
    });

    test('/health/ready answers 200, Healthy, with a healthy database check', async () => {
      const { status, body } = await getJson(server, '/health/ready');
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(body.status, 'Healthy');
      assert.equal(databaseCheck(body).status, 'Healthy');
    });
  });
}

describe('Postgres unreachable', () => {
  let server;
  before(async () => {
    const port = await freePort();
    server = await startServer({
      provider: 'Postgres',
      environment: 'Development',
      connectionString: `Host=127.0.0.1;Port=${port};Username=postgres;Password=postgres;Database=voting;Timeout=3`,
      env: { Database__MigrateOnStartup: 'false' },
    });
  });
  after(() => server?.stop());

  test('the process is live', async () => {
    const response = await server.fetch('/health/live');
    await response.arrayBuffer();
    assert.equal(response.status, 200);
  });

  test('/health/ready answers 503, Unhealthy, naming the database', async () => {
    const { status, body } = await getJson(server, '/health/ready');
    assert.equal(status, 503, JSON.stringify(body));
    assert.equal(body.status, 'Unhealthy');
    assert.equal(databaseCheck(body).status, 'Unhealthy');
  });
});

