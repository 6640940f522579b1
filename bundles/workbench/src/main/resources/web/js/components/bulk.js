// The bar above a results table that reviews every checked listing at once (POST /reviews).
import { el, replace } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { canReview } from '../session.js';
import { reviewForm } from './review-form.js';
import { notify } from '../ui.js';
import { canExport } from './evidence-button.js';

const MAX_BULK = 500;

/**
 * selection: the Set of checked ids (shared with the table). onDone(result) runs after a bulk
 * review so the page can reload. Returns {node, update}: call update() when the selection changes.
 */
export function bulkBar(selection, { onDone, navigate } = {}) {
  const count = el('strong', { class: 'bulk-count', data: { testid: 'bulk-count' } });
  const failures = el('div', { class: 'bulk-failures' });
  const clearButton = el('button', { type: 'button', class: 'button link', text: t('bulk.clear'),
    on: { click: () => { selection.clear(); if (onDone) onDone(null); } } });
  const form = reviewForm({
    compact: true,
    submitLabel: d => t('bulk.apply', { decision: t('review.submit.' + d) }),
    onSubmit: async body => {
      const ids = [...selection];
      if (ids.length > MAX_BULK) throw new Error(t('bulk.tooMany', { max: MAX_BULK }));
      const result = await api.post('/reviews', { ...body, listingIds: ids });
      const failed = result.failed || [];
      replace(failures, failed.length ? el('ul', { attrs: { role: 'alert' } },
        failed.map(f => el('li', { text: f.listingId + ': ' + f.error }))) : []);
      for (const r of result.reviews || []) selection.delete(r.listingId);
      const done = t('bulk.done', { n: result.reviewed ?? (result.reviews || []).length, failed: failed.length });
      // the table reloads and this bar hides when nothing stays checked: say it in the notice area too
      notify(done, failed.length ? 'error' : 'success');
      if (onDone) setTimeout(() => onDone(result), 0);
      return done;
    },
  });
  // enforcement officers and admins export the checked listings as one evidence packet
  const exportButton = canExport() && navigate ? el('button', { type: 'button', class: 'button secondary',
    text: t('evidence.export'), data: { testid: 'bulk-export' }, on: { click: async () => {
      try {
        const started = await api.post('/evidence', { listingIds: [...selection].slice(0, 1000), languages: ['vi'] });
        notify(t('evidence.started', { id: started.id }));
        navigate('#/evidence/' + encodeURIComponent(started.id));
      } catch (e) {
        notify(e.message, 'error');
      }
    } } }) : null;
  const node = el('div', { class: 'bulk-bar', data: { testid: 'bulk-bar' }, attrs: { role: 'region', 'aria-label': t('bulk.label') } },
    el('div', { class: 'bulk-head' }, count, clearButton, exportButton), canReview() ? form : null, failures);
  function update() {
    node.hidden = selection.size === 0 || (!canReview() && !exportButton);
    count.textContent = t('bulk.selected', { n: selection.size });
  }
  update();
  return { node, update };
}
