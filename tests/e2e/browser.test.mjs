// Banana Cake Pop as a person meets it: Debian's Chromium, driven by playwright-core, opens
// /graphql on a live Voting.WebApi, the IDE loads the schema, and a query typed into it runs.
//
// Environment:
//   VOTING_CHROMIUM  the Chromium binary (default /usr/bin/chromium; test.sh installs Debian's)
//
// On failure a screenshot is left in tests/e2e/.test-results/.

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './support/server.mjs';

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), '.test-results');

// As root on a machine without a GPU or a network beyond loopback: no sandbox, no GPU, and none of
// Chromium's own background connections (component updates, sync, field trials), which would fail.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Asks the API itself, as a GraphQL client, for the result the IDE should show. */
async function graphql(server, query) {
  const response = await server.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  assert.equal(response.status, 200, `POST /graphql answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

/** The text of a Monaco editor: its rendered lines, spaces made plain. */
async function editorText(editor) {
  const lines = await editor.locator('.view-line').allInnerTexts();
  return lines.join('\n').replaceAll('\u00a0', ' ');
}

describe('Banana Cake Pop on /graphql', () => {
  let server;
  let browser;
  let userDataDir;
  let page;
  const foreignRequests = [];

  before(async () => {
    server = await startServer({ provider: 'Sqlite', environment: 'Development' });
    userDataDir = await mkdtemp(join(tmpdir(), 'voting-chromium-'));
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.VOTING_CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: chromiumArgs,
      viewport: { width: 1280, height: 800 },
      // The IDE registers a service worker (an offline cache) that reloads the page when it first
      // takes control, which would pull the page away mid-test; without it every file comes from
      // our endpoint, which is what this test is about.
      serviceWorkers: 'block',
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(30_000);
    // The IDE is configured to phone nowhere: every request it makes must stay on our origin.
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${server.baseUrl}/`) && !/^(data|blob):/.test(url)) foreignRequests.push(url);
    });
  });

  after(async () => {
    await browser?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
    await server?.stop();
  });

  /** Runs one step; on failure keeps a screenshot and the server's output with the error. */
  async function step(name, body) {
    try {
      await body();
    } catch (error) {
      await mkdir(resultsDir, { recursive: true });
      const shot = join(resultsDir, `browser-${name.replace(/\W+/g, '-')}.png`);
      await page?.screenshot({ path: shot }).catch(() => {});
      error.message += `\nScreenshot: ${shot}\nServer output:\n${server?.output()}`;
      throw error;
    }
  }

  test('opens the IDE, which loads the schema and runs a query', async () => {
    // What the API answers a plain client: the IDE must show the same. Development seeds an open election.
    const operation = '{ elections { nodes { title } } }';
    const expected = await graphql(server, operation);
    assert.ok(expected.data?.elections?.nodes?.length > 0, JSON.stringify(expected));
    const schema = await graphql(server, '{ __schema { queryType { fields { name } } subscriptionType { name } } }');
    const queryType = schema.data.__schema.queryType;

    await step('open', async () => {
      const response = await page.goto(`${server.baseUrl}/graphql`);
      assert.equal(response.status(), 200);
      // The package names its files relative to its folder, so the IDE lives at /graphql/.
      assert.equal(new URL(page.url()).pathname, '/graphql/');
      await page.getByRole('button', { name: 'Create Document' }).click();
      await page.getByText('Schema available').waitFor();
    });

    await step('query', async () => {
      const request = page.locator('.monaco-editor').first();
      await request.click();
      await page.keyboard.type(operation);
      await request.locator('.view-line', { hasText: 'elections' }).waitFor();
      // The IDE takes the text in after a pause in typing; its "Run" code lens over the operation
      // shows that it has (a click before then would run the empty document).
      await request.getByRole('button', { name: /^Run/ }).waitFor();
      // Even then the IDE may send the document it held a moment earlier (an empty one, answered with
      // a syntax error); what matters is that the query, once the IDE has it, runs and shows our answer.
      const response = page.locator('.monaco-editor').filter({ hasText: /"(data|errors)"/ });
      let text = '';
      for (let attempt = 1; attempt <= 5 && !text.includes('"data"'); attempt++) {
        await page.getByRole('button', { name: /^Run Operation/ }).click();
        await response.waitFor();
        // The pane may still show the previous answer for a moment: give the new one up to 3 s.
        for (let poll = 0; poll < 12 && !text.includes('"data"'); poll++) {
          await page.waitForTimeout(250);
          text = await editorText(response);
        }
      }
      assert.deepEqual(JSON.parse(text), expected, text);
    });

    await step('schema', async () => {
      await page.getByRole('tab', { name: 'Schema Reference' }).click();
      // The reference opens on the query type and lists its fields.
      for (const field of queryType.fields) {
        await page.getByText(field.name, { exact: true }).filter({ visible: true }).first().waitFor();
      }
      assert.match(await page.title(), /Voting$/);
    });

    await step('connection', async () => {
      await page.getByRole('button', { name: 'Connection Settings' }).click();
      const endpoint = page.locator('input#endpoint');
      assert.equal(await endpoint.inputValue(), `${server.baseUrl}/graphql`);
      const subscriptions = page.locator('input#subscriptionEndpoint');
      if (schema.data.__schema.subscriptionType) {
        // Left empty, the IDE subscribes on the HTTP endpoint with http turned into ws.
        const subscriptionUrl = (await subscriptions.inputValue()) || (await subscriptions.getAttribute('placeholder'));
        assert.equal(subscriptionUrl, `${server.baseUrl.replace(/^http/, 'ws')}/graphql`);
      } else {
        // A schema without a subscription type gets no subscription endpoint.
        assert.ok(await subscriptions.isDisabled(), 'the subscription endpoint is offered for a schema without subscriptions');
      }
    });

    assert.deepEqual(foreignRequests, []);
  });
});
