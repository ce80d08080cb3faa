// A real Node.js gRPC client (@grpc/grpc-js, with @grpc/proto-loader reading proto/ at run time)
// against a running `polemos serve`. scripts/test-node.sh passes the address and keys.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const ROOT = path.resolve(__dirname, '../..');
const ADDR = process.env.POLEMOS_TEST_ADDR;
const ADMIN = process.env.POLEMOS_TEST_ADMIN_KEY;
const READER = process.env.POLEMOS_TEST_READER_KEY;
const ARTICLE = fs.readFileSync(path.join(ROOT, 'tests/fixtures/kuril-2018.txt'), 'utf8');

const definition = protoLoader.loadSync(
  ['polemos/v1/dossier_service.proto', 'polemos/v1/change_service.proto', 'polemos/v1/extraction_service.proto'],
  { includeDirs: [path.join(ROOT, 'proto')], keepCase: true, longs: String, enums: String, defaults: true, oneofs: true },
);
const v1 = grpc.loadPackageDefinition(definition).polemos.v1;
const creds = grpc.credentials.createInsecure();
const dossier = new v1.DossierService(ADDR, creds);
const changes = new v1.ChangeService(ADDR, creds);
const extraction = new v1.ExtractionService(ADDR, creds);

function auth(key) {
  const md = new grpc.Metadata();
  if (key) md.set('authorization', `Bearer ${key}`);
  return md;
}

function call(client, method, request, key) {
  return new Promise((resolve, reject) => {
    client[method](request, auth(key), (err, res) => (err ? reject(err) : resolve(res)));
  });
}

test('create, get and list with paging', async () => {
  const prefix = 'JS' + crypto.randomBytes(3).toString('hex').toUpperCase();
  for (let i = 0; i < 5; i++) {
    const res = await call(dossier, 'CreateActor', {
      actor: { kind: 'ACTOR_KIND_STATE', display_name: `Js ${i}` },
      actor_id: `${prefix}${i}`,
      request_id: crypto.randomUUID(),
    }, ADMIN);
    assert.equal(res.actor.name, `actors/${prefix}${i}`);
    assert.ok(res.actor.etag);
  }
  const got = await call(dossier, 'GetActor', { name: `actors/${prefix}2` }, READER);
  assert.equal(got.actor.display_name, 'Js 2');
  assert.equal(got.actor.kind, 'ACTOR_KIND_STATE');
  const names = [];
  let token = '';
  do {
    const page = await call(dossier, 'ListActors', { page_size: 2, page_token: token }, READER);
    assert.ok(page.actors.length <= 2);
    names.push(...page.actors.map((a) => a.name));
    token = page.next_page_token;
  } while (token);
  const mine = names.filter((n) => n.startsWith(`actors/${prefix}`));
  assert.deepEqual(mine, [0, 1, 2, 3, 4].map((i) => `actors/${prefix}${i}`));
  assert.equal(new Set(names).size, names.length, 'no actor twice across pages');
});

test('extract on the reference article', async () => {
  const res = await call(extraction, 'Extract', {
    document: { text: ARTICLE, published: '2018-11-15', outlet: 'The Japan Times' },
  }, READER);
  assert.equal(res.facts.documents.length, 1);
  const hash = crypto.createHash('sha256').update(ARTICLE, 'utf8').digest('hex');
  assert.equal(res.facts.documents[0].content_hash, hash);
  assert.ok(res.facts.documents.every((d) => d.etag === ''), 'extract stores nothing');
});

test('a streaming ingest is seen by a watch', async () => {
  const feed = changes.WatchChanges({}, auth(READER));
  // The server answers with headers once it has fixed the stream's start: wait for them so the
  // ingest below is certainly after it.
  const started = new Promise((resolve) => feed.on('metadata', resolve));
  const seen = [];
  const watched = new Promise((resolve, reject) => {
    feed.on('data', (c) => {
      if (c.kind === 'RESOURCE_KIND_DOCUMENT') {
        seen.push(c.name);
        if (seen.length === 2) resolve();
      }
    });
    feed.on('error', (e) => { if (e.code !== grpc.status.CANCELLED) reject(e); });
  });
  await started;
  const tag = crypto.randomBytes(8).toString('hex');
  const results = await new Promise((resolve, reject) => {
    const out = [];
    const stream = extraction.Ingest(auth(ADMIN));
    stream.on('data', (r) => out.push(r));
    stream.on('error', reject);
    stream.on('end', () => resolve(out));
    for (const text of [`Node article one ${tag}.`, `Node article one ${tag}.`, `Node article two ${tag}.`]) {
      stream.write({ document: { text } });
    }
    stream.end();
  });
  assert.deepEqual(results.map((r) => r.outcome), ['INGEST_OUTCOME_CREATED', 'INGEST_OUTCOME_DUPLICATE', 'INGEST_OUTCOME_CREATED']);
  assert.deepEqual(results.map((r) => Number(r.index)), [0, 1, 2]);
  assert.equal(results[1].document, results[0].document);
  await Promise.race([watched, new Promise((_, rej) => setTimeout(() => rej(new Error(`watch saw ${seen}`)), 10000))]);
  feed.cancel();
  assert.deepEqual(seen, [results[0].document, results[2].document]);
});

test('auth failures', async () => {
  await assert.rejects(call(dossier, 'ListActors', {}, null), (e) => e.code === grpc.status.UNAUTHENTICATED);
  await assert.rejects(call(dossier, 'ListActors', {}, 'pk_wrong'), (e) => e.code === grpc.status.UNAUTHENTICATED);
  await assert.rejects(
    call(dossier, 'CreateActor', { actor: { kind: 'ACTOR_KIND_STATE', display_name: 'x' }, actor_id: 'RDRJS' }, READER),
    (e) => e.code === grpc.status.PERMISSION_DENIED,
  );
});

test('bad input', async () => {
  await assert.rejects(call(dossier, 'ListStances', { page_size: -1 }, READER), (e) => e.code === grpc.status.INVALID_ARGUMENT && /page_size/.test(e.details));
  await assert.rejects(call(dossier, 'GetActor', { name: 'actor/JPN' }, READER), (e) => e.code === grpc.status.INVALID_ARGUMENT);
  await assert.rejects(
    call(dossier, 'CreateActor', { actor: { kind: 99, display_name: 'x' }, actor_id: 'ENUMJS' }, ADMIN),
    (e) => e.code === grpc.status.INVALID_ARGUMENT && /actor\.kind/.test(e.details),
  );
  await assert.rejects(call(dossier, 'CreateActor', {}, ADMIN), (e) => e.code === grpc.status.INVALID_ARGUMENT);
  const still = await call(dossier, 'ListActors', { page_size: 1 }, READER);
  assert.ok(Array.isArray(still.actors));
});

test.after(() => {
  dossier.close();
  changes.close();
  extraction.close();
});
