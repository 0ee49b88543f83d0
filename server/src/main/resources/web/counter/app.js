// The counter tablet: an agent logs in, opens a counter, and calls and serves visitors.
// Every command is a REST call; live updates come from the event-bus bridge (/shared/eventbus.js) and only trigger
// re-reads over REST, so what the screen shows is always what the server holds.

import { Api, ApiError } from './api.js';
import { h } from '/shared/dom.js';
import { duration, hasText, language, plural, setLanguage, shortDuration, t } from './i18n.js';

const STORAGE = {
    counterId: 'guichet.counter.id',
    counterName: 'guichet.counter.name',
    language: 'guichet.counter.language',
    token: 'guichet.counter.token',
};
const POLL_WHEN_NOT_LIVE_MS = 5000;
const RESYNC_MS = 60000;
const PAUSE_REASONS = ['break', 'meal', 'admin', 'meeting'];

const state = {
    agent: null,
    sites: [],          // GET /sites/<id> of every site of the agent
    counterId: null,
    counter: null,      // GET /counters/<id>
    waiting: [],        // GET /counters/<id>/waiting
    waitingReadAt: 0,   // Date.now() when the waiting list was read: waited times keep counting from there
    today: null,        // GET /agents/me/today
    history: [],        // events of the current ticket (and of the ticket it was transferred from)
    historyTicketId: null,
    busy: false,
    live: 'off',
    clockOffsetMs: 0,   // server clock − tablet clock
};

const api = new Api({ onUnauthorized: sessionEnded });
const $ = (selector) => document.querySelector(selector);

// ---------------------------------------------------------------- DOM helpers

function keyLabel(key) {
    return key === ' ' ? t('key.space') : key.toUpperCase();
}

/** A command button; keys are its keyboard shortcuts (the first one is shown on the button). */
function actionButton({ id, label, keys = [], kind = 'secondary', onClick, extra = null, disabled = false }) {
    return h('button', {
        type: 'button',
        id,
        class: `act ${kind}`,
        dataset: { keys: keys.join('|'), blocked: String(disabled) },
        title: keys.length ? t('kbd', { key: keyLabel(keys[0]) }) : null,
        disabled: state.busy || disabled,
        onclick: (event) => {
            event.currentTarget.blur();
            onClick();
        },
    }, h('span', { class: 'label' }, label), extra, keys.length ? h('kbd', {}, keyLabel(keys[0])) : null);
}

/**
 * Rebuilds a section only when what it shows has changed, so a live update never swaps a button from under a finger
 * that is about to tap it.
 */
const shown = new Map();

function changed(section, ...content) {
    const signature = JSON.stringify([language(), ...content]);
    if (shown.get(section) === signature) {
        return false;
    }
    shown.set(section, signature);
    return true;
}

// ---------------------------------------------------------------- messages

let bannerTimer = null;

function showMessage(kind, text, code = '') {
    const banner = $('#banner');
    clearTimeout(bannerTimer);
    banner.replaceChildren(h('span', { class: 'text' }, text),
        h('button', { type: 'button', class: 'dismiss', 'aria-label': t('dismiss'), onclick: clearMessage }, '×'));
    banner.className = `banner ${kind}`;
    banner.dataset.code = code;
    banner.hidden = false;
    if (kind === 'info') {
        bannerTimer = setTimeout(clearMessage, 5000);
    }
}

function clearMessage() {
    clearTimeout(bannerTimer);
    const banner = $('#banner');
    banner.hidden = true;
    banner.dataset.code = '';
    banner.replaceChildren();
}

function errorText(error) {
    const key = `err.${error.code}`;
    if (hasText(key)) {
        return t(key, { seconds: retryDelaySeconds });
    }
    if (error.code === 'unauthorized') {
        return t('err.session_expired');
    }
    return t('err.generic', { message: error.message || error.code });
}

// ---------------------------------------------------------------- views

function showView(view) {
    document.body.dataset.view = view;
    renderHeader();
}

function translateStatic() {
    document.title = t('app.title');
    document.querySelectorAll('[data-i18n]').forEach((element) => {
        element.textContent = t(element.dataset.i18n);
    });
    document.querySelectorAll('[data-i18n-placeholder]').forEach((element) => {
        element.placeholder = t(element.dataset.i18nPlaceholder);
    });
}

function renderAll() {
    translateStatic();
    renderHeader();
    renderLogin();
    if (document.body.dataset.view === 'choose') {
        renderChooser();
    }
    if (document.body.dataset.view === 'counter') {
        renderCounter();
    }
}

