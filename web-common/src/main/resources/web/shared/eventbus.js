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
// 'open' callbacks run then and must re-read the state: messages that arrived before are older than what they read,
// and are dropped. If the callbacks return promises (e.g. that refetch), messages received meanwhile are held and
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
    constructor(url = '/eventbus', { token, onError, approvalMillis = APPROVAL_MILLIS } = {}) {
        this.url = url;
        this.token = token;
        this.onError = onError;
        this.approvalMillis = approvalMillis;
        this.handlers = new Map();      // address -> Set of handlers
        this.stateCallbacks = [];
        this.state = 'closed';
        this.socket = null;
        this.pingTimer = null;
        this.retryTimer = null;
        this.retryMillis = FIRST_RETRY_MILLIS;
        this.stopped = true;
        this.held = null;               // messages held while the 'open' callbacks run
        this.approval = null;           // until 'open': how many registrations the server has not answered yet
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
        if (first && this.sendFrame({ type: 'register', address, headers: this.headers() }) && this.approval) {
            // Not sent when the socket is not open: the next opening registers every address.
            this.approval.unanswered += 1;
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
        const approved = this.approved();
        for (const address of this.handlers.keys()) {
            this.sendFrame({ type: 'register', address, headers: this.headers() });
            this.approval.unanswered += 1;
        }
        this.sendFrame({ type: 'ping' });
        this.pingTimer = setInterval(() => this.sendFrame({ type: 'ping' }), PING_MILLIS);
        this.checkApproval();
        approved.then(() => {
            if (socket !== this.socket) {
                return;
            }
            this.held = [];
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
     * Settles when the server has answered every registration sent from now on, approved or refused (a refusal does
     * not say which address it refuses: each answer counts for one), or after approvalMillis whatever it said (a
     * server that does not tell approvals).
     */
    approved() {
        this.endApproval();
        return new Promise(resolve => {
            const approval = { unanswered: 0, resolve, timer: null };
            approval.timer = setTimeout(() => this.endApproval(), this.approvalMillis);
            this.approval = approval;
        });
    }

    answered() {
        if (this.approval) {
            this.approval.unanswered -= 1;
            this.checkApproval();
        }
    }

    checkApproval() {
        if (this.approval && this.approval.unanswered <= 0) {
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
            this.answered();
            return;
        }
        if (message.type === 'err') {
            console.warn('event bus refused:', message.body);
            this.answered();
            if (this.onError) {
                this.onError(message);
            }
            return;
        }
        if (message.type !== 'rec' || this.state !== 'open') {
            // Before 'open', a message is older than the state the page re-reads then.
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

    /** Whether the frame went: only on an open socket. */
    sendFrame(frame) {
        if (this.socket && this.socket.readyState === 1) {
            this.socket.send(JSON.stringify(frame));
            return true;
        }
        return false;
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
