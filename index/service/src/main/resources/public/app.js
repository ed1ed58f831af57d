// newsctl search UI: plain JavaScript over /api. State lives in the page URL (shareable links);
// text from the index is inserted as text, only the server's escaped highlight HTML as HTML.
(function () {
  'use strict';
  const FACETS = { companies: 'company', chips: 'chip', people: 'person', sites: 'site', sources: 'source', tags: 'tag' };
  const FACET_TITLES = { companies: '公司', chips: '芯片', people: '人物', sites: '网站', sources: '来源', tags: '标签' };
  const FILTER_TITLES = { company: '公司', chip: '芯片', person: '人物', site: '网站', source: '来源', tag: '标签', figure: '数字', from: '起', to: '止' };
  const MULTI = ['company', 'chip', 'person', 'site', 'source', 'tag', 'figure'];
  const $ = (id) => document.getElementById(id);
  let next = null;

  function params() { return new URLSearchParams(location.search); }

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function showError(message) {
    $('error').textContent = message;
    $('error').hidden = !message;
  }

  // With authentication on, the API wants a key: asked for once, kept for this tab only.
  const KEY = 'newsctl.apiKey';
  function headers(accept) {
    const h = { Accept: accept };
    const key = sessionStorage.getItem(KEY);
    if (key) h['X-API-Key'] = key;
    return h;
  }

  async function authorizedFetch(url, accept) {
    let response = await fetch(url, { headers: headers(accept) });
    if (response.status === 401) {
      const key = window.prompt('API key');
      if (key) {
        sessionStorage.setItem(KEY, key.trim());
        response = await fetch(url, { headers: headers(accept) });
      }
    }
    return response;
  }

  async function getJson(url) {
    const response = await authorizedFetch(url, 'application/json');
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || ('HTTP ' + response.status));
    return body;
  }

  // An export link is a plain download unless a key is needed: then fetched with it and saved.
  async function exportWithKey(event) {
    if (!sessionStorage.getItem(KEY)) return;
    event.preventDefault();
    const response = await authorizedFetch(event.currentTarget.href, '*/*');
    if (!response.ok) { showError('HTTP ' + response.status); return; }
    const name = (response.headers.get('Content-Disposition') || '').match(/filename="?([^";]+)/);
    const link = el('a', { href: URL.createObjectURL(await response.blob()), download: name ? name[1] : 'export' });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  }

  function navigate(p) {
    p.delete('after');
    history.pushState(null, '', '?' + p.toString());
    run();
  }

  function formToParams() {
    const p = params();
    p.set('q', $('q').value.trim());
    p.set('sort', $('sort').value);
    ['from', 'to'].forEach((k) => { if ($(k).value) p.set(k, $(k).value); else p.delete(k); });
    if ($('figure').value.trim()) { p.append('figure', $('figure').value.trim()); $('figure').value = ''; }
    if ($('collapse').checked) p.delete('collapse'); else p.set('collapse', 'false');
    for (const [k, v] of [...p.entries()]) if (v === '') p.delete(k);
    return p;
  }

  function paramsToForm(p) {
    $('q').value = p.get('q') || '';
    $('sort').value = p.get('sort') || 'relevance';
    $('from').value = p.get('from') || '';
    $('to').value = p.get('to') || '';
    $('collapse').checked = p.get('collapse') !== 'false';
  }

  function renderActive(p) {
    const box = $('active');
    box.replaceChildren();
    for (const [k, v] of p.entries()) {
      if (!FILTER_TITLES[k]) continue;
      const chip = el('span', { class: 'chip', 'data-param': k, 'data-value': v }, FILTER_TITLES[k] + '：' + v);
      const remove = el('button', { type: 'button', 'aria-label': '移除' }, '×');
      remove.addEventListener('click', () => {
        const q = params();
        const kept = q.getAll(k).filter((x) => x !== v);
        q.delete(k);
        kept.forEach((x) => q.append(k, x));
        navigate(q);
      });
      chip.appendChild(remove);
      box.appendChild(chip);
    }
  }

  function renderFacets(facets, p) {
    const box = $('facets');
    box.replaceChildren();
    for (const [name, values] of Object.entries(facets || {})) {
      if (!values.length) continue;
      box.appendChild(el('h2', {}, FACET_TITLES[name] || name));
      const list = el('ul', { 'data-facet': name });
      for (const v of values) {
        const item = el('li');
        const button = el('button', { type: 'button', class: 'facet-value', 'data-facet': name, 'data-value': v.value });
        button.appendChild(el('span', { class: 'name' }, v.value));
        button.appendChild(el('span', { class: 'count' }, String(v.count)));
        button.addEventListener('click', () => {
          const q = params();
          if (!q.getAll(FACETS[name]).includes(v.value)) q.append(FACETS[name], v.value);
          navigate(q);
        });
        item.appendChild(button);
        list.appendChild(item);
      }
      box.appendChild(list);
    }
  }

  function renderHistogram(buckets, interval) {
    const box = $('histogram');
    box.replaceChildren();
    const max = Math.max(1, ...buckets.map((b) => b.count));
    for (const b of buckets) {
      const bar = el('div', { class: 'bar', title: b.start.slice(0, 10) + '（' + interval + '）：' + b.count });
      bar.style.height = Math.max(2, Math.round(60 * b.count / max)) + 'px';
      box.appendChild(bar);
    }
  }

  function hitItem(hit) {
    const li = el('li', { class: 'hit', 'data-id': hit.id });
    const title = el('a', { class: 'title-link', href: '#' + hit.id, 'data-id': hit.id });
    if (hit.titleHighlight) title.innerHTML = hit.titleHighlight; else title.textContent = hit.title || '（无标题）';
    title.addEventListener('click', (e) => { e.preventDefault(); openArticle(hit.id); });
    li.appendChild(title);
    if (hit.reposts > 0) li.appendChild(el('span', { class: 'reposts' }, '另有 ' + hit.reposts + ' 篇转载'));
    const meta = [hit.publishedAt ? hit.publishedAt.slice(0, 16).replace('T', ' ') : '', hit.site, hit.originalSource, hit.author]
      .filter(Boolean).join(' · ');
    li.appendChild(el('p', { class: 'meta' }, meta));
    for (const s of hit.snippets || []) {
      const p = el('p', { class: 'snippet' });
      p.innerHTML = s; // escaped by the server's highlighter; only <em> is markup
      li.appendChild(p);
    }
    const entities = [...(hit.companies || []), ...(hit.chips || [])].join('、');
    if (entities) li.appendChild(el('p', { class: 'meta entities' }, entities));
    return li;
  }

  async function run(append) {
    const p = params();
    if (!append) paramsToForm(p);
    renderActive(p);
    const api = new URLSearchParams(p);
    if (append && next) api.set('after', next);
    showError('');
    try {
      const page = await getJson('api/search?' + api.toString());
      next = page.next;
      if (!append) {
        $('results').replaceChildren();
        renderFacets(page.facets, p);
        renderHistogram(page.histogram || [], page.interval || '');
        $('summary').textContent = '找到 ' + page.total + ' 篇' + (p.get('collapse') !== 'false' ? '（' + page.stories + ' 个事件）' : '')
          + '，用时 ' + page.tookMs + ' 毫秒';
      }
      page.hits.forEach((h) => $('results').appendChild(hitItem(h)));
      $('more').hidden = !next;
      const exportParams = new URLSearchParams(p);
      ['sort', 'collapse', 'after'].forEach((k) => exportParams.delete(k));
      exportParams.set('format', 'csv');
      $('export-csv').href = 'api/export?' + exportParams.toString();
      exportParams.set('format', 'jsonl');
      $('export-jsonl').href = 'api/export?' + exportParams.toString();
    } catch (e) {
      showError(e.message);
      if (!append) { $('results').replaceChildren(); $('summary').textContent = ''; }
    }
  }

  async function openArticle(id) {
    try {
      const a = await getJson('api/articles/' + encodeURIComponent(id));
      $('article-title').textContent = a.title || '';
      $('article-meta').textContent = [a.published_at, a.site, a.original_source, a.author].filter(Boolean).join(' · ');
      const link = el('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, '原文');
      $('article-meta').append(' · ', link);
      const entities = $('entities').tBodies[0];
      entities.replaceChildren();
      for (const e of a.entities || []) {
        const tr = el('tr');
        [e.type, e.canonical || e.name, e.id || '', e.count].forEach((v) => tr.appendChild(el('td', {}, String(v ?? ''))));
        entities.appendChild(tr);
      }
      const figures = $('figures').tBodies[0];
      figures.replaceChildren();
      for (const f of a.figures || []) {
        const tr = el('tr');
        [f.metric || '', f.value, f.unit || '', f.subject || '', f.period || '', f.text || ''].forEach((v) => tr.appendChild(el('td', {}, String(v ?? ''))));
        figures.appendChild(tr);
      }
      const body = $('article-body');
      body.replaceChildren();
      (a.body || '').split(/\n{2,}/).forEach((para) => body.appendChild(el('p', {}, para)));
      $('article').hidden = false;
      document.querySelector('main').classList.add('reading');
      const related = $('related');
      related.replaceChildren();
      const r = await getJson('api/articles/' + encodeURIComponent(id) + '/related');
      for (const h of r.hits) {
        const li = el('li');
        const link = el('a', { href: '#' + h.id, class: 'related-link' }, h.title || h.id);
        link.addEventListener('click', (e) => { e.preventDefault(); openArticle(h.id); });
        li.appendChild(link);
        related.appendChild(li);
      }
    } catch (e) {
      showError(e.message);
    }
  }

  $('search-form').addEventListener('submit', (e) => { e.preventDefault(); navigate(formToParams()); });
  $('more').addEventListener('click', () => run(true));
  $('export-csv').addEventListener('click', exportWithKey);
  $('export-jsonl').addEventListener('click', exportWithKey);
  $('close-article').addEventListener('click', () => {
    $('article').hidden = true;
    document.querySelector('main').classList.remove('reading');
  });
  window.addEventListener('popstate', () => run());
  run();
})();