function renderHeader() {
    const counter = state.counter;
    const inCounter = document.body.dataset.view === 'counter' && counter;
    $('#counter-title').textContent = inCounter ? counter.name : '';
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
    const toggle = $('#lang-toggle');
    toggle.textContent = t('lang.switchShort');
    toggle.setAttribute('aria-label', t('lang.switch'));
    toggle.lang = language() === 'fr' ? 'en' : 'fr';
    document.body.dataset.live = state.live;
}

function renderLogin() {
    const remembered = localStorage.getItem(STORAGE.counterName);
    $('#login-remembered').textContent = remembered ? t('login.remembered', { counter: remembered }) : '';
}

function allCounters() {
    return state.sites.flatMap((site) => site.counters.map((counter) => ({ ...counter, site })));
}

function serviceName(site, serviceId) {
    return site?.services.find((service) => service.id === serviceId)?.name ?? serviceId;
}

function renderChooser() {
    const list = $('#counter-choices');
    const counters = allCounters().filter((counter) => counter.active);
    list.replaceChildren(...counters.map((counter) => h('li', {},
        h('button', {
            type: 'button',
            class: 'choice',
            id: `choose-${counter.id}`,
            onclick: () => enterCounter(counter.id),
        },
        h('span', { class: 'choice-name' }, counter.name),
        h('span', { class: 'choice-detail' },
            `${state.sites.length > 1 ? `${counter.site.name} · ` : ''}${
                counter.serviceIds.map((id) => serviceName(counter.site, id)).join(', ')}`)))));
    $('#choose-none').hidden = counters.length > 0;
}

function currentSite() {
    return state.sites.find((site) => site.id === state.counter?.siteId)
        ?? state.sites.find((site) => site.counters.some((counter) => counter.id === state.counterId));
}

function counterName(counterId) {
    for (const site of state.sites) {
        const counter = site.counters.find((candidate) => candidate.id === counterId);
        if (counter) {
            return counter.name;
        }
    }
    return counterId;
}

/** What the agent can do now; the buttons and shortcuts follow from it. */
function mode() {
    const counter = state.counter;
    if (!counter || !state.agent) {
        return 'loading';
    }
    if (counter.status !== 'CLOSED' && counter.agentId !== state.agent.id) {
        return 'other';
    }
    if (counter.currentTicket) {
        return counter.currentTicket.status === 'SERVING' ? 'serving' : 'called';
    }
    return { CLOSED: 'closed', PAUSED: 'paused', OPEN: 'idle' }[counter.status];
}

function renderCounter() {
    document.body.dataset.mode = mode();
    renderHeader();
    renderServices();
    renderTicket();
    renderActions();
    renderWaiting();
    renderToday();
    tick();
}

function renderServices() {
    const services = state.counter?.services ?? [];
    if (!changed('services', services)) {
        return;
    }
    $('#services').replaceChildren(h('span', { class: 'services-label' }, `${t('services')} :`),
        ...services.map((service) => h('span', { class: 'chip' },
            service.prefix ? h('b', {}, service.prefix) : null, ` ${service.name}`)));
}

function priorityBadge(priority) {
    if (!priority || priority === 'NORMAL') {
        return null;
    }
    return h('span', { class: `badge priority-${priority.toLowerCase()}` },
        priority === 'PRIORITY' ? '♿ ' : '', t(`priority.${priority}`));
}

