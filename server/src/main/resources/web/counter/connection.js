// The tablet's links to the server: the live event bus (whose messages only trigger re-reads over REST), and what
// happens when the server cannot be reached (say so, re-read with a growing delay, say when it is back).

import { showMessage } from './banner.js';
import { api, readSites, refresh } from './server.js';
import { siteIdOf, state } from './store.js';
import { renderHeader } from './views/header.js';
import { ApiError } from '/shared/api.js';
import { EventBus } from '/shared/eventbus.js';
import { t } from '/shared/i18n.js';

const LONGEST_RETRY_SECONDS = 16;

// ------------------------------------------------------------------ lost connection

/** Errors of reads nobody asked for (live updates, polling): only a lost connection is worth a word. */
export function backgroundFailure(error) {
    if (error instanceof ApiError && error.code === 'network') {
        retryUntilReachable();
    }
}

/**
 * Says the server cannot be reached, then re-reads until it answers. A command that failed this way is never sent
 * again: nobody knows whether the server applied it, and the re-read shows what it holds.
 */
export function retryUntilReachable() {
    const reconnect = state.reconnect;
    if (reconnect.timer) {
        return;
    }
    showMessage('error', t('err.network', { seconds: reconnect.delaySeconds }), 'network');
    reconnect.timer = setTimeout(async () => {
        try {
            if (state.view === 'counter') {
                await refresh('all');
            } else {
                await api.get('/auth/me');
            }
            reconnect.timer = null;
            reconnect.delaySeconds = 2;
            showMessage('info', t('msg.reconnected'), 'reconnected');
        } catch (error) {
            reconnect.timer = null;
            if (error instanceof ApiError && error.code === 'network') {
                reconnect.delaySeconds = Math.min(reconnect.delaySeconds * 2, LONGEST_RETRY_SECONDS);
                retryUntilReachable();
                return;
            }
            // The server answered, if only with a refusal: it is reachable again.
            reconnect.delaySeconds = 2;
        }
    }, reconnect.delaySeconds * 1000);
}

export function reconnecting() {
    return state.reconnect.timer !== null;
}

// ------------------------------------------------------------------ live updates

/** Listens to the counter's site queue and to the counter itself; each message only triggers a re-read. */
export function connectLive() {
    disconnectLive();
    const counterId = state.counterId;
    if (!api.token) {
        return;
    }
    const connection = new EventBus('/eventbus', { token: api.token });
    state.bus = connection;
    connection.onState((liveState) => {
        if (state.bus !== connection) {
            return undefined;
        }
        setLive(liveState);
        // Whatever happened while we were not listening, read it now; the bus holds messages until this is done.
        return liveState === 'open' ? refresh('all').catch(backgroundFailure) : undefined;
    });
    connection.subscribe(`guichet.site.${siteIdOf(counterId)}.queue`,
        () => refresh('waiting').catch(backgroundFailure));
    // The site's set-up changed (a service renamed, a counter added): read the layouts again, then the counter.
    connection.subscribe(`guichet.counter.${counterId}`, (message) => (message?.type === 'catalog'
        ? readSites().then(() => refresh('all')) : refresh('all')).catch(backgroundFailure));
    connection.start();
}

export function disconnectLive() {
    const closing = state.bus;
    state.bus = null;
    closing?.close();
    setLive('off');
}

function setLive(liveState) {
    state.live = liveState;
    renderHeader();
}
