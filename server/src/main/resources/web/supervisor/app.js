// Supervisor web app: log in, pick a site, watch it live, read its statistics. French first, English toggle.

import { Api, ApiError } from './api.js';
import { language, setLanguage, t, translatePage } from './i18n.js';
import { LiveView } from './live.js';
import { StatsView } from './stats.js';
import { EventBus } from '/shared/eventbus.js';

const SITE_KEY = 'guichet.supervisor.site';
const $ = (selector) => document.querySelector(selector);

const state = { me: null, sites: [], siteId: null, bus: null, live: null, stats: null };
const api = new Api({ onUnauthorized: () => logout(t('error.session')) });

export function showError(message) {
    const banner = $('#error');
    banner.textContent = message || '';
    banner.hidden = !message;
}

function showLogin(message = '') {
    for (const id of ['#live-view', '#stats-view', '#tabs', '#site-choice', '#logout', '#bus-state']) {
        $(id).hidden = true;
    }
    $('#login-view').hidden = false;
    $('#login-error').textContent = message;
    $('#username').focus();
}

async function login(event) {
    event.preventDefault();
    $('#login-error').textContent = '';
    try {
        const session = await api.post('/auth/login', {
            username: $('#username').value.trim(), password: $('#password').value,
        });
        if (!['supervisor', 'admin'].includes(session.agent.role)) {
            await api.request('POST', '/auth/logout').catch(() => null);
            $('#login-error').textContent = t('login.notSupervisor');
            return;
        }
        api.setToken(session.token);
        $('#password').value = '';
        await enter();
    } catch (e) {
        $('#login-error').textContent = e instanceof ApiError && (e.status === 400 || e.status === 401)
            ? t('login.failed') : e.message;
    }
}

async function logout(message = '') {
    if (api.token && !message) {
        await api.request('POST', '/auth/logout').catch(() => null);
    }
    api.setToken(null);
    state.bus?.close();
    state.bus = null;
    state.live?.stop();
    showError('');
    showLogin(message);
}

async function enter() {
    state.me = await api.get('/auth/me');
    if (!['supervisor', 'admin'].includes(state.me.role)) {
        throw new ApiError(403, 'forbidden', t('login.notSupervisor'));
    }
    state.sites = await api.get('/sites');
    const saved = localStorage.getItem(SITE_KEY);
    state.siteId = state.sites.some(site => site.id === saved) ? saved : state.sites[0]?.id;
    const select = $('#site');
    select.replaceChildren(...state.sites.map(site => {
        const option = document.createElement('option');
        option.value = site.id;
        option.textContent = site.name;
        return option;
    }));
    select.value = state.siteId;

    $('#login-view').hidden = true;
    for (const id of ['#tabs', '#site-choice', '#logout', '#bus-state']) {
        $(id).hidden = false;
    }
    state.bus = new EventBus('/eventbus', { token: api.token });
    state.bus.onState(busState => {
        const badge = $('#bus-state');
        badge.dataset.state = busState;
        badge.textContent = t(`bus.${busState}`);
        return busState === 'open' && state.live ? state.live.refresh() : undefined;
    });
    state.live = new LiveView(api, state.bus, showError);
    state.stats = new StatsView(api, showError, () => state.sites, () => state.siteId);
    state.bus.start();
    route();
}

function route() {
    if (!state.me) {
        return;
    }
    const view = location.hash === '#stats' ? 'stats' : 'live';
    $('#live-view').hidden = view !== 'live';
    $('#stats-view').hidden = view !== 'stats';
    $('#tab-live').toggleAttribute('aria-current', view === 'live');
    $('#tab-stats').toggleAttribute('aria-current', view === 'stats');
    if (view === 'live') {
        $('#tab-live').setAttribute('aria-current', 'page');
        state.live.show(state.sites.find(site => site.id === state.siteId));
    } else {
        $('#tab-stats').setAttribute('aria-current', 'page');
        state.live.stop();
        state.stats.show();
    }
}

function changeSite() {
    state.siteId = $('#site').value;
    localStorage.setItem(SITE_KEY, state.siteId);
    state.stats.siteChanged();
    route();
}

function toggleLanguage() {
    setLanguage(language() === 'fr' ? 'en' : 'fr');
    translatePage();
    if (state.me) {
        state.live.rerender();
        state.stats.rerender();
        const badge = $('#bus-state');
        if (badge.dataset.state) {
            badge.textContent = t(`bus.${badge.dataset.state}`);
        }
    }
}

async function start() {
    setLanguage(language());
    translatePage();
    $('#login-form').addEventListener('submit', login);
    $('#logout').addEventListener('click', () => logout());
    $('#language').addEventListener('click', toggleLanguage);
    $('#site').addEventListener('change', changeSite);
    window.addEventListener('hashchange', route);
    if (!api.token) {
        showLogin();
        return;
    }
    try {
        await enter();
    } catch (e) {
        api.setToken(null);
        showLogin(e.status === 401 ? t('error.session') : e.message);
    }
}

start();