function renderTicket() {
    const panel = $('#ticket-panel');
    const counter = state.counter;
    const ticket = counter?.currentTicket;
    const currentMode = mode();
    if (!changed('ticket', currentMode, counter?.agentName, counter?.pauseReason, counter?.since, ticket,
        state.history)) {
        return;
    }
    if (currentMode === 'other') {
        panel.replaceChildren(h('div', { class: 'empty' },
            h('p', { class: 'empty-title' }, t('other.title', { name: counter.agentName ?? '?' })),
            h('p', {}, t('other.hint'))));
        return;
    }
    if (currentMode === 'closed') {
        panel.replaceChildren(h('div', { class: 'empty' },
            h('p', { class: 'empty-title' }, t('closed.title')), h('p', {}, t('closed.hint'))));
        return;
    }
    if (currentMode === 'paused') {
        const reason = counter.pauseReason;
        panel.replaceChildren(h('div', { class: 'empty paused' },
            h('p', { class: 'empty-title' }, t('paused.title')),
            reason ? h('p', { class: 'pause-reason' }, PAUSE_REASONS.includes(reason) ? t(`pause.${reason}`) : reason)
                : null,
            counter.since ? h('p', {}, t('paused.since', { time: clockTime(counter.since) })) : null));
        return;
    }
    if (!ticket) {
        panel.replaceChildren(h('div', { class: 'empty' },
            h('p', { class: 'empty-title' }, t('ticket.none')), h('p', {}, t('ticket.noneHint'))));
        return;
    }
    const waitedSeconds = (Date.parse(ticket.firstCalledAt ?? ticket.calledAt) - Date.parse(ticket.arrivalAt)) / 1000;
    panel.replaceChildren(h('article', { class: `ticket status-${ticket.status.toLowerCase()}`, id: 'current-ticket',
        dataset: { ticketId: ticket.id, status: ticket.status } },
    h('div', { class: 'ticket-head' },
        h('div', { class: 'ticket-number', id: 'current-number' }, ticket.number),
        h('div', { class: 'ticket-facts' },
            h('p', { class: 'ticket-state' }, t(`ticket.${ticket.status}`),
                ticket.recallCount > 0
                    ? h('span', { class: 'recalls', id: 'recall-count' }, plural('recalls', ticket.recallCount))
                    : null),
            h('p', { class: 'ticket-service' }, ticket.serviceName, ' ', priorityBadge(ticket.priority)),
            h('p', { class: 'ticket-times' },
                h('span', {}, t('ticket.waited', { duration: duration(waitedSeconds) })),
                ' · ',
                h('span', {
                    class: 'since',
                    dataset: {
                        since: ticket.status === 'SERVING' ? ticket.startedAt : ticket.calledAt,
                        template: ticket.status === 'SERVING' ? 'ticket.servingFor' : 'ticket.calledFor',
                    },
                })))),
    ticket.note ? h('div', { class: 'note', id: 'ticket-note' },
        h('span', { class: 'note-label' }, `${t('ticket.note')} : `), ticket.note) : null,
    renderHistory()));
}

function clockTime(iso) {
    const site = currentSite();
    return new Intl.DateTimeFormat(language(), {
        hour: '2-digit', minute: '2-digit', timeZone: site?.timeZone,
    }).format(new Date(iso));
}

function renderHistory() {
    if (!state.history.length) {
        return null;
    }
    return h('details', { class: 'history', open: true },
        h('summary', {}, t('ticket.history')),
        h('ol', { id: 'history' }, ...state.history.map((event) => {
            const place = event.counterId ? t('event.at', { place: counterName(event.counterId) }) : null;
            const note = event.data?.note;
            const target = event.kind === 'TRANSFER'
                ? (event.data?.toCounterId ? counterName(event.data.toCounterId)
                    : serviceName(currentSite(), event.data?.toServiceId)) : null;
            return h('li', { dataset: { kind: event.kind } },
                h('time', {}, clockTime(event.at)), ' ',
                h('span', { class: 'event-kind' }, t(`event.${event.kind}`)),
                place ? ` ${place}` : '',
                target ? ` → ${target}` : '',
                // The note of the transfer that brought the ticket here is already shown above the history.
                note && event.kind !== 'TRANSFER_IN' && note !== state.counter?.currentTicket?.note
                    ? h('q', {}, note) : null);
        })));
}

function renderActions() {
    const actions = $('#actions');
    const ticket = state.counter?.currentTicket;
    if (!changed('actions', mode(), ticket?.id, ticket?.recallCount)) {
        return;
    }
    const buttons = [];
    switch (mode()) {
    case 'closed':
        buttons.push(actionButton({ id: 'btn-open', label: t('action.open'), keys: ['o'], kind: 'primary big',
            onClick: openCounter }));
        buttons.push(actionButton({ id: 'btn-change', label: t('choose.change'), onClick: showChooser }));
        break;
    case 'other':
        buttons.push(actionButton({ id: 'btn-change', label: t('choose.change'), kind: 'primary big',
            onClick: showChooser }));
        break;
    case 'paused':
        buttons.push(actionButton({ id: 'btn-resume', label: t('action.resume'), keys: ['p'], kind: 'primary big',
            onClick: resumeCounter }));
        buttons.push(actionButton({ id: 'btn-close', label: t('action.close'), onClick: closeCounter }));
        break;
    case 'idle':
        buttons.push(actionButton({ id: 'call-next', label: t('action.callNext'), keys: [' ', 'n'],
            kind: 'call big', onClick: callNext }));
        buttons.push(actionButton({ id: 'btn-pause', label: t('action.pause'), keys: ['p'], onClick: openPauseDialog }));
        buttons.push(actionButton({ id: 'btn-close', label: t('action.close'), onClick: closeCounter }));
        break;
    case 'called':
        buttons.push(actionButton({ id: 'btn-start', label: t('action.start'), keys: ['s'], kind: 'primary big',
            onClick: () => ticketAction('start') }));
        buttons.push(actionButton({ id: 'btn-recall', label: t('action.recall'), keys: ['r'],
            extra: ticket.recallCount > 0 ? h('span', { class: 'count' }, ticket.recallCount) : null,
            onClick: () => ticketAction('recall') }));
        buttons.push(actionButton({ id: 'btn-no-show', label: t('action.noShow'), keys: ['a'], kind: 'warn',
            onClick: () => ticketAction('no-show', null, 'msg.noShow') }));
        buttons.push(actionButton({ id: 'btn-requeue', label: t('action.requeue'), keys: ['q'],
            onClick: () => ticketAction('requeue', null, 'msg.requeued') }));
        buttons.push(actionButton({ id: 'btn-transfer', label: t('action.transfer'), keys: ['t'],
            onClick: openTransferDialog }));
        break;
    case 'serving':
        buttons.push(actionButton({ id: 'btn-finish', label: t('action.finish'), keys: ['f'], kind: 'primary big',
            onClick: () => ticketAction('finish', outcomeBody(), 'msg.finished') }));
        buttons.push(outcomeField(ticket));
        buttons.push(actionButton({ id: 'btn-transfer', label: t('action.transfer'), keys: ['t'],
            onClick: openTransferDialog }));
        break;
    default:
        break;
    }
    actions.dataset.mode = mode();
    actions.replaceChildren(...buttons);
}

