// Drives a running emulator with jsforce (an independent Salesforce client) and fails on any surprise.
// Usage: java -jar target/goodfit-sync.jar emulator --port 18788 --accounts 30 --contacts 2500 --bulk-delay-ms 50
//        cd src/test/jsforce && npm install && EMULATOR_URL=http://127.0.0.1:18788 npm run check
const assert = require('node:assert/strict');
const jsforce = require('jsforce');

const URL = process.env.EMULATOR_URL || 'http://127.0.0.1:18788';
const CLIENT_ID = process.env.EMULATOR_CLIENT_ID || '3MVG9emulator.goodfit.sync.client.id';
const CLIENT_SECRET = process.env.EMULATOR_CLIENT_SECRET || 'EMULATOR-SECRET-0001';
const USERNAME = process.env.EMULATOR_USERNAME || 'integration@goodfit.example';
const PASSWORD = process.env.EMULATOR_PASSWORD || 'emulator-password';

async function check(name, fn) {
  await fn();
  console.log('ok  ' + name);
}

(async () => {
  const oauth2 = new jsforce.OAuth2({ loginUrl: URL, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  const conn = new jsforce.Connection({ oauth2, version: '60.0' });
  const suffix = Date.now().toString(36);

  await check('SOAP login', async () => {
    const soap = new jsforce.Connection({ loginUrl: URL, version: '60.0' });
    const info = await soap.login(USERNAME, PASSWORD);
    assert.equal(soap.instanceUrl, URL);
    assert.match(info.organizationId, /^00D/);
  });
  await check('OAuth password login and failure', async () => {
    await conn.login(USERNAME, PASSWORD);
    assert.equal(conn.instanceUrl, URL);
    await assert.rejects(new jsforce.Connection({ oauth2, version: '60.0' }).login(USERNAME, 'wrong'),
      (e) => e.name === 'invalid_grant');
  });
  await check('identity and limits', async () => {
    assert.equal((await conn.identity()).username, USERNAME);
    assert.ok((await conn.limits()).DailyApiRequests.Max > 0);
  });
  await check('describe', async () => {
    const d = await conn.sobject('Account').describe();
    const key = d.fields.find((f) => f.name === 'GoodFit_ID__c');
    assert.ok(key.externalId && key.unique);
  });
  await check('query, queryMore, autoFetch and Sforce-Limit-Info', async () => {
    const q = await conn.query('SELECT Id, Email, Account.Name FROM Contact');
    assert.equal(q.records.length, Math.min(2000, q.totalSize));
    if (!q.done) {
      const more = await conn.queryMore(q.nextRecordsUrl);
      assert.equal(q.records.length + more.records.length, Math.min(4000, q.totalSize));
    }
    const all = await conn.query('SELECT Id FROM Contact').run({ autoFetch: true, maxFetch: 1000000 });
    assert.equal(all.records.length, all.totalSize);
    assert.ok(conn.limitInfo.apiUsage.used > 0);
  });
  await check('collections create, update, upsert, retrieve, destroy', async () => {
    const created = await conn.sobject('Account').create([{ Name: 'JS ' + suffix, GoodFit_ID__c: 'js-' + suffix },
      { Website: 'no-name.com' }], { allOrNone: false });
    assert.equal(created[0].success, true);
    assert.equal(created[1].errors[0].statusCode, 'REQUIRED_FIELD_MISSING');
    const updated = await conn.sobject('Account').update([{ Id: created[0].id, Website: 'js.example.com' }]);
    assert.equal(updated[0].success, true);
    const upserted = await conn.sobject('Account').upsert([{ GoodFit_ID__c: 'js-' + suffix, Name: 'JS!' },
      { GoodFit_ID__c: 'js2-' + suffix, Name: 'JS 2' }], 'GoodFit_ID__c');
    assert.deepEqual(upserted.map((r) => r.created), [false, true]);
    const retrieved = await conn.sobject('Account').retrieve([created[0].id], { fields: ['Name', 'Website'] });
    assert.equal(retrieved[0].Website, 'js.example.com');
    const destroyed = await conn.sobject('Account').destroy([upserted[1].id]);
    assert.equal(destroyed[0].success, true);
  });
  await check('single-record and query errors', async () => {
    await assert.rejects(conn.sobject('Account').create({ Website: 'y.com' }),
      (e) => e.errorCode === 'REQUIRED_FIELD_MISSING');
    await assert.rejects(conn.query('SELECT Foo FROM Account'), (e) => e.errorCode === 'INVALID_FIELD');
  });
  await check('Bulk API 2.0 ingest with a failed row', async () => {
    conn.bulk2.pollInterval = 100;
    conn.bulk2.pollTimeout = 60000;
    const res = await conn.bulk2.loadAndWaitForResults({ object: 'Account', operation: 'insert',
      input: `Name,GoodFit_ID__c\nBulk A,b1-${suffix}\nBulk B,b2-${suffix}\n,b3-${suffix}\n` });
    assert.equal(res.successfulResults.length, 2);
    assert.match(res.failedResults[0].sf__Error, /^REQUIRED_FIELD_MISSING:/);
  });
  await check('Bulk API 2.0 query', async () => {
    const records = await (await conn.bulk2.query('SELECT Id, Name FROM Account',
      { pollInterval: 100, pollTimeout: 60000 })).toArray();
    assert.ok(records.length > 0 && records[0].Id.startsWith('001'));
  });
  await check('Tooling create and query', async () => {
    const field = `JS_${suffix}__c`;
    const created = await conn.tooling.sobject('CustomField').create({ FullName: 'Account.' + field,
      Metadata: { label: 'JS', type: 'Text', length: 40 } });
    assert.equal(created.success, true);
    const found = await conn.tooling.query('SELECT Id, DeveloperName FROM CustomField WHERE TableEnumOrId = \'Account\'');
    assert.ok(found.records.some((r) => r.DeveloperName === field.replace('__c', '')));
  });
  console.log('jsforce check passed');
})().catch((e) => {
  console.error('jsforce check FAILED', e);
  process.exit(1);
});
