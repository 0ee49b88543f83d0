// The log-in form's one moving part: which counter this tablet remembers (the form itself is in index.html).

import { STORAGE } from '../store.js';
import { $ } from './parts.js';
import { t } from '/shared/i18n.js';

export function renderLogin() {
    const remembered = localStorage.getItem(STORAGE.counterName);
    $('#login-remembered').textContent = remembered ? t('login.remembered', { counter: remembered }) : '';
}