// The outcome code survives re-renders of the same ticket, and starts empty for the next one.
const outcome = { ticketId: null, value: '' };

function outcomeField(ticket) {
    if (outcome.ticketId !== ticket.id) {
        outcome.ticketId = ticket.id;
        outcome.value = '';
    }
    return h('label', { class: 'outcome' }, h('span', {}, t('outcome.label')),
        h('input', {
            id: 'outcome', type: 'text', maxlength: 64, autocomplete: 'off', value: outcome.value,
            placeholder: t('outcome.placeholder'),
            oninput: (event) => { outcome.value = event.target.value; },
            onkeydown: (event) => {
                if (event.key === 'Enter') {
                    event.preventDefault();
                    $('#btn-finish')?.click();
                }
            },
        }));
}

function outcomeBody() {
    const value = outcome.value.trim();
    return value ? { outcome: value } : {};
}

function renderWaiting() {
    const list = $('#waiting-list');
    const callable = mode() === 'idle';
    const rows = state.waiting.map((ticket) => [ticket.id, ticket.number, ticket.serviceName, ticket.priority,
        ticket.targetCounterId, ticket.transferredFrom, ticket.note, ticket.targetWaitMinutes]);
    if (!changed('waiting', callable, rows)) {
        // Waited times still move on: tick() reads them from here.
        state.waiting.forEach((ticket) => {
            const cell = list.querySelector(`.waiting-row[data-ticket-id="${ticket.id}"] .waited`);
            if (cell) {
                cell.dataset.waited = ticket.waitedSeconds;
            }
        });
        return;
    }
    $('#waiting-count').textContent = String(state.waiting.length);
    $('#waiting-empty').hidden = state.waiting.length > 0;
    list.replaceChildren(...state.waiting.map((ticket) => h('li', {
        class: 'waiting-row',
        dataset: { ticketId: ticket.id, number: ticket.number, target: ticket.targetWaitMinutes * 60 },
    },
    h('span', { class: 'number' }, ticket.number),
    h('span', { class: 'service' }, ticket.serviceName),
    h('span', { class: 'waited', dataset: { waited: ticket.waitedSeconds } }),
    h('span', { class: 'marks' },
        priorityBadge(ticket.priority),
        ticket.targetCounterId ? h('span', { class: 'badge for-counter' }, t('waiting.forThisCounter')) : null,
        ticket.transferredFrom ? h('span', { class: 'badge transferred', title: ticket.note ?? '' },
            `↪ ${t('waiting.transferred')}`) : null,
        h('span', { class: 'badge over', hidden: true }, `⚠ ${t('waiting.overTarget')}`)),
    actionButton({
        id: `call-${ticket.id}`,
        label: t('action.callThis'),
        kind: 'call-this',
        disabled: !callable,
        onClick: () => callTicket(ticket),
    }))));
}

