// The tablet's one state object, and what follows from it. Every module reads and writes this object; none keeps state
// of its own. What the server holds is only ever copied here from a REST answer (server.js), never guessed.

/**
 * Training mode (/counter/?formation): the tablet offers the counters of the training copies of the agent's sites,
 * whose tickets count nowhere, and remembers its counter apart from the real one.
 */
export const TRAINING = new URLSearchParams(location.search).has('formation');

export const STORAGE = {
    counterId: TRAINING ? 'guichet.counter.training.id' : 'guichet.counter.id',
    counterName: TRAINING ? 'guichet.counter.training.name' : 'guichet.counter.name',
    language: 'guichet.counter.language',
    token: 'guichet.counter.token',
};

export const state = {
    // What the server said.
    agent: null,
    sites: [],          // GET /sites/<id> of every site of the agent
    counterId: null,
    counter: null,      // GET /counters/<id>
    waiting: [],        // GET /counters/<id>/waiting
    callbacks: { held: null, open: [] }, // GET /counters/<id>/callbacks: the one being made (with its number), the others
    waitingReadAt: 0,   // Date.now() when the waiting list was read: waited times keep counting from there
    today: null,        // GET /agents/me/today
    history: [],        // events of the current ticket (and of the ticket it was transferred from)
    clockOffsetMs: 0,   // server clock − tablet clock

    // What the tablet is doing.
    view: 'loading',    // 'login', 'choose' or 'counter' (mirrored on <body data-view>)
    busy: false,        // a command is in flight
    live: 'off',        // the event bus: 'off', 'connecting', 'open' or 'closed'
    bus: null,
    reads: { inFlight: null, queued: null, queuedKind: null },
    reconnect: { timer: null, delaySeconds: 2 },

    // What the views keep between two drawings.
    drawn: new Map(),   // section → signature of what it shows
    outcome: { ticketId: null, value: '', code: null },
    bannerTimer: null,
    keyboardUsed: false,  // the agent's last gesture was a key, not a tap: focus follows the commands
    focusActions: false,  // the focus was on a command button that a redrawing removed
};

// ------------------------------------------------------------------ after each read of the server's state

const readListeners = [];

/** listener(kind) after each read: 'all' (counter, list, day) or 'waiting' (the list only). */
export function onStateRead(listener) {
    readListeners.push(listener);
}

export function stateRead(kind) {
    readListeners.forEach(listener => listener(kind));
}

// ------------------------------------------------------------------ what follows from the state

/** What the agent can do now; the buttons and shortcuts follow from it. */
export function mode() {
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
    if (counter.status === 'OPEN' && state.callbacks.held?.phone) {
        return 'callback'; // calling someone back: how it went is said in the call-back's panel
    }
    return { CLOSED: 'closed', PAUSED: 'paused', OPEN: 'idle' }[counter.status];
}

export function allCounters() {
    return state.sites.flatMap(site => site.counters.map(counter => ({ ...counter, site })));
}

export function siteIdOf(counterId) {
    return state.sites.find(site => site.counters.some(counter => counter.id === counterId))?.id;
}

export function currentSite() {
    return state.sites.find(site => site.id === state.counter?.siteId)
        ?? state.sites.find(site => site.id === siteIdOf(state.counterId));
}

export function counterName(counterId) {
    return allCounters().find(counter => counter.id === counterId)?.name ?? counterId;
}

export function serviceName(site, serviceId) {
    return site?.services.find(service => service.id === serviceId)?.name ?? serviceId;
}
