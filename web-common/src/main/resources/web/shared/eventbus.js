// Listening to the Guichet event bus through the SockJS bridge at /eventbus (vertx event-bus bridge protocol).
//
//   const bus = new EventBus('/eventbus', { token });
//   bus.onState(async state => { if (state === 'open') await refetchStateOverRest(); });
//   bus.subscribe('guichet.room.r1', (body, message) => ...);
//   bus.start();
//
// Frames sent: {type:"register"|"unregister", address, headers:{token}} and {type:"ping"} every 5 s.
// Frames received: {type:"rec", address, body}, {type:"registered", address} once the server listens to an address
// for this page (Guichet's bridge sends it; across a cluster, once the other servers know), and {type:"err", body}.
// After every (re)connection the state becomes 'open' once the server has answered every registration (or after 3 s
// without an answer), so that a REST refetch made then sees everything published before the page listened. The
// 'open' callbacks run then; if they return promises (e.g. that refetch), messages received meanwhile are held and
// delivered after those promises settle, so a page never applies a live message before the state it refetched, and
// never misses one.

const SOCKJS_URL = '/webjars/sockjs-client/1.6.1/dist/sockjs.min.js';
const PING_MILLIS = 5000;
const FIRST_RETRY_MILLIS = 1000;
const LAST_RETRY_MILLIS = 15000;
/** How long a (re)connection waits for the server to answer its registrations before it goes on regardless. */
const APPROVAL_MILLIS = 3000;

let sockJsLoading = null;

function loadSockJS() {
    if (globalThis.SockJS) {
        return Promise.resolve(globalThis.SockJS);
    }
    if (!sockJsLoading) {
        sockJsLoading = new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = SOCKJS_URL;
            script.onload = () => resolve(globalThis.SockJS);
            script.onerror = () => {
                sockJsLoading = null;
                script.remove();
                reject(new Error('SockJS could not be loaded'));
            };
            document.head.appendChild(script);
        });
    }
    return sockJsLoading;
}

export class EventBus {
    constructor(url = '/eventbus', { token, onError } = {}) {
        this.url = url;
        this.token = token;
        this.onError = onError;
        this.handlers = new Map();      // address -> Set of handlers
        this.stateCallbacks = [];
        this.state = 'closed';
        this.socket = null;
        this.pingTimer = null;
        this.retryTimer = null;
        this.retryMillis = FIRST_RETRY_MILLIS;
        this.stopped = true;
        this.held = null;               // messages held until the 'open' callbacks have run
        this.approval = null;           // the registrations sent on opening that the server has not answered
    }

    start() {
        if (!this.stopped) {
            return this;
        }
        this.stopped = false;
        this.connect();
        return this;
    }

    /** Listens to an address (again after every reconnection); returns a function that stops listening. */
    subscribe(address, handler) {
        let set = this.handlers.get(address);
        const first = !set;
        if (first) {
            set = new Set();
            this.handlers.set(address, set);
        }
        set.add(handler);
        if (first) {
            // Sent only on an open socket; otherwise the next opening registers every address.
            this.sendFrame({ type: 'register', address, headers: this.headers() });
        }
        return () => {
            set.delete(handler);
            if (set.size === 0 && this.handlers.get(address) === set) {
                this.handlers.delete(address);
                this.sendFrame({ type: 'unregister', address, headers: this.headers() });
            }
        };
    }

    /** callback(state) with state 'connecting', 'open' or 'closed'; on 'open' it may return a promise. */
    onState(callback) {
        this.stateCallbacks.push(callback);
        return this;
    }

    close() {
        this.stopped = true;
        this.endApproval();
        clearTimeout(this.retryTimer);
        this.stopPing();
        if (this.socket) {
            const socket = this.socket;
            this.socket = null;
            socket.close();
        }
        this.setState('closed');
    }

    // --- internals ---

    headers() {
        return this.token ? { token: this.token } : {};
    }