function renderToday() {
    const today = state.today;
    if (!changed('today', today && [today.served, today.noShows, today.averageServiceSeconds,
        today.averageWaitSeconds])) {
        return;
    }
    const tile = (id, value, label) => h('div', { class: 'tile', id },
        h('span', { class: 'value' }, value), h('span', { class: 'tile-label' }, label));
    if (!today) {
        $('#today-tiles').replaceChildren();
        return;
    }
    const average = (seconds) => (seconds === null || seconds === undefined ? '–' : duration(seconds));
    $('#today-tiles').replaceChildren(
        tile('today-served', today.served, t('today.served')),
        tile('today-service', average(today.averageServiceSeconds), t('today.averageService')),
        tile('today-wait', average(today.averageWaitSeconds), t('today.averageWait')),
        tile('today-no-shows', today.noShows, t('today.noShows')));
}

/** Every second: elapsed times and over-target marks move on without asking the server. */
function tick() {
    const serverNow = Date.now() + state.clockOffsetMs;
    document.querySelectorAll('[data-since]').forEach((element) => {
        const seconds = (serverNow - Date.parse(element.dataset.since)) / 1000;
        element.textContent = t(element.dataset.template, { duration: duration(seconds) });
    });
    const elapsed = (Date.now() - state.waitingReadAt) / 1000;
    document.querySelectorAll('.waiting-row').forEach((row) => {
        const waited = Number(row.querySelector('.waited').dataset.waited) + elapsed;
        row.querySelector('.waited').textContent = shortDuration(waited);
        const over = waited > Number(row.dataset.target);
        row.classList.toggle('over-target', over);
        row.querySelector('.badge.over').hidden = !over;
    });
}

/** While a command is in flight every command button is disabled, in place (see changed()). */
function setBusy(busy) {
    state.busy = busy;
    document.body.dataset.busy = String(busy);
    document.querySelectorAll('button.act').forEach((button) => {
        button.disabled = busy || button.dataset.blocked === 'true';
    });
}

// ---------------------------------------------------------------- reading the server's state

let refreshInFlight = null;
let refreshQueued = null;
let queuedKind = null;

/**
 * Re-reads the counter ('all') or only its waiting list ('waiting'). Reads never overlap: a request made while one runs
 * is served by one more read after it, so an older answer can never overwrite a newer one.
 */
function refresh(kind = 'all') {
    if (!refreshInFlight) {
        refreshInFlight = read(kind).finally(() => {
            refreshInFlight = null;
        });
        return refreshInFlight;
    }
    queuedKind = queuedKind === 'all' || kind === 'all' ? 'all' : 'waiting';
    if (!refreshQueued) {
        refreshQueued = refreshInFlight.catch(() => {}).then(() => {
            const next = queuedKind;
            queuedKind = null;
            refreshQueued = null;
            return refresh(next);
        });
    }
    return refreshQueued;
}

async function read(kind) {
    const counterId = state.counterId;
    if (!counterId || !api.token) {
        return;
    }
    if (kind === 'waiting') {
        const waiting = await api.get(`/counters/${encodeURIComponent(counterId)}/waiting`);
        if (counterId === state.counterId) {
            state.waiting = waiting;
            state.waitingReadAt = Date.now();
            renderWaiting();
            tick();
        }
        return;
    }
    const [counter, waiting, today] = await Promise.all([
        api.get(`/counters/${encodeURIComponent(counterId)}`),
        api.get(`/counters/${encodeURIComponent(counterId)}/waiting`),
        api.get(`/agents/me/today?siteId=${encodeURIComponent(siteIdOf(counterId))}`),
    ]);
    const readAt = Date.now();
    const history = counter.currentTicket ? await ticketHistory(counter.currentTicket) : [];
    if (counterId !== state.counterId) {
        return;
    }
    state.counter = counter;
    state.waiting = waiting;
    state.waitingReadAt = readAt;
    state.today = today;
    state.clockOffsetMs = Date.parse(today.at) - readAt;
    state.history = history;
    localStorage.setItem(STORAGE.counterName, counter.name);
    renderCounter();
}

function siteIdOf(counterId) {
    return state.sites.find((site) => site.counters.some((counter) => counter.id === counterId))?.id;
}

/** The ticket's events, preceded by those of the ticket it was transferred from, so the story follows the visitor. */
async function ticketHistory(ticket) {
    const own = await api.get(`/tickets/${ticket.id}/events`);
    if (!ticket.transferredFrom) {
        return own;
    }
    const before = await api.get(`/tickets/${ticket.transferredFrom}/events`).catch(() => []);
    return [...before, ...own];
}

/** Errors of reads nobody asked for (live updates, polling): only a lost connection is worth a word. */
function backgroundFailure(error) {
    if (error instanceof ApiError && error.code === 'network') {
        retryUntilReachable();
    }
}

// ---------------------------------------------------------------- lost connection

