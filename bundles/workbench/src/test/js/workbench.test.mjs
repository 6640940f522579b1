// Unit tests of the workbench's pure logic, run by the system Node.js (node --test) from JUnit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { installFakeDom } from './fake-dom.mjs';

installFakeDom();
const WEB = process.env.WORKBENCH_WEB;
const js = p => import(join(WEB, 'js', p));
const dom = await js('dom.js');
const { vi } = await js('strings-vi.js');
const { en } = await js('strings-en.js');
const i18n = await js('i18n.js');
const { reviewBody, DECISIONS, KINDS, REASONS } = await js('components/review-form.js');
const { toggled, isActive, FACETS } = await js('components/facets.js');
const { problemsOf } = await js('pages/admin/registries.js');
const { filtersFrom, searchHash } = await js('pages/search.js');
const { layout } = await js('components/price-chart.js');
const { riskBand } = await js('ui.js');
const { queryString } = await js('api.js');

test('evidence spans become sorted, merged, clamped ranges; a misplaced span falls back to its text', () => {
  const title = 'Nước mắm Phú Quốc chính hiệu';
  assert.deepEqual(dom.spanRanges(title, [{ start: 9, end: 17, text: 'Phú Quốc' }]), [[9, 17]]);
  assert.deepEqual(dom.spanRanges(title, [{ start: 11, end: 17 }, { start: 0, end: 3 }, { start: 9, end: 13 }]), [[0, 3], [9, 17]]);
  assert.deepEqual(dom.spanRanges(title, [{ start: 40, end: 48, text: 'Phú Quốc' }]), [[9, 17]]);
  assert.deepEqual(dom.spanRanges(title, [{ start: 5, end: 2 }, { start: 0, end: 99 }]), []);
});

test('highlighted text is text nodes and <mark> elements, never parsed markup', () => {
  const hostile = 'Gucci <script>alert(1)</script> <img src=x onerror=alert(1)>';
  const fragment = dom.highlighted(hostile, [{ start: 0, end: 5, text: 'Gucci' }]);
  const kinds = fragment.childNodes.map(n => n.nodeName);
  assert.deepEqual(kinds, ['MARK', '#text']);
  assert.equal(fragment.childNodes[0].textContent, 'Gucci');
  assert.equal(fragment.childNodes[1].textContent, ' <script>alert(1)</script> <img src=x onerror=alert(1)>');
});

test('only http and https URLs become links, with rel=noopener noreferrer', () => {
  assert.equal(dom.httpUrl('javascript:alert(document.cookie)'), null);
  assert.equal(dom.httpUrl(' JavaScript:alert(1)'), null);
  assert.equal(dom.httpUrl('data:text/html,<script>alert(1)</script>'), null);
  assert.equal(dom.httpUrl('//evil.example/x'), null);
  assert.equal(dom.httpUrl('https://shopee.vn/a?b=1'), 'https://shopee.vn/a?b=1');
  const bad = dom.externalLink('javascript:alert(1)', 'x');
  assert.equal(bad.nodeName, 'SPAN');
  assert.equal(bad.getAttribute('href'), null);
  const good = dom.externalLink('http://127.0.0.1:8090/shopee/x', 'y');
  assert.equal(good.nodeName, 'A');
  assert.equal(good.getAttribute('rel'), 'noopener noreferrer');
});

test('event-handler and style attributes and script URLs are refused by the element helpers', () => {
  assert.throws(() => dom.el('img', { attrs: { onerror: 'alert(1)' } }), /refused attribute/);
  assert.throws(() => dom.el('div', { attrs: { style: 'color:red' } }), /refused attribute/);
  assert.throws(() => dom.el('iframe', { attrs: { srcdoc: '<b>' } }), /refused attribute/);
  assert.throws(() => dom.el('a', { attrs: { href: 'javascript:alert(1)' } }), /refused URL/);
  assert.throws(() => dom.el('div', { innerHTML: '<b>x</b>' }), /unknown property/);
  assert.equal(dom.el('a', { attrs: { href: '#/listing/ab' } }).getAttribute('href'), '#/listing/ab');
  assert.equal(dom.el('span', {}, '<b>bold</b>').textContent, '<b>bold</b>');
});

test('both languages have exactly the same keys, and every key the code names exists', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(vi).sort());
  for (const [key, value] of Object.entries(en)) {
    const placeholders = s => (s.match(/\{\w+\}/g) || []).sort().join();
    assert.equal(placeholders(value), placeholders(vi[key]), 'placeholders of ' + key);
  }
  const used = new Set();
  const walk = dir => readdirSync(dir).forEach(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.js')) for (const m of readFileSync(path, 'utf8').matchAll(/\bt\('([^']+)'[,)]/g)) used.add(m[1]);
  });
  walk(join(WEB, 'js'));
  assert.ok(used.size > 100, 'found ' + used.size + ' keys');
  for (const key of used) assert.ok(key in vi, 'missing key ' + key);
  const enumKeys = [...DECISIONS.map(d => 'decision.' + d), ...DECISIONS.map(d => 'review.submit.' + d),
    ...KINDS.map(k => 'kind.' + k), ...REASONS.map(r => 'reason.' + r), ...FACETS.map(f => 'facet.' + f),
    ...['search', 'queue', 'sellers', 'listing', 'seller', 'admin', 'login'].map(r => 'title.' + r),
    ...['search', 'queue', 'sellers', 'admin'].map(r => 'nav.' + r),
    ...['crawls', 'detectors', 'registries', 'users', 'audit'].map(r => 'admin.tab.' + r)];
  for (const key of enumKeys) assert.ok(key in vi, 'missing key ' + key);
});