    connect() {
        this.setState('connecting');
        loadSockJS().then(SockJS => {
            if (this.stopped) {
                return;
            }
            const socket = new SockJS(this.url, null, { transports: ['websocket', 'xhr-streaming', 'xhr-polling'] });
            this.socket = socket;
            socket.onopen = () => this.opened(socket);
            socket.onmessage = event => this.received(socket, event.data);
            socket.onclose = () => this.closed(socket);
        }).catch(() => this.scheduleRetry());
    }

    opened(socket) {
        if (socket !== this.socket) {
            return;
        }
        this.retryMillis = FIRST_RETRY_MILLIS;
        this.held = [];
        const addresses = [...this.handlers.keys()];
        for (const address of addresses) {
            this.sendFrame({ type: 'register', address, headers: this.headers() });
        }
        this.sendFrame({ type: 'ping' });
        this.pingTimer = setInterval(() => this.sendFrame({ type: 'ping' }), PING_MILLIS);
        this.approved(addresses).then(() => {
            if (socket !== this.socket) {
                return;
            }
            const pending = this.setState('open');
            Promise.allSettled(pending).then(() => {
                if (socket !== this.socket) {
                    return;
                }
                const held = this.held || [];
                this.held = null;
                held.forEach(message => this.deliver(message));
            });
        });
    }

    /**
     * Settles when the server has answered each of these registrations, approved or refused (a refusal does not say
     * which address it refuses: each one counts for one), or after APPROVAL_MILLIS whatever it said (a server that
     * does not tell approvals).
     */
    approved(addresses) {
        this.endApproval();
        return new Promise(resolve => {
            const approval = { waiting: new Set(addresses), refusals: 0, resolve, timer: null };
            approval.timer = setTimeout(() => this.endApproval(), APPROVAL_MILLIS);
            this.approval = approval;
            this.checkApproval();
        });
    }

    checkApproval() {
        if (this.approval && this.approval.waiting.size <= this.approval.refusals) {
            this.endApproval();
        }
    }

    endApproval() {
        const approval = this.approval;
        this.approval = null;
        if (approval) {
            clearTimeout(approval.timer);
            approval.resolve();
        }
    }

    received(socket, data) {
        if (socket !== this.socket) {
            return;
        }
        let message;
        try {
            message = typeof data === 'string' ? JSON.parse(data) : data;
        } catch (e) {
            return;
        }
        if (message.type === 'registered') {
            this.approval?.waiting.delete(message.address);
            this.checkApproval();
            return;
        }
        if (message.type === 'err') {
            console.warn('event bus refused:', message.body);
            if (this.approval) {
                this.approval.refusals += 1;
                this.checkApproval();
            }
            if (this.onError) {
                this.onError(message);
            }
            return;
        }
        if (message.type !== 'rec') {
            return;
        }
        if (this.held) {
            this.held.push(message);
        } else {
            this.deliver(message);
        }
    }

    deliver(message) {
        const set = this.handlers.get(message.address);
        if (!set) {
            return;
        }
        for (const handler of [...set]) {
            try {
                handler(message.body, message);
            } catch (e) {
                console.error('event bus handler failed', e);
            }
        }
    }

    closed(socket) {
        if (socket !== this.socket) {
            return;
        }
        this.socket = null;
        this.held = null;
        this.endApproval();
        this.stopPing();
        if (this.stopped) {
            return;
        }
        this.setState('closed');
        this.scheduleRetry();
    }

    scheduleRetry() {
        if (this.stopped) {
            return;
        }
        // Jitter, so that a server restart is not met by every screen of a building in the same millisecond.
        const delay = this.retryMillis * (0.5 + Math.random() / 2);
        this.retryMillis = Math.min(this.retryMillis * 2, LAST_RETRY_MILLIS);
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => this.connect(), delay);
    }

    stopPing() {
        clearInterval(this.pingTimer);
        this.pingTimer = null;
    }

    sendFrame(frame) {
        if (this.socket && this.socket.readyState === 1) {
            this.socket.send(JSON.stringify(frame));
        }
    }

    setState(state) {
        this.state = state;
        const results = [];
        for (const callback of this.stateCallbacks) {
            try {
                results.push(callback(state));
            } catch (e) {
                console.error('event bus state callback failed', e);
            }
        }
        return results;
    }
}