let retryTimer = null;
let retryDelaySeconds = 2;

function retryUntilReachable() {
    if (retryTimer) {
        return;
    }
    document.body.dataset.reachable = 'false';
    showMessage('error', t('err.network', { seconds: retryDelaySeconds }), 'network');
    retryTimer = setTimeout(async () => {
        try {
            if (document.body.dataset.view === 'counter') {
                await refresh('all');
            } else {
                await api.get('/auth/me');
            }
            retryTimer = null;
            retryDelaySeconds = 2;
            document.body.dataset.reachable = 'true';
            showMessage('info', t('msg.reconnected'), 'reconnected');
        } catch (error) {
            retryTimer = null;
            if (error instanceof ApiError && error.code === 'network') {
                retryDelaySeconds = Math.min(retryDelaySeconds * 2, 16);
                retryUntilReachable();
            } else {
                document.body.dataset.reachable = 'true';
            }
        }
    }, retryDelaySeconds * 1000);
}

// ---------------------------------------------------------------- commands

/**
 * Runs one command: the buttons are disabled before the request leaves and until its answer is shown, so a double tap
 * sends one request. Whatever happens, the screen is re-read afterwards.
 */
async function command(run) {
    if (state.busy) {
        return;
    }
    setBusy(true);
    try {
        await run();
    } catch (error) {
        await failed(error);
    } finally {
        setBusy(false);
    }
}

async function failed(error) {
    if (!(error instanceof ApiError)) {
        showMessage('error', t('err.generic', { message: error.message }), 'client');
        return;
    }
    if (error.code === 'network') {
        retryUntilReachable();
        return;
    }
    if (error.status === 401) {
        return; // sessionEnded() has already taken the agent back to the log-in form
    }
    showMessage('error', errorText(error), error.code);
    await refresh('all').catch(backgroundFailure);
}

function counterPath(action) {
    return `/counters/${encodeURIComponent(state.counterId)}/${action}`;
}

function openCounter() {
    return command(async () => {
        state.counter = await api.post(counterPath('open'));
        clearMessage();
        await refresh('all');
    });
}

function closeCounter() {
    return command(async () => {
        state.counter = await api.post(counterPath('close'));
        clearMessage();
        await refresh('all');
    });
}

function resumeCounter() {
    return command(async () => {
        state.counter = await api.post(counterPath('resume'));
        clearMessage();
        await refresh('all');
    });
}

function pauseCounter(reason) {
    return command(async () => {
        state.counter = await api.post(counterPath('pause'), reason ? { reason } : {});
        clearMessage();
        await refresh('all');
    });
}

function callNext() {
    return command(async () => {
        const ticket = await api.post(counterPath('call-next'));
        if (ticket) {
            showMessage('info', t('msg.called', { number: ticket.number }), 'called');
        } else {
            showMessage('info', t('msg.nobodyWaiting'), 'nobody_waiting');
        }
        await refresh('all');
    });
}

function callTicket(waitingTicket) {
    return command(async () => {
        try {
            const ticket = await api.post(`/tickets/${waitingTicket.id}/call`, { counterId: state.counterId });
            showMessage('info', t('msg.called', { number: ticket.number }), 'called');
        } catch (error) {
            if (!(error instanceof ApiError) || error.code !== 'illegal_transition') {
                throw error;
            }
            // Someone else was quicker: say who, in plain words.
            const now = await api.get(`/tickets/${waitingTicket.id}`).catch(() => null);
            const taken = now && now.counterName && ['CALLED', 'SERVING'].includes(now.status);
            showMessage('error', taken
                ? t('err.takenByCounter', { number: waitingTicket.number, counter: now.counterName })
                : t('err.notWaitingAnymore', { number: waitingTicket.number }), 'taken');
        }
        await refresh('all');
    });
}

function ticketAction(action, body = null, doneMessage = null) {
    const ticket = state.counter?.currentTicket;
    if (!ticket) {
        return Promise.resolve();
    }
    return command(async () => {
        await api.post(`/tickets/${ticket.id}/${action}`, body ?? {});
        if (doneMessage) {
            showMessage('info', t(doneMessage, { number: ticket.number }), action);
        } else {
            clearMessage();
        }
        await refresh('all');
    });
}

// ---------------------------------------------------------------- dialogs

function openPauseDialog() {
    if (state.busy) {
        return;
    }
    const dialog = $('#pause-dialog');
    dialog.querySelector('input[name="reason"][value="break"]').checked = true;
    dialog.querySelector('#pause-other').value = '';
    dialog.showModal();
}

