// Supervisor web app: log in, pick a site, watch it live, read its statistics. French first, English toggle.

import './texts.js';
import { LiveView } from './live.js';
import { StaffingView } from './staffing.js';
import { StatsView } from './stats.js';
import { TrainingView } from './training.js';
import { Api } from '/shared/api.js';
import { enterSignedOn, errorText, logInForm, showError } from '/shared/staff.js';
import { leaveProvider, signOn } from '/shared/sso.js';
import { h } from '/shared/dom.js';
import { EventBus } from '/shared/eventbus.js';
import { SharedSession } from '/shared/tabs.js';
import { nameNextLanguage, nextLanguage, rememberLanguage, setLanguage, t, translatePage } from '/shared/i18n.js';

const SITE_KEY = 'guichet.supervisor.site';
const ROLES = ['supervisor', 'admin'];
const $ = (selector) => document.querySelector(selector);

const state = { me: null, rules: null, sites: [], siteId: null, bus: null, live: null, stats: null, staffing: null,
    training: null };
const api = new Api({
    tokenStorageKey: 'guichet.supervisor.token',
    onUnauthorized: () => logout(t('error.session')),
});
// Logged out in another tab: leave without asking the server again.
const tabs = new SharedSession(api, 'guichet.supervisor.session', { onLoggedOut: () => logout() });

function showLogin(message = '') {
    for (const id of ['#live-view', '#stats-view', '#staffing-view', '#training-view', '#tabs', '#site-choice',
        '#logout', '#bus-state']) {
        $(id).hidden = true;
    }
    $('#login-view').hidden = false;
    $('#login-error').textContent = message;
    $('#username').focus();
}

async function logout(message = '') {
    const token = api.token;
    const asked = token && !message;
    if (asked) {
        await api.post('/auth/logout').catch(() => null);
    }
    tabs.loggedOut(token);
    api.setToken(null);
    state.me = null;
    state.bus?.close();
    state.bus = null;
    state.live?.stop();
    state.training?.stop();
    showError(null);
    showLogin(message);
    if (asked) {
        leaveProvider();
    }
}

async function enter() {
    state.me = await api.get('/auth/me');
    if (!ROLES.includes(state.me.role)) {
        throw new Error(t('login.notSupervisor'));
    }
    state.rules ??= await api.get('/rules');
    state.sites = await api.get('/sites');
    const saved = localStorage.getItem(SITE_KEY);
    state.siteId = state.sites.some(site => site.id === saved) ? saved : state.sites[0]?.id;
    $('#site').replaceChildren(...state.sites.map(site => h('option', { value: site.id }, site.name)));
    $('#site').value = state.siteId;

    $('#login-view').hidden = true;
    for (const id of ['#tabs', '#site-choice', '#logout', '#bus-state']) {
        $(id).hidden = false;
    }
    state.bus = new EventBus('/eventbus', { token: api.token });
    state.bus.onState(busState => {
        const badge = $('#bus-state');
        badge.dataset.state = busState;
        badge.dataset.i18n = `bus.${busState}`;
        translatePage(badge);
        return busState === 'open' && state.live ? state.live.refresh() : undefined;
    });
    state.live = new LiveView(api, state.bus, showError);
    state.stats = new StatsView(api, showError, () => state.sites, () => state.siteId, state.rules.stats);
    state.staffing = new StaffingView(api, showError, () => state.siteId);
    state.training = new TrainingView(api, showError, () => state.siteId);
    state.bus.start();
    route();
    // The log-in form is gone: the view's first heading takes the focus, not the page's start.
    $(FIRST_HEADINGS[currentView()]).focus();
}

const VIEWS = ['live', 'stats', 'staffing', 'training'];
const FIRST_HEADINGS = { live: '#alerts-title', stats: '#summary-title', staffing: '#staffing-title',
    training: '#training-title' };

function currentView() {
    const view = location.hash.slice(1);
    return VIEWS.includes(view) ? view : 'live';
}

function route() {
    if (!state.me) {
        return;
    }
    const view = currentView();
    for (const name of VIEWS) {
        $(`#${name}-view`).hidden = view !== name;
        if (view === name) {
            $(`#tab-${name}`).setAttribute('aria-current', 'page');
        } else {
            $(`#tab-${name}`).removeAttribute('aria-current');
        }
    }
    state.training.stop();
    if (view === 'live') {
        state.live.show(state.sites.find(site => site.id === state.siteId));
        return;
    }
    state.live.stop();
    if (view === 'stats') {
        state.stats.show();
    } else if (view === 'staffing') {
        state.staffing.show();
    } else {
        state.training.show();
    }
}

function changeSite() {
    state.siteId = $('#site').value;
    localStorage.setItem(SITE_KEY, state.siteId);
    state.stats.siteChanged();
    state.staffing.siteChanged();
    state.training.siteChanged();
    route();
}

function toggleLanguage() {
    setLanguage(nextLanguage());
    translatePage();
    showLanguageToggle();
    if (state.me) {
        state.live.rerender();
        state.stats.rerender();
        state.staffing.rerender();
        state.training.rerender();
    }
}

function showLanguageToggle() {
    nameNextLanguage($('#language'), 'lang.name', 'lang.choose');
}

async function start() {
    rememberLanguage('guichet.supervisor.language');
    translatePage();
    showLanguageToggle();
    $('#login-form').addEventListener('submit', logInForm(api, ROLES, 'login.notSupervisor', enter));
    $('#logout').addEventListener('click', () => logout());
    $('#language').addEventListener('click', toggleLanguage);
    $('#site').addEventListener('change', changeSite);
    window.addEventListener('hashchange', route);
    if (await signOn(api, 'supervisor')) {
        await enterSignedOn(api, enter, showLogin);
        return;
    }
    if (!api.token && !await tabs.join()) {
        showLogin();
        return;
    }
    try {
        await enter();
    } catch (e) {
        api.setToken(null);
        showLogin(errorText(e));
    }
}

start();
