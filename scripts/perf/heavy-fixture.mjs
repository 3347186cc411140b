#!/usr/bin/env node
// Gives a demo young person years of records, so Home can be measured with a
// heavy phone store (issue 12, "No long freeze"):
//
//   node scripts/perf/heavy-fixture.mjs --base http://127.0.0.1:8391 --user ellie
//
// Everything goes through the real sync API (POST /api/v1/sync/push) in the
// wire format the app sends, signed in as the young person and as her PA, so
// the server checks every change as it would a phone's. Ids are derived from
// the user name and a counter, never random: a second run sends the same
// mutations, which the server answers "already applied", so nothing doubles.
// Any refused change or failed request stops the run with a non-zero exit.

import { createHash } from 'node:crypto';

const PASSPHRASE = 'pathway-demo';
const PA_OF = { ellie: 'pa.dan' };
// The server takes at most this many mutations in one push (model MAX_BATCH)
// and a body of at most 64 KiB (server BODY_LIMIT_BYTES).
const MAX_BATCH = 200;
const MAX_BYTES = 60 * 1024;
// How many of each kind: together with one tracker entry per offer item,
// plan sections and the review, well over 1,000 records.
const TOPICS = 560;
const MY_HEALTH = 190;
const PA_HEALTH = 130;
const COMMENTS = 130;
const YEARS = 6;

function args() {
  const out = { base: 'http://127.0.0.1:8080', user: 'ellie' };
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i += 2) {
    if (a[i] === '--base') out.base = a[i + 1].replace(/\/$/, '');
    else if (a[i] === '--user') out.user = a[i + 1];
    else fail(`unknown argument ${a[i]} (use --base URL --user NAME)`);
  }
  return out;
}

function fail(message) {
  console.error(`heavy-fixture: ${message}`);
  process.exit(1);
}

