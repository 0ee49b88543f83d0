package org.guichet.server.web;

import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layer every web app shares (guichet-web-common, served at /shared/ from its jar), exercised in real headless
 * Chromium against a real server: i18n (plurals, fallback, translatePage on texts and attributes, remembered language,
 * formatting), the REST client (errors, 204, the 401 hook, never resending a request the network lost) and h().
 */
class SharedLayerBrowserTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open(800, 600);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Runs an async function body in a page of the server's origin; its return value comes back as JSON. */
    private static JsonObject run(String body) {
        browser.get(server.baseUrl() + "/health");
        Object answer = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const args = arguments;
                (async () => {""" + body + """
                })().then(value => done(JSON.stringify(value)), error => done(JSON.stringify(
                    {failed: String(error && error.stack || error)})));
                """, server.adminToken());
        JsonObject result = new JsonObject((String) answer);
        assertThat(result.getString("failed")).as("script failure").isNull();
        return result;
    }

    @Test
    void i18n_chooses_pluralises_falls_back_translates_the_page_and_remembers_the_language() {
        JsonObject result = run("""
                const i18n = await import('/shared/i18n.js');
                i18n.registerTexts('fr', { ahead: { zero: 'Vous êtes le prochain', one: '{count} personne',
                    other: '{count} personnes' }, field: 'Nom', hint: 'Votre nom', onlyFrench: 'Seulement en français' });
                i18n.registerTexts('en', { ahead: { zero: 'You are next', one: '{count} person', other: '{count} people' },
                    field: 'Name', hint: 'Your name' });
                i18n.registerTexts('es', { ahead: { one: '{count} persona', other: '{count} personas' } });
                localStorage.removeItem('test.language');
                const form = document.createElement('form');
                const label = document.createElement('label');
                label.dataset.i18n = 'field';
                const input = document.createElement('input');
                input.dataset.i18nAttr = 'placeholder: hint; aria-label: field';
                form.append(label, input);
                document.body.append(form);
                const out = { languages: i18n.languages(), started: i18n.rememberLanguage('test.language', 'xx') };
                out.frenchAhead = [0, 1, 2].map(count => i18n.t('ahead', { count }));
                out.spanishZero = i18n.textIn('es', 'ahead', { count: 0 });
                i18n.translatePage();
                out.french = [label.textContent, input.placeholder, input.getAttribute('aria-label')];
                out.chosen = i18n.setLanguage(i18n.chooseLanguage('de-DE', 'EN_gb'));
                i18n.translatePage(form);
                out.english = [label.textContent, input.placeholder, input.getAttribute('aria-label')];
                out.htmlLang = document.documentElement.lang;
                out.kept = localStorage.getItem('test.language');
                out.fallback = i18n.t('onlyFrench');
                out.missing = i18n.t('no.such.text');
                out.next = i18n.nextLanguage();
                out.durations = [[45, 'glance'], [380, 'glance'], [1500, 'glance'], [3900, 'glance'], [3900, 'minutes'],
                    [45, 'timer'], [4330, 'timer']].map(([seconds, style]) => i18n.formatDuration(seconds, style));
                i18n.setLanguage('fr');
                out.frenchNumbers = [i18n.formatNumber(1234.5, 1), i18n.formatPercent(0.953), i18n.formatNumber(null)]
                    .map(text => text.replace(/\\s/g, ' '));
                return out;
                """);

        assertThat(result.getJsonArray("languages").getList()).containsExactly("fr", "en", "es");
        assertThat(result.getString("started")).isEqualTo("fr");
        assertThat(result.getJsonArray("frenchAhead").getList())
                .containsExactly("Vous êtes le prochain", "1 personne", "2 personnes");
        assertThat(result.getString("spanishZero")).isEqualTo("0 personas");
        assertThat(result.getJsonArray("french").getList()).containsExactly("Nom", "Votre nom", "Nom");
        assertThat(result.getString("chosen")).isEqualTo("en");
        assertThat(result.getJsonArray("english").getList()).containsExactly("Name", "Your name", "Name");
        assertThat(result.getString("htmlLang")).isEqualTo("en");
        assertThat(result.getString("kept")).isEqualTo("en");
        assertThat(result.getString("fallback")).isEqualTo("Seulement en français");
        assertThat(result.getString("missing")).isEqualTo("no.such.text");
        assertThat(result.getString("next")).isEqualTo("es");
        assertThat(result.getJsonArray("durations").getList()).containsExactly(
                "45 s", "6 min 20 s", "25 min", "1 h 05 min", "1 h 05", "0 min 45 s", "1 h 12 min");
        assertThat(result.getJsonArray("frenchNumbers").getList()).containsExactly("1 234,5", "95,3 %", "—");
    }

    @Test
    void the_rest_client_reports_failures_as_api_errors_and_never_resends_what_the_network_lost() {
        JsonObject result = run("""
                const { Api, ApiError } = await import('/shared/api.js');
                const out = {};
                out.rules = await new Api().get('/rules');
                const failure = async promise => promise.then(() => null,
                    error => ({ api: error instanceof ApiError, status: error.status, code: error.code }));
                out.notFound = await failure(new Api().get('/public/tickets/AAAAAAAAAAAAAAAAAAAAAA'));
                const unauthorized = [];
                const stale = new Api({ token: 'gd_not-a-token', onUnauthorized: error => unauthorized.push(error.status) });
                out.refused = await failure(stale.get('/auth/me'));
                out.unauthorized = unauthorized;
                out.noContent = await new Api({ token: args[0] }).post('/admin/devices/screen-1b/revoke');

                const realFetch = window.fetch;
                let sent = 0;
                window.fetch = () => { sent++; return Promise.reject(new TypeError('Failed to fetch')); };
                out.lost = await failure(new Api({ token: args[0] }).post('/counters/c1/call-next'));
                out.sent = sent;
                window.fetch = realFetch;

                const kept = new Api({ tokenStorageKey: 'test.token' });
                kept.setToken('gd_kept');
                out.storedToken = sessionStorage.getItem('test.token');
                out.reread = new Api({ tokenStorageKey: 'test.token' }).token;
                kept.setToken(null);
                out.cleared = sessionStorage.getItem('test.token');
                return out;
                """);

        JsonObject rules = TestServer.ok(server.get("/api/v1/rules", null));
        assertThat(result.getJsonObject("rules")).isEqualTo(rules);
        assertThat(result.getJsonObject("notFound").getMap())
                .containsEntry("api", true).containsEntry("status", 404).containsEntry("code", "not_found");
        assertThat(result.getJsonObject("refused").getInteger("status")).isEqualTo(401);
        assertThat(result.getJsonArray("unauthorized").getList()).containsExactly(401);
        assertThat(result.getValue("noContent")).isNull();
        assertThat(result.getJsonObject("lost").getMap())
                .containsEntry("api", true).containsEntry("status", 0).containsEntry("code", "network");
        assertThat(result.getInteger("sent")).as("requests sent for one lost POST").isEqualTo(1);
        assertThat(result.getString("storedToken")).isEqualTo("gd_kept");
        assertThat(result.getString("reread")).isEqualTo("gd_kept");
        assertThat(result.getValue("cleared")).isNull();
    }

    @Test
    void the_event_bus_opens_once_the_server_answered_every_registration_drops_older_messages_holds_newer_ones() {
        JsonObject result = run("""
                const sockets = [];
                globalThis.SockJS = class {
                    constructor(url) { this.readyState = 0; this.sent = []; sockets.push(this); }
                    send(text) { this.sent.push(JSON.parse(text)); }
                    close() { this.readyState = 3; }
                    open() { this.readyState = 1; this.onopen(); }
                    frame(frame) { this.onmessage({ data: JSON.stringify(frame) }); }
                    registers() { return this.sent.filter(f => f.type === 'register').map(f => f.address); }
                };
                const tick = () => new Promise(resolve => setTimeout(resolve, 0));
                const { EventBus } = await import('/shared/eventbus.js');
                const out = {};

                const log = [];
                let reread;
                const bus = new EventBus('/eventbus', { token: 'gd_x' });
                bus.onState(state => {
                    log.push('state ' + state);
                    return state === 'open' ? new Promise(resolve => { reread = resolve; }) : undefined;
                });
                bus.subscribe('guichet.room.r1', body => log.push('heard ' + body.n));
                bus.subscribe('guichet.counter.c1', body => log.push('heard ' + body.n));
                bus.start();
                await tick();
                const socket = sockets[0];
                socket.open();
                bus.subscribe('guichet.site.s1.queue', body => log.push('heard ' + body.n));
                out.registered = socket.registers();
                socket.frame({ type: 'rec', address: 'guichet.room.r1', body: { n: 1 } });
                socket.frame({ type: 'registered', address: 'guichet.room.r1' });
                socket.frame({ type: 'registered', address: 'guichet.counter.c1' });
                await tick();
                log.push('two of three approved');
                socket.frame({ type: 'registered', address: 'guichet.site.s1.queue' });
                await tick();
                socket.frame({ type: 'rec', address: 'guichet.counter.c1', body: { n: 2 } });
                await tick();
                log.push('state re-read');
                reread();
                await tick();
                out.log = log;
                bus.close();

                const refusedLog = [];
                const refused = new EventBus('/eventbus', { token: 'gd_x', onError: () => refusedLog.push('refused') });
                refused.onState(state => { refusedLog.push('state ' + state); });
                refused.subscribe('guichet.room.r1', () => {});
                refused.subscribe('guichet.room.r2', () => {});
                refused.start();
                await tick();
                sockets[1].open();
                sockets[1].frame({ type: 'err', body: 'rejected' });
                await tick();
                refusedLog.push('one refused');
                sockets[1].frame({ type: 'registered', address: 'guichet.room.r1' });
                await tick();
                out.refusedLog = refusedLog;
                refused.close();

                const silent = new EventBus('/eventbus', { approvalMillis: 50 });
                const silentOpened = new Promise(resolve => silent.onState(state => {
                    if (state === 'open') { resolve(); }
                }));
                silent.subscribe('guichet.room.r1', () => {});
                silent.start();
                await tick();
                sockets[2].open();
                await silentOpened;
                out.silentOpened = true;
                silent.close();

                delete globalThis.SockJS;
                const frames = [];
                const real = new EventBus('/eventbus');
                const opened = new Promise(resolve => real.onState(state => {
                    if (state === 'open') { frames.push('open'); resolve(); }
                }));
                const received = real.received.bind(real);
                real.received = (socket, data) => { frames.push(JSON.parse(data).type); received(socket, data); };
                real.subscribe('guichet.ticket.AAAAAAAAAAAAAAAAAAAAAA', () => {});
                real.start();
                await opened;
                real.close();
                out.realFrames = frames;
                return out;
                """);

        assertThat(result.getJsonArray("registered").getList())
                .containsExactly("guichet.room.r1", "guichet.counter.c1", "guichet.site.s1.queue");
        assertThat(result.getJsonArray("log").getList()).as("message 1 came before the approvals: the re-read has it")
                .containsExactly("state connecting", "two of three approved", "state open", "state re-read", "heard 2",
                        "state closed");
        assertThat(result.getJsonArray("refusedLog").getList())
                .containsExactly("state connecting", "refused", "one refused", "state open", "state closed");
        assertThat(result.getBoolean("silentOpened")).as("open without the server's answers, after the time given")
                .isTrue();
        assertThat(result.getJsonArray("realFrames").getList()).as("frames from the real server, then the state")
                .containsSubsequence("registered", "open");
    }

    @Test
    void h_builds_elements_whose_text_never_becomes_markup() {
        JsonObject result = run("""
                const { h } = await import('/shared/dom.js');
                let clicked = 0;
                const element = h('p', { class: 'note', dataset: { ticketId: '7' }, hidden: true, title: null,
                    onclick: () => clicked++ }, '<b>bold</b> ', 3, null, false, ['a', ['b']], h('span', {}, 'c'));
                element.click();
                return { html: element.outerHTML, elements: element.querySelectorAll('*').length, clicked,
                    text: element.textContent };
                """);

        assertThat(result.getString("html")).isEqualTo(
                "<p class=\"note\" data-ticket-id=\"7\" hidden=\"\">&lt;b&gt;bold&lt;/b&gt; 3ab<span>c</span></p>");
        assertThat(result.getInteger("elements")).isEqualTo(1);
        assertThat(result.getInteger("clicked")).isEqualTo(1);
        assertThat(result.getString("text")).isEqualTo("<b>bold</b> 3abc");
    }
}
