// Moving a screen to another server node when the one that served its page is gone. The server lists every node's
// address as screens reach it (GET /api/v1/nodes, from http.publicUrls; empty: the screen stays where it is). When
// the live connection has been down for a few seconds and the page's own node does not answer either, the screen
// looks for the next node that answers, in the configured order, and opens the same page there, handing its
// settings over in the address's fragment (#token=…): a fragment is never sent to a server, so the token stays out
// of every access log; the page there keeps it in that node's storage and clears the address bar.

/** How long the live connection stays down before the screen looks for another node. */
export const DOWN_MILLIS_BEFORE_LOOKING = 3000;
const LOOK_EVERY_MILLIS = 1000;
const PROBE_MILLIS = 2000;

/** The other nodes to try, in the configured order from the one after this page's node (or the first when unlisted). */
export function otherNodes(publicUrls, origin) {
    const index = publicUrls.indexOf(origin);
    const ordered = index < 0 ? publicUrls : [...publicUrls.slice(index + 1), ...publicUrls.slice(0, index)];
    return ordered.filter(url => url !== origin);
}

/**
 * Whether a node answers HTTP at all: a cross-origin request in no-cors mode resolves on any answer (its content
 * cannot be read, and need not be) and rejects when nothing answers.
 */
export async function answers(url) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), PROBE_MILLIS);
    try {
        await fetch(url + '/health', { mode: 'no-cors', cache: 'no-store', signal: controller.signal });
        return true;
    } catch (error) {
        return false;
    } finally {
        clearTimeout(timer);
    }
}

/** The address of the same page on another node, with the settings handed over in its fragment. */
export function pageOn(node, page, settings) {
    const handed = new URLSearchParams();
    for (const [name, value] of Object.entries(settings)) {
        handed.set(name, value ?? '');
    }
    return node + page + '#' + handed.toString();
}

/**
 * Watches the live connection; once it has been down DOWN_MILLIS_BEFORE_LOOKING and this node does not answer,
 * opens the page on the next node that answers. state.nodes shows the addresses known (tests read it).
 *   bus        the event bus (its state, and onState)
 *   api        the REST client, for GET /nodes
 *   settings() what to hand over: {token, lang, message, deaf, hold}, each a string or absent
 *   page       this page's path on every node ('/display/')
 */
export function watchNodes({ bus, api, state, settings, page }) {
    let nodes = [];
    let downSince = null;
    let looking = false;
    const readNodes = () => api.get('/nodes')
        .then(found => {
            nodes = Array.isArray(found?.publicUrls) ? found.publicUrls : [];
            state.nodes = nodes;
        })
        .catch(() => {});
    readNodes();
    bus.onState(connection => {
        if (connection === 'open') {
            downSince = null;
            readNodes();
        } else if (downSince === null) {
            downSince = Date.now();
        }
        return undefined;
    });
    setInterval(async () => {
        if (looking || downSince === null || Date.now() - downSince < DOWN_MILLIS_BEFORE_LOOKING
            || otherNodes(nodes, location.origin).length === 0) {
            return;
        }
        looking = true;
        try {
            if (await answers(location.origin)) {
                return;     // this node is there: its live connection will come back
            }
            for (const node of otherNodes(nodes, location.origin)) {
                if (bus.state === 'open') {
                    return;
                }
                if (await answers(node)) {
                    state.movingTo = node;
                    bus.close();
                    location.replace(pageOn(node, page, settings()));
                    return;
                }
            }
        } finally {
            looking = false;
        }
    }, LOOK_EVERY_MILLIS);
}