function submitPause(event) {
    event.preventDefault();
    const dialog = $('#pause-dialog');
    const choice = dialog.querySelector('input[name="reason"]:checked')?.value ?? 'break';
    const reason = choice === 'other' ? dialog.querySelector('#pause-other').value.trim() || 'other' : choice;
    dialog.close();
    pauseCounter(reason);
}

function openTransferDialog() {
    const ticket = state.counter?.currentTicket;
    if (state.busy || !ticket) {
        return;
    }
    const site = currentSite();
    const dialog = $('#transfer-dialog');
    dialog.dataset.ticketId = ticket.id;
    dialog.querySelector('#transfer-title').textContent = t('transfer.title', { number: ticket.number });
    const option = (value, label) => h('option', { value }, label);
    dialog.querySelector('#transfer-service').replaceChildren(option('', t('transfer.choose')),
        ...site.services.filter((service) => service.kind === 'service' && service.id !== ticket.serviceId)
            .map((service) => option(service.id, `${service.prefix ?? ''} · ${service.name}`)));
    dialog.querySelector('#transfer-counter').replaceChildren(option('', t('transfer.choose')),
        ...site.counters.filter((counter) => counter.active && counter.id !== state.counterId)
            .map((counter) => option(counter.id, counter.name)));
    dialog.querySelector('input[name="transfer-to"][value="service"]').checked = true;
    dialog.querySelector('#transfer-note').value = '';
    dialog.querySelector('#transfer-error').textContent = '';
    syncTransferTarget();
    dialog.showModal();
}

function syncTransferTarget() {
    const dialog = $('#transfer-dialog');
    const toService = dialog.querySelector('input[name="transfer-to"]:checked').value === 'service';
    dialog.querySelector('#transfer-service-field').hidden = !toService;
    dialog.querySelector('#transfer-counter-field').hidden = toService;
}

function submitTransfer(event) {
    event.preventDefault();
    const dialog = $('#transfer-dialog');
    const toService = dialog.querySelector('input[name="transfer-to"]:checked').value === 'service';
    const target = dialog.querySelector(toService ? '#transfer-service' : '#transfer-counter').value;
    if (!target) {
        dialog.querySelector('#transfer-error').textContent = t('transfer.needTarget');
        return;
    }
    const note = dialog.querySelector('#transfer-note').value.trim();
    const body = toService ? { serviceId: target } : { counterId: target };
    if (note) {
        body.note = note;
    }
    dialog.close();
    const ticket = state.counter?.currentTicket;
    if (ticket && String(ticket.id) === dialog.dataset.ticketId) {
        ticketAction('transfer', body, 'msg.transferred');
    }
}

// ---------------------------------------------------------------- keyboard

function onKey(event) {
    if (document.body.dataset.view !== 'counter' || event.ctrlKey || event.altKey || event.metaKey
        || document.querySelector('dialog[open]')) {
        return;
    }
    const target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement
        || target instanceof HTMLSelectElement) {
        return;
    }
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const button = [...document.querySelectorAll('#actions button.act')]
        .find((candidate) => candidate.dataset.keys.split('|').includes(key));
    if (!button) {
        return;
    }
    event.preventDefault(); // Space must not also press a focused button or scroll the page
    if (!event.repeat && !button.disabled) {
        button.click();
    }
}

// ---------------------------------------------------------------- live updates

let bus = null;

async function connectLive() {
    disconnectLive();
    const counterId = state.counterId;
    const siteId = siteIdOf(counterId);
    let EventBus;
    try {
        ({ EventBus } = await import('/shared/eventbus.js'));
    } catch (missing) {
        setLive('unavailable');
        return;
    }
    if (counterId !== state.counterId || !api.token) {
        return;
    }
    const connection = new EventBus('/eventbus', { token: api.token });
    bus = connection;
    connection.onState((liveState) => {
        if (bus !== connection) {
            return;
        }
        setLive(liveState);
        if (liveState === 'open') {
            // Whatever happened while we were not listening, read it now; the bus holds messages until this is done.
            return refresh('all').catch(backgroundFailure);
        }
        return undefined;
    });
    connection.subscribe(`guichet.site.${siteId}.queue`, () => refresh('waiting').catch(backgroundFailure));
    connection.subscribe(`guichet.counter.${counterId}`, () => refresh('all').catch(backgroundFailure));
    connection.start();
}

function disconnectLive() {
    if (bus) {
        const closing = bus;
        bus = null;
        closing.close();
    }
    setLive('off');
}

function setLive(liveState) {
    state.live = liveState;
    renderHeader();
}

// ---------------------------------------------------------------- session

