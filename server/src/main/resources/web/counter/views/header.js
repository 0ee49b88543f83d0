// The header: counter name and status, live connection, agent, language toggle, log-out; and which view is shown.

import { state } from '../store.js';
import { $ } from './parts.js';
import { hasText, nameNextLanguage, t } from '/shared/i18n.js';

/** 'login', 'choose' or 'counter'. */
export function showView(view) {
    state.view = view;
    document.body.dataset.view = view;
    renderHeader();
}

export function renderHeader() {
    const counter = state.counter;
    const inCounter = state.view === 'counter' && counter;
    $('#counter-title').textContent = inCounter ? counter.name : t('app.heading');
    const pill = $('#status-pill');
    pill.hidden = !inCounter;
    if (inCounter) {
        pill.textContent = t(`status.${counter.status}`);
        pill.dataset.status = counter.status;
    }
    $('#agent-name').textContent = state.agent ? state.agent.displayName : '';
    $('#logout').hidden = !state.agent;
    const live = $('#live');
    live.hidden = !inCounter || state.live === 'off';
    live.dataset.state = state.live;
    live.textContent = hasText(`live.${state.live}`) ? t(`live.${state.live}`) : '';
    nameNextLanguage($('#lang-toggle'), 'lang.short', 'lang.name');
    document.body.dataset.live = state.live;
}