test('Vietnamese is the default; the choice is remembered and placeholders are filled', () => {
  assert.equal(i18n.lang(), 'vi');
  assert.equal(i18n.t('search.total', { n: 3 }), '3 kết quả');
  i18n.setLang('en');
  assert.equal(window.localStorage.getItem('markguard.lang'), 'en');
  assert.equal(i18n.t('search.total', { n: 3 }), '3 results');
  assert.equal(i18n.label('kind', 'TRADEMARK'), 'Trademark');
  assert.equal(i18n.label('kind', 'SOMETHING_NEW'), 'SOMETHING_NEW');
  i18n.setLang('vi');
});

test('a review body carries what its decision requires, and nothing is sent without it', () => {
  assert.deepEqual(reviewBody({ decision: 'CONFIRMED', kind: 'TRADEMARK', note: '' }).body, { decision: 'CONFIRMED', kind: 'TRADEMARK' });
  assert.ok(reviewBody({ decision: 'DISMISSED', reason: '' }).error);
  assert.ok(reviewBody({ decision: 'DISMISSED', reason: 'OTHER', note: '  ' }).error);
  assert.deepEqual(reviewBody({ decision: 'DISMISSED', reason: 'OFFICIAL_SELLER', note: ' shop chính hãng ' }).body,
    { decision: 'DISMISSED', reason: 'OFFICIAL_SELLER', note: 'shop chính hãng' });
  assert.ok(reviewBody({ decision: 'NOTED', note: '' }).error);
  assert.ok(reviewBody({ decision: 'ASSIGNED', assignee: ' ' }).error);
  assert.deepEqual(reviewBody({ decision: 'ASSIGNED', assignee: 'an.nguyen' }).body, { decision: 'ASSIGNED', assignee: 'an.nguyen' });
  assert.ok(reviewBody({ decision: 'NOTED', note: 'x'.repeat(4001) }).error);
});

test('facet values toggle their filter; the date facet sets from and to', () => {
  assert.deepEqual(toggled({ q: 'a' }, 'platform', 'shopee'), { q: 'a', platform: 'shopee' });
  assert.deepEqual(toggled({ q: 'a', platform: 'shopee' }, 'platform', 'shopee'), { q: 'a' });
  const day = toggled({}, 'date', '2026-12-01');
  assert.deepEqual(day, { from: '2026-12-01', to: '2026-12-01' });
  assert.ok(isActive(day, 'date', '2026-12-01'));
  assert.deepEqual(toggled(day, 'date', '2026-12-01'), {});
});

test('a search round-trips through the hash, keeping only parameters the API knows', () => {
  const hash = searchHash({ q: 'nuoc mam', platform: 'shopee', sort: 'risk', bogus: 'x' });
  assert.equal(hash, '#/search?q=nuoc+mam&platform=shopee&sort=risk');
  assert.deepEqual(filtersFrom(new URLSearchParams(hash.split('?')[1] + '&after=zz&bogus=1')), { q: 'nuoc mam', platform: 'shopee', sort: 'risk' });
  assert.equal(queryString({ q: 'Phú Quốc', after: null, size: 25, empty: '' }), '?q=Ph%C3%BA+Qu%E1%BB%91c&size=25');
});

test('registry rejections are split into one problem per line', () => {
  const { head, items } = problemsOf("brands.json rejected, 2 problems: brands[0].id: missing; brands[3].currency: must be a 3-letter code");
  assert.equal(head, 'brands.json rejected, 2 problems');
  assert.deepEqual(items, ['brands[0].id: missing', 'brands[3].currency: must be a 3-letter code']);
  assert.deepEqual(problemsOf('not valid JSON at line 1').items, []);
});

test('risk bands follow the server (HIGH ≥ 0.7, MEDIUM ≥ 0.4, LOW > 0) and chart points stay inside the chart', () => {
  assert.deepEqual([0.7, 0.69, 0.4, 0.01, 0].map(riskBand), ['HIGH', 'MEDIUM', 'MEDIUM', 'LOW', 'NONE']);
  const placed = layout([{ price: 100, seenAt: '2026-01-01T00:00:00Z' }, { price: 150, seenAt: '2026-02-01T00:00:00Z' },
    { price: 120, seenAt: '2026-03-01T00:00:00Z' }]);
  assert.ok(placed.every(p => p.x >= 0 && p.x <= 560 && p.y >= 0 && p.y <= 180));
  assert.ok(placed[1].y < placed[2].y && placed[2].y < placed[0].y, 'higher prices are drawn higher');
  assert.equal(layout([{ price: 5, seenAt: '2026-01-01T00:00:00Z' }]).length, 1);
});
