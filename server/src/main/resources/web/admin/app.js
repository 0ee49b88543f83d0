// Administration web app: log in as an administrator, see the sites, export and import the deployment with a check of
// what would change, read the audit log. French first, English on demand. Each view is its own module:
//   sites.js       the sites administered, with their parts and hours
//   agents.js      agents' accounts: find, create, edit, deactivate, reset a password, import a CSV list
//   devices.js     kiosks and screens: health, token, pairing with a code
//   templates.js   site templates: save, make a site from one, push a change
//   directory.js   the orientation directory shared by every site (administrators of the whole network)
//   deployment.js  export (YAML) and import (checked, then applied)
//   audit.js       who changed what, filtered, page by page

import './texts.js';
import { AgentsView } from './agents.js';
import { AuditView } from './audit.js';
import { DeploymentView } from './deployment.js';
import { DevicesView } from './devices.js';
import { DirectoryView } from './directory.js';
import { SitesView } from './sites.js';
import { TemplatesView } from './templates.js';
import { Api, ApiError } from '/shared/api.js';
import { enterSignedOn, errorText, logInForm, showError } from '/shared/staff.js';
import { leaveProvider, signOn } from '/shared/sso.js';
import { nameNextLanguage, nextLanguage, rememberLanguage, setLanguage, t, translatePage } from '/shared/i18n.js';

const VIEWS = ['sites', 'agents', 'devices', 'templates', 'directory', 'deployment', 'audit'];
const $ = (selector) => document.querySelector(selector);

const state = { me: null, sites: [], views: null };
const api = new Api({
    tokenStorageKey: 'guichet.admin.token',
    onUnauthorized: () => logout(t('error.session')),
});

function showLogin(message = '') {
    for (const id of ['#tabs', '#logout', '#who', ...VIEWS.map(view => `#${view}-view`)]) {
        $(id).hidden = true;
    }
    $('#login-view').hidden = false;
    $('#login-error').textContent = message;
    $('#username').focus();
}

async function logout(message = '') {
    const asked = api.token && !message;
    if (asked) {
        await api.post('/auth/logout').catch(() => null);
    }
    api.setToken(null);
    state.me = null;
    showError(null);
    showLogin(message);
    if (asked) {
        leaveProvider();
    }
}

async function enter() {
    state.me = await api.get('/auth/me');
    if (state.me.role !== 'admin') {
        throw new Error(t('login.notAdmin'));
    }
    state.sites = await api.get('/sites');
    state.views ??= {
        sites: new SitesView(api, showError),
        agents: new AgentsView(api, showError, () => state.sites),
        devices: new DevicesView(api, showError, () => state.sites),
        templates: new TemplatesView(api, showError, () => state.sites, sitesChanged),
        directory: new DirectoryView(api, showError),
        deployment: new DeploymentView(api, showError, sitesChanged),
        audit: new AuditView(api, showError, () => state.sites),
    };
    $('#login-view').hidden = true;
    for (const id of ['#tabs', '#logout', '#who']) {
        $(id).hidden = false;
    }
    // The directory is the whole network's: only its administrators keep it.
    $('#tab-directory').hidden = (state.me.siteIds ?? []).length > 0;
    showWho();
    route();
    focusViewHeading();
}

/** Sites were added or changed: read them again, and the sites view will read the deployment again. */
async function sitesChanged() {
    state.views.sites.stale();
    state.sites = await api.get('/sites');
}

function showWho() {
    const name = state.me.displayName || state.me.username;
    const siteIds = state.me.siteIds ?? [];
    $('#who').textContent = siteIds.length === 0 ? t('who.network', { name })
        : t('who.sites', { name, sites: siteIds.join(', ') });
}

function currentView() {
    return VIEWS.find(name => location.hash === `#${name}`) ?? 'sites';
}

/** After logging in or choosing a view, keyboard and screen-reader users start at the view's title. */
function focusViewHeading() {
    const heading = $(`#${currentView()}-view h1`);
    heading.tabIndex = -1;
    heading.focus();
}

function route() {
    if (!state.me) {
        return;
    }
    const view = currentView();
    for (const name of VIEWS) {
        $(`#${name}-view`).hidden = name !== view;
        const tab = $(`#tab-${name}`);
        if (name === view) {
            tab.setAttribute('aria-current', 'page');
        } else {
            tab.removeAttribute('aria-current');
        }
    }
    showError(null);
    state.views[view].show();
}

function toggleLanguage() {
    setLanguage(nextLanguage());
    translatePage();
    nameNextLanguage($('#language'), 'lang.name', 'lang.choose');
    if (state.me) {
        showWho();
        route();
    }
}

async function start() {
    rememberLanguage('guichet.admin.language');
    translatePage();
    nameNextLanguage($('#language'), 'lang.name', 'lang.choose');
    $('#login-form').addEventListener('submit', logInForm(api, ['admin'], 'login.notAdmin', enter));
    $('#logout').addEventListener('click', () => logout());
    $('#language').addEventListener('click', toggleLanguage);
    window.addEventListener('hashchange', () => {
        route();
        if (state.me) {
            focusViewHeading();
        }
    });
    if (await signOn(api, 'admin')) {
        await enterSignedOn(api, enter, showLogin);
        return;
    }
    if (!api.token) {
        showLogin();
        return;
    }
    try {
        await enter();
    } catch (e) {
        showLogin(e instanceof ApiError && e.status === 401 ? t('error.session') : errorText(e));
    }
}

start();
