// One staff session for every tab of the browser, with the token kept where it was: in each tab's sessionStorage (see
// Api), never in a URL nor in localStorage, so that it is gone once the browser's last tab of the app is closed.
//
//   const tabs = new SharedSession(api, 'guichet.supervisor.session', { onLoggedOut: () => showLogin() });
//   if (!api.token) { await tabs.join(); }       // a new tab takes the session of a tab already open, if any
//   tabs.loggedOut();                             // after logging out here: every tab of this session leaves too
//
// Tabs talk over a BroadcastChannel, which only pages of the same origin share.

const ANSWER_WAIT_MS = 400;

export class SharedSession {
    constructor(api, channelName, { onLoggedOut }) {
        this.api = api;
        this.onLoggedOut = onLoggedOut;
        this.answered = null;
        this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName) : null;
        this.channel?.addEventListener('message', event => this.heard(event.data ?? {}));
    }

    heard(message) {
        if (message.type === 'ask' && this.api.token) {
            this.channel.postMessage({ type: 'session', token: this.api.token });
        } else if (message.type === 'session' && this.answered) {
            this.answered(message.token);
        } else if (message.type === 'logout' && message.token && message.token === this.api.token) {
            this.api.setToken(null);
            this.onLoggedOut();
        }
    }

    /** Takes the session of another open tab (true), or finds none in a moment (false). */
    join() {
        if (!this.channel) {
            return Promise.resolve(false);
        }
        return new Promise((resolve) => {
            const timer = setTimeout(() => finish(null), ANSWER_WAIT_MS);
            const finish = (token) => {
                clearTimeout(timer);
                this.answered = null;
                if (token && !this.api.token) {
                    this.api.setToken(token);
                }
                resolve(Boolean(token));
            };
            this.answered = finish;
            this.channel.postMessage({ type: 'ask' });
        });
    }

    /** The session whose token this was has ended here: the other tabs that share it leave as well. */
    loggedOut(token) {
        if (token) {
            this.channel?.postMessage({ type: 'logout', token });
        }
    }
}
