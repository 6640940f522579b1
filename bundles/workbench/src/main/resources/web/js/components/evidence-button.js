// "Export an evidence packet" for enforcement officers and admins: starts the packet and opens its
// page, where its progress shows and the zip downloads once it is ready.
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { api, seg } from '../api.js';
import { hasRole } from '../session.js';
import { notify } from '../ui.js';

export function canExport() {
  return hasRole('enforcement') || hasRole('admin');
}

/** request: {listingIds:[…]} | {sellerId} | {query:{…}}; null when the user may not export. */
export function evidenceButton(request, navigate, testid = 'export-evidence') {
  if (!canExport()) return null;
  const english = el('input', { type: 'checkbox', data: { testid: testid + '-en' } });
  const button = el('button', { type: 'button', class: 'button secondary', text: t('evidence.export'), data: { testid },
    on: { click: async () => {
      button.disabled = true;
      try {
        const body = { ...request, languages: english.checked ? ['vi', 'en'] : ['vi'] };
        const started = await api.post('/evidence', body);
        notify(t('evidence.started', { id: started.id }));
        navigate('#/evidence/' + seg(started.id));
      } catch (e) {
        notify(e.message, 'error');
        button.disabled = false;
      }
    } } });
  return el('span', { class: 'evidence-export' }, button, el('label', { class: 'inline' }, english, ' ', t('evidence.english')));
}