// RFC 4122 name-based (v5) id, so the same name always gives the same id.
function uuidV5(namespace, name) {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(Buffer.from(name, 'utf8')).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// The model's namespaces for ids every device must agree on
// (entitlement::record_id, plan::section_id, plan::review_id).
const ENTITLEMENT_NS = '7a31c0de-2e5b-4f0a-8d6e-91b4c3f20a57';
const SECTION_NS = '51a09e3c-77d2-4b61-a0c5-3f18d4e26b90';
const REVIEW_NS = '51a09e3c-77d2-4b61-a0c5-3f18d4e26b91';
// This script's own namespace, for its record, mutation and device ids.
const FIXTURE_NS = 'c7e1a3f0-5b2d-4e8a-9f61-0d3b7a2c8e14';
const US = '\u001f';

async function signIn(base, username) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, passphrase: PASSPHRASE }),
  });
  if (!res.ok) fail(`sign-in as ${username}: HTTP ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').match(/pathway_session=[^;]+/)?.[0];
  if (!cookie) fail(`sign-in as ${username}: no session cookie`);
  return { cookie, me: await res.json() };
}

// A push over the person's figure for a minute (model sync::limits) is
// answered 429 with Retry-After: wait that long and send it again, as the
// app does.
async function api(base, cookie, method, path, body) {
  let res;
  for (;;) {
    res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (res.status !== 429 || path !== '/sync/push') break;
    const wait = Number(res.headers.get('retry-after')) || 60;
    console.error(`heavy-fixture: the server asked for a pause; waiting ${wait} s`);
    await new Promise((r) => setTimeout(r, wait * 1000));
  }
  if (!res.ok) fail(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

// One device: numbers its mutations 1, 2, 3… as the app's outbox does.
function device(name) {
  const clientId = uuidV5(FIXTURE_NS, `device${US}${name}`);
  let seq = 0;
  return (entity, recordId, payload, { owner = null, base = null } = {}) => {
    seq += 1;
    return {
      mutation_id: uuidV5(FIXTURE_NS, `mutation${US}${name}${US}${seq}`),
      client_id: clientId,
      seq,
      entity,
      record_id: recordId,
      op: 'put',
      payload,
      base_version: base,
      owner_id: owner,
    };
  };
}

// Pushes in batches; any answer but applied (or applied before) is an error.
// Gives each record's version, for changes made on top of it.
async function push(base, cookie, mutations) {
  const versions = new Map();
  for (const batch of batches(mutations)) {
    const { results } = await api(base, cookie, 'POST', '/sync/push', { mutations: batch });
    for (const [j, r] of results.entries()) {
      const st = r.result.status;
      if (st !== 'applied' && st !== 'already_applied') {
        fail(`push of ${batch[j].entity} ${batch[j].record_id}: ${st} ${JSON.stringify(r.result)}`);
      }
      versions.set(batch[j].record_id, r.result.version);
    }
  }
  return versions;
}

// Splits mutations into pushes the server will take whole.
function batches(mutations) {
  const out = [[]];
  let bytes = 0;
  for (const m of mutations) {
    const size = JSON.stringify(m).length + 1;
    if (out.at(-1).length === MAX_BATCH || bytes + size > MAX_BYTES) {
      out.push([]);
      bytes = 0;
    }
    out.at(-1).push(m);
    bytes += size;
  }
  return out.filter((b) => b.length);
}

// A day `daysAgo` before `today`, as YYYY-MM-DD.
function day(today, daysAgo) {
  return new Date(today.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

// Spreads item `i` of `n` evenly over the years, newest last.
const ago = (i, n) => Math.round(((n - 1 - i) / Math.max(n - 1, 1)) * YEARS * 365);

const SUBJECTS = ['rent', 'college', 'my bank account', 'the dentist', 'a bus pass', 'my sister', 'driving lessons',
  'my council tax', 'a laptop', 'my passport', 'counselling', 'the gas bill', 'a part-time job', 'moving flat'];
const ASKS = ['Can we talk about', 'I need help with', 'What happens with', 'Remind me to ask about', 'Worried about'];
const HEALTH_KINDS = ['appointment', 'note', 'medicine', 'immunisation', 'condition', 'allergy', 'practitioner'];
const AREAS = ['home', 'money', 'education_work', 'health', 'relationships_identity', 'living_skills', 'contingency'];
const STATUSES = ['asked', 'claimed', 'not_for_me', 'asked', 'claimed'];

// Fields for one health entry of `kind`, with only the fields that kind may have.
function healthFields(kind, i, date, author, recordedBy) {
  const f = {
    kind,
    author,
    title: `${kind.replace('_', ' ')} ${i + 1}: ${SUBJECTS[i % SUBJECTS.length]}`,
    date,
    details: `Written ${date}. ${'Details of what was said and what to do next. '.repeat(1 + (i % 3))}`.trim(),
    recorded_by: recordedBy,
    visibility: author === 'me' ? ['my_pa', 'me_only', 'my_pa_and_health'][i % 3] : ['my_pa', 'my_pa_and_health'][i % 2],
  };
  // Only she chooses what goes in her passport.
  if (author === 'me') f.in_passport = i % 4 === 0;
  else f.source = `health assessment, ${date.slice(0, 7)}`;
  if (kind === 'allergy') f.severity = ['mild', 'moderate', 'severe'][i % 3];
  if (kind === 'medicine') f.dose = 'one tablet twice a day';
  if (kind === 'practitioner') f.phone = '0151 555 0' + String(100 + (i % 800)).padStart(3, '0');
  return f;
}

async function main() {
  const { base, user } = args();
  const pa = PA_OF[user];
  if (!pa) fail(`no PA known for ${user} (known: ${Object.keys(PA_OF).join(', ')})`);
  const young = await signIn(base, user);
  const staff = await signIn(base, pa);
  const owner = young.me.person_id;
  const council = young.me.council.id;
  const today = new Date();
  const made = {};
  const count = (kind, n) => (made[kind] = (made[kind] ?? 0) + n);
  const id = (kind, i) => uuidV5(FIXTURE_NS, `${user}${US}${kind}${US}${i}`);

  // The young person's phone: topics, tracker entries, her own health
  // entries and comments on her plan.
  const mine = device(`${user}${US}phone`);
  const hers = [];
  for (let i = 0; i < TOPICS; i++) {
    // The older ones ticked off and talked about, as years of meetings leave them.
    const old = i < TOPICS - 40;
    hers.push(mine('topic', id('topic', i), {
      text: `${ASKS[i % ASKS.length]} ${SUBJECTS[(i * 7) % SUBJECTS.length]} (${day(today, ago(i, TOPICS))})`,
      done: old && i % 5 !== 0,
      talked_about: old,
    }));
  }
  count('topic', TOPICS);
  const { items } = await api(base, young.cookie, 'GET', '/offer');
  if (!items?.length) fail('the offer has no items to track');
  items.forEach((item, i) => {
    const rid = uuidV5(ENTITLEMENT_NS, `${owner}${US}${council}${US}${item.id}`);
    hers.push(mine('entitlement', rid, {
      council_id: council,
      item_id: item.id,
      status: STATUSES[i % STATUSES.length],
      date: day(today, ago(i, items.length)),
      note: i % 2 ? `Asked my PA about ${item.title}.` : null,
    }));
  });
  count('entitlement', items.length);
  for (let i = 0; i < MY_HEALTH; i++) {
    const kind = HEALTH_KINDS[i % HEALTH_KINDS.length];
    hers.push(mine('health_entry', id('health', i), healthFields(kind, i, day(today, ago(i, MY_HEALTH)), 'me', 'Me')));
  }
  count('health_entry (hers)', MY_HEALTH);
  for (let i = 0; i < COMMENTS; i++) {
    hers.push(mine('plan_comment', id('comment', i), {
      area: AREAS[i % AREAS.length],
      text: `Comment ${i + 1} (${day(today, ago(i, COMMENTS))}): I would like more help with ${SUBJECTS[i % SUBJECTS.length]}.`,
    }));
  }
  count('plan_comment', COMMENTS);
  const versions = await push(base, young.cookie, hers);

  // The PA's laptop: the plan's goals, health entries from assessments over
  // the years, replies to a third of her comments and a review date.
  const laptop = device(`${user}${US}pa`);
  const his = [];
  AREAS.forEach((area, i) => {
    his.push(laptop('plan_section', uuidV5(SECTION_NS, `${owner}${US}section${US}${area}`), {
      area,
      goals: `Goals for ${area.replace('_', ' ')}: keep going with ${SUBJECTS[i]} and check in every month.`,
      next_steps: `Next: sort out ${SUBJECTS[(i + 3) % SUBJECTS.length]}.`,
      who: 'Dan (PA) and Ellie',
      by_when: day(today, -30 * (i + 1)),
    }, { owner }));
  });
  count('plan_section', AREAS.length);
  // The demo already gives her a last review (issue 14's contact rhythm);
  // the laptop sets only the next one, so it changes no field it never saw.
  his.push(laptop('plan_review', uuidV5(REVIEW_NS, `${owner}${US}review`), {
    next_review: day(today, -90),
  }, { owner }));
  count('plan_review', 1);
  for (let i = 0; i < PA_HEALTH; i++) {
    const kind = HEALTH_KINDS[(i + 2) % HEALTH_KINDS.length];
    his.push(laptop('health_entry', id('pa-health', i),
      healthFields(kind, i, day(today, ago(i, PA_HEALTH)), 'professional', 'Dan (PA)'), { owner }));
  }
  count('health_entry (by her PA)', PA_HEALTH);
  for (let i = 0; i < COMMENTS; i += 3) {
    const rid = id('comment', i);
    his.push(laptop('plan_comment', rid, { reply: `Thanks Ellie, we'll talk about this at our next meeting.` },
      { base: versions.get(rid) }));
  }
  await push(base, staff.cookie, his);

  const total = Object.values(made).reduce((a, b) => a + b, 0);
  for (const [kind, n] of Object.entries(made)) console.log(`${kind.padEnd(26)} ${n}`);
  console.log(`${'records'.padEnd(26)} ${total} (and ${Math.ceil(COMMENTS / 3)} PA replies on comments)`);
  const pulled = await pullCount(base, young.cookie);
  console.log(`${user} now pulls ${pulled} records`);
  if (pulled < 1000) fail(`${user} has only ${pulled} records, fewer than 1,000`);
}

// How many records the young person's phone would pull from scratch.
async function pullCount(base, cookie) {
  let since = 0;
  let n = 0;
  const client = uuidV5(FIXTURE_NS, 'counting device');
  for (;;) {
    const p = await api(base, cookie, 'GET', `/sync/pull?since=${since}&client_id=${client}`);
    n += p.changes.length;
    since = p.cursor;
    if (!p.has_more) return n;
  }
}

main().catch((e) => fail(e?.stack ?? String(e)));
