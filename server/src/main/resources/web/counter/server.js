// Reading the server's state into the store. Commands (commands.js) and live messages (connection.js) never change the
// store themselves: they ask for a read, so what the screen shows is always what the server holds.

import { siteIdOf, state, stateRead, STORAGE, TRAINING } from './store.js';
import { Api } from '/shared/api.js';

/** The agent's REST client; session.js sets what happens on a 401. */
export const api = new Api({ tokenStorageKey: STORAGE.token });

/**
 * Re-reads the counter ('all') or only its waiting list ('waiting'). Reads never overlap: a request made while one runs
 * is served by one more read after it, so an older answer can never overwrite a newer one.
 */
/** Every site of the agent with its layout (counters, services, rooms): what the choices and dialogs offer. */
export async function readSites() {
    const sites = await api.get(TRAINING ? '/sites?training=true' : '/sites');
    state.sites = await Promise.all(sites.map(site => api.get(`/sites/${encodeURIComponent(site.id)}`)));
}

export function refresh(kind = 'all') {
    const reads = state.reads;
    if (!reads.inFlight) {
        reads.inFlight = read(kind).finally(() => {
            reads.inFlight = null;
        });
        return reads.inFlight;
    }
    reads.queuedKind = reads.queuedKind === 'all' || kind === 'all' ? 'all' : 'waiting';
    if (!reads.queued) {
        reads.queued = reads.inFlight.catch(() => {}).then(() => {
            const next = reads.queuedKind;
            reads.queuedKind = null;
            reads.queued = null;
            return refresh(next);
        });
    }
    return reads.queued;
}

async function read(kind) {
    const counterId = state.counterId;
    if (!counterId || !api.token) {
        return;
    }
    const path = `/counters/${encodeURIComponent(counterId)}`;
    if (kind === 'waiting') {
        const [waiting, callbacks] = await Promise.all([api.get(`${path}/waiting`), readCallbacks(path)]);
        if (counterId === state.counterId) {
            state.waiting = waiting;
            state.callbacks = callbacks;
            state.waitingReadAt = Date.now();
            stateRead('waiting');
        }
        return;
    }
    const [counter, waiting, callbacks, today] = await Promise.all([
        api.get(path),
        api.get(`${path}/waiting`),
        readCallbacks(path),
        api.get(`/agents/me/today?siteId=${encodeURIComponent(siteIdOf(counterId))}`),
    ]);
    const readAt = Date.now();
    const history = counter.currentTicket ? await ticketHistory(counter.currentTicket) : [];
    if (counterId !== state.counterId) {
        return;
    }
    state.counter = counter;
    state.waiting = waiting;
    state.callbacks = callbacks;
    state.waitingReadAt = readAt;
    state.today = today;
    state.clockOffsetMs = Date.parse(today.at) - readAt;
    state.history = history;
    localStorage.setItem(STORAGE.counterName, counter.name);
    stateRead('all');
}

/**
 * The counter's call-backs; none in training mode (copies take none). A refusal leaves the last ones shown rather
 * than stopping the counter's read: the waiting list and the current ticket matter more.
 */
function readCallbacks(path) {
    if (TRAINING) {
        return Promise.resolve({ held: null, open: [] });
    }
    return api.get(`${path}/callbacks`).catch((error) => {
        if (error?.status === 401 || error?.code === 'network') {
            throw error;
        }
        return state.callbacks;
    });
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