function sessionEnded() {
    api.token = null;
    sessionStorage.removeItem(STORAGE.token);
    disconnectLive();
    state.agent = null;
    state.counter = null;
    showView('login');
    renderLogin();
    showMessage('error', t('err.session_expired'), 'session_expired');
    $('#username').focus();
}

async function login(event) {
    event.preventDefault();
    if (state.busy) {
        return;
    }
    const username = $('#username').value.trim();
    const password = $('#password').value;
    setBusy(true);
    try {
        const session = await api.post('/auth/login', { username, password });
        api.token = session.token;
        sessionStorage.setItem(STORAGE.token, session.token);
        state.agent = session.agent;
        $('#password').value = '';
        clearMessage();
        await afterLogin();
    } catch (error) {
        if (error instanceof ApiError && error.code === 'network') {
            showMessage('error', t('err.network', { seconds: 0 }), 'network');
        } else if (error instanceof ApiError) {
            showMessage('error', errorText(error), error.code);
        } else {
            showMessage('error', t('err.generic', { message: error.message }), 'client');
        }
    } finally {
        setBusy(false);
    }
}

async function afterLogin() {
    const sites = await api.get('/sites');
    state.sites = await Promise.all(sites.map((site) => api.get(`/sites/${encodeURIComponent(site.id)}`)));
    const remembered = localStorage.getItem(STORAGE.counterId);
    if (remembered && allCounters().some((counter) => counter.id === remembered)) {
        await enterCounter(remembered);
    } else {
        showChooser();
    }
}

function showChooser() {
    disconnectLive();
    state.counter = null;
    showView('choose');
    renderChooser();
}

async function enterCounter(counterId) {
    state.counterId = counterId;
    state.counter = null;
    state.history = [];
    localStorage.setItem(STORAGE.counterId, counterId);
    localStorage.setItem(STORAGE.counterName, counterName(counterId));
    showView('counter');
    try {
        await refresh('all');
    } catch (error) {
        await failed(error);
    }
    connectLive();
}

async function logout() {
    const currentMode = mode();
    if (document.body.dataset.view === 'counter' && (currentMode === 'called' || currentMode === 'serving')) {
        showMessage('error', t('err.activeTicket'), 'active_ticket');
        return;
    }
    await command(async () => {
        if (document.body.dataset.view === 'counter' && (currentMode === 'idle' || currentMode === 'paused')) {
            await api.post(counterPath('close'));
        }
        await api.post('/auth/logout');
        api.token = null;
        sessionStorage.removeItem(STORAGE.token);
        disconnectLive();
        state.agent = null;
        state.counter = null;
        clearMessage();
        showView('login');
        renderLogin();
    });
}

function toggleLanguage() {
    const next = setLanguage(language() === 'fr' ? 'en' : 'fr');
    localStorage.setItem(STORAGE.language, next);
    renderAll();
}

// ---------------------------------------------------------------- start

async function boot() {
    setLanguage(localStorage.getItem(STORAGE.language) ?? 'fr');
    translateStatic();
    $('#login-form').addEventListener('submit', login);
    $('#lang-toggle').addEventListener('click', toggleLanguage);
    $('#logout').addEventListener('click', logout);
    $('#pause-form').addEventListener('submit', submitPause);
    $('#transfer-form').addEventListener('submit', submitTransfer);
    document.querySelectorAll('input[name="transfer-to"]').forEach((radio) => {
        radio.addEventListener('change', syncTransferTarget);
    });
    document.querySelectorAll('dialog .cancel').forEach((button) => {
        button.addEventListener('click', () => button.closest('dialog').close());
    });
    $('#pause-other').addEventListener('focus', () => {
        $('#pause-dialog input[name="reason"][value="other"]').checked = true;
    });
    document.addEventListener('keydown', onKey);
    setInterval(tick, 1000);
    setInterval(() => {
        if (document.body.dataset.view === 'counter' && state.live !== 'open' && !retryTimer) {
            refresh('all').catch(backgroundFailure);
        }
    }, POLL_WHEN_NOT_LIVE_MS);
    setInterval(() => {
        if (document.body.dataset.view === 'counter' && !retryTimer) {
            refresh('all').catch(backgroundFailure);
        }
    }, RESYNC_MS);

    const token = sessionStorage.getItem(STORAGE.token);
    if (!token) {
        showView('login');
        renderLogin();
        $('#username').focus();
        return;
    }
    api.token = token;
    try {
        state.agent = await api.get('/auth/me');
        await afterLogin();
    } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
            return;
        }
        showView('login');
        renderLogin();
        await failed(error);
    }
}

boot();
