package org.guichet.server.web.display;

import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * How a call is told on the screens (issue 14): in words, shape and motion as well as colour, with less motion for
 * whoever asks for it; with contrast of at least 4.5:1 for every text and 7:1 for the call; every call shown also
 * spoken; and the deaf visitors' option, which holds each call on screen and flashes it before it changes.
 */
class ScreenCallCuesTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static String screen;
    private static String counterScreen;
    private static String agentC1;
    private static String agentC2;

    /** WCAG 2.x contrast ratio of an element's text against what is really behind it (translucent layers blended). */
    static final String CONTRAST = """
            const parse = colour => {
              const parts = colour.match(/rgba?\\(([^)]+)\\)/)[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
              return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
            };
            const over = (top, below) => ({ r: top.r * top.a + below.r * (1 - top.a),
              g: top.g * top.a + below.g * (1 - top.a), b: top.b * top.a + below.b * (1 - top.a), a: 1 });
            const behind = element => {
              const layers = [];
              for (let e = element; e; e = e.parentElement) {
                const colour = parse(getComputedStyle(e).backgroundColor);
                if (colour.a > 0) { layers.push(colour); }
                if (colour.a >= 1) { break; }
              }
              return layers.reverse().reduce((below, top) => over(top, below), { r: 255, g: 255, b: 255, a: 1 });
            };
            const luminance = ({ r, g, b }) => {
              const linear = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
              return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
            };
            const ratio = element => {
              const text = luminance(over(parse(getComputedStyle(element).color), behind(element)));
              const back = luminance(behind(element));
              return (Math.max(text, back) + 0.05) / (Math.min(text, back) + 0.05);
            };
            const ownText = element => [...element.childNodes]
                .some(node => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
            const shown = element => element.getClientRects().length > 0
                && getComputedStyle(element).visibility !== 'hidden';
            const result = {};
            for (const element of document.body.querySelectorAll('*')) {
              if (ownText(element) && shown(element)) {
                const name = element.id || `${element.tagName.toLowerCase()}.${element.className}`;
                result[`${name} "${element.textContent.trim().slice(0, 20)}"`] = ratio(element);
              }
            }
            return result;
            """;

    @BeforeAll
    static void setUp() {
        screen = server.tokenOf("screen-1");
        counterScreen = server.tokenOf("cscreen-1");
        agentC1 = server.agentAtCounter("cues.agent1", "s1", "c1");
        agentC2 = server.agentAtCounter("cues.agent2", "s1", "c2");
    }

    /** Ends whatever c1 and c2 still hold (a test that failed half-way leaves a call), so each test calls afresh. */
    @org.junit.jupiter.api.BeforeEach
    void freeCounters() {
        for (String[] counter : new String[][] {{"c1", agentC1}, {"c2", agentC2}}) {
            JsonObject current = ok(server.get("/api/v1/counters/" + counter[0], counter[1]))
                    .getJsonObject("currentTicket");
            if (current != null) {
                String action = "CALLED".equals(current.getString("status")) ? "no-show" : "finish";
                ok(server.post("/api/v1/tickets/" + current.getLong("id") + "/" + action, counter[1], null));
            }
        }
        ok(server.post("/api/v1/counters/c1/open", agentC1, null));
    }

    private static void reduceMotion(ScreenPage page) {
        page.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
    }

    private static Object style(ScreenPage page, String id, String property) {
        return page.script("return getComputedStyle(document.getElementById(arguments[0]))[arguments[1]]", id,
                property);
    }

    private static void serve(String agent, JsonObject ticket) {
        RoomScene.start(server, agent, ticket);
        RoomScene.finish(server, agent, ticket);
    }

    /** Flashes a second of an animation running `duration` per on/off cycle (e.g. "1s"). */
    private static double flashesPerSecond(Object duration) {
        return 1 / Double.parseDouble(String.valueOf(duration).replace("s", ""));
    }

    @Test
    void a_new_call_and_a_recall_are_told_in_words_and_by_a_frame_and_flash_only_for_who_wants_motion() {
        ScreenPage.inBrowser(1280, 720, page -> {
            page.open(server.baseUrl() + "/display/?token=" + screen + "&deaf=0");
            page.awaitRoomReady();
            JsonObject ticket = server.issue(agentC1, "svc-a");
            RoomScene.call(server, agentC1, ticket, "c1");
            page.await(Duration.ofSeconds(5), d -> ticket.getString("number").equals(page.text("current-number")));
            assertThat(page.text("current-label")).isEqualToIgnoringCase("Nouvel appel");
            assertThat(style(page, "current", "boxShadow")).asString().contains("inset");
            assertThat(style(page, "current", "animationName")).isEqualTo("flash");
            assertThat(flashesPerSecond(style(page, "current", "animationDuration"))).isLessThanOrEqualTo(3);
            page.await(Duration.ofSeconds(10), d -> page.text("current-label").equalsIgnoreCase("Ticket"));
            assertThat(style(page, "current", "boxShadow")).isEqualTo("none");

            reduceMotion(page);
            ok(server.post("/api/v1/tickets/" + ticket.getLong("id") + "/recall", agentC1, null));
            page.await(Duration.ofSeconds(5), d -> page.text("current-label").equalsIgnoreCase("Rappel"));
            assertThat(style(page, "current", "animationName")).as("no flashing with reduced motion")
                    .isEqualTo("none");
            assertThat(style(page, "current", "boxShadow")).asString().contains("inset");
            serve(agentC1, ticket);
        });
    }

    @Test
    void texts_contrast_at_least_4_5_to_1_and_the_call_7_to_1_on_both_screens() {
        ScreenPage.inBrowser(1280, 720, page -> {
            page.open(server.baseUrl() + "/display/?token=" + screen);
            page.awaitRoomReady();
            JsonObject ticket = server.issue(agentC1, "svc-a");
            RoomScene.call(server, agentC1, ticket, "c1");
            page.await(Duration.ofSeconds(5), d -> ticket.getString("number").equals(page.text("current-number")));
            page.await(Duration.ofSeconds(10), d -> !(Boolean) page.script(
                    "return document.getElementById('current').classList.contains('flash')"));
            assertContrast(page, List.of("current-label", "current-number", "current-counter"));

            page.open(server.baseUrl() + "/display/counter.html?token=" + counterScreen);
            page.awaitCounterReady();
            assertContrast(page, List.of("label", "number"));
            serve(agentC1, ticket);
            page.await(Duration.ofSeconds(5), d -> "Libre".equals(page.text("status")));
            assertContrast(page, List.of("status"));
            ok(server.post("/api/v1/counters/c1/pause", agentC1, new JsonObject()));
            page.await(Duration.ofSeconds(5), d -> "En pause".equals(page.text("status")));
            assertContrast(page, List.of("status"));
            ok(server.post("/api/v1/counters/c1/close", agentC1, null));
            page.await(Duration.ofSeconds(5), d -> "Fermé".equals(page.text("status")));
            assertContrast(page, List.of("status"));
            ok(server.post("/api/v1/counters/c1/open", agentC1, null));
        });
    }

    @SuppressWarnings("unchecked")
    private static void assertContrast(ScreenPage page, List<String> call) {
        Map<String, Object> ratios = (Map<String, Object>) page.script(CONTRAST);
        System.out.println("contrast ratios: " + ratios);
        assertThat(ratios).isNotEmpty().allSatisfy((element, ratio) ->
                assertThat(((Number) ratio).doubleValue()).as(element).isGreaterThanOrEqualTo(4.5));
        for (String id : call) {
            assertThat(ratios.entrySet()).as("the call's %s", id).anySatisfy(entry -> {
                assertThat(entry.getKey()).startsWith(id + " ");
                assertThat(((Number) entry.getValue()).doubleValue()).isGreaterThanOrEqualTo(7);
            });
        }
    }

    @Test
    void every_call_shown_is_spoken_after_it_is_shown() {
        ScreenPage.inBrowser(1280, 720, page -> {
            page.installFakeSpeech();
            page.open(server.baseUrl() + "/display/?token=" + screen);
            page.awaitRoomReady();
            JsonObject first = server.issue(agentC1, "svc-a");
            JsonObject second = server.issue(agentC2, "svc-a");
            RoomScene.call(server, agentC1, first, "c1");
            RoomScene.call(server, agentC2, second, "c2");
            ok(server.post("/api/v1/tickets/" + first.getLong("id") + "/recall", agentC1, null));
            page.await(Duration.ofSeconds(30), d -> page.fakeSpeechLog().stream()
                    .filter(e -> "end".equals(e.get("event"))).count() >= 3);
            assertShownCallsSpoken(page);
            serve(agentC1, first);
            serve(agentC2, second);
        });
    }

    /** Each call the board showed was spoken once, in the same order, after it was shown, as "Ticket <number>…". */
    private static void assertShownCallsSpoken(ScreenPage page) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> board = (List<Map<String, Object>>) page.script(
                "return window.guichetDisplay.shown.filter(e => e.event === 'shown')");
        List<Map<String, Object>> spoken = page.fakeSpeechLog().stream()
                .filter(e -> "start".equals(e.get("event"))).toList();
        assertThat(board).hasSize(spoken.size());
        for (int i = 0; i < board.size(); i++) {
            String number = (String) board.get(i).get("number");
            String said = (String) spoken.get(i).get("text");
            assertThat(said).startsWith("Ticket " + number.charAt(0));
            assertThat(said.replace(" ", "")).contains(number.substring(1).replaceFirst("^0+", ""));
            assertThat(((Number) spoken.get(i).get("at")).doubleValue())
                    .isGreaterThanOrEqualTo(((Number) board.get(i).get("at")).doubleValue());
        }
    }

    @Test
    void with_the_deaf_option_a_call_stays_its_hold_time_then_flashes_before_the_next_one_even_with_reduced_motion() {
        int holdSeconds = 4;
        ScreenPage.inBrowser(1280, 720, page -> {
            page.installFakeSpeech();
            reduceMotion(page);
            page.open(server.baseUrl() + "/display/?token=" + screen + "&deaf=1&hold=" + holdSeconds);
            page.awaitRoomReady();
            assertThat(page.driver().getCurrentUrl()).doesNotContain("deaf");
            JsonObject first = server.issue(agentC1, "svc-a");
            JsonObject second = server.issue(agentC2, "svc-a");
            RoomScene.call(server, agentC1, first, "c1");
            page.await(Duration.ofSeconds(5), d -> first.getString("number").equals(page.text("current-number")));
            RoomScene.call(server, agentC2, second, "c2");

            // Before it changes, the first call flashes (whatever the motion setting), says so, and stays on screen.
            page.await(Duration.ofSeconds(30), d -> (Boolean) page.script(
                    "return document.getElementById('current').classList.contains('leaving')"));
            assertThat(page.text("current-number")).isEqualTo(first.getString("number"));
            assertThat(page.text("current-label")).isEqualToIgnoringCase("Fin de l’appel");
            assertThat(style(page, "current", "animationName")).isEqualTo("flash");
            assertThat(style(page, "current-number", "animationName")).isEqualTo("flash-accent");
            assertThat(flashesPerSecond(style(page, "current", "animationDuration"))).isLessThanOrEqualTo(3);
            assertThat(Integer.parseInt(String.valueOf(style(page, "current", "animationIterationCount"))))
                    .isBetween(2, 5);

            page.await(Duration.ofSeconds(30), d -> second.getString("number").equals(page.text("current-number")));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> board = (List<Map<String, Object>>) page.script(
                    "return window.guichetDisplay.shown");
            assertThat(board.stream().map(e -> e.get("event") + " " + e.get("number")).toList()).containsExactly(
                    "shown " + first.getString("number"), "leaving " + first.getString("number"),
                    "shown " + second.getString("number"));
            double shownFirst = ((Number) board.get(0).get("at")).doubleValue();
            assertThat(((Number) board.get(1).get("at")).doubleValue() - shownFirst)
                    .as("the first call was held at least %d s", holdSeconds)
                    .isGreaterThanOrEqualTo(holdSeconds * 1000.0);
            page.await(Duration.ofSeconds(30), d -> page.fakeSpeechLog().stream()
                    .filter(e -> "end".equals(e.get("event"))).count() >= 2);
            assertShownCallsSpoken(page);

            // Its visitor reached the counter: the second call still flashes before the card empties.
            serve(agentC2, second);
            page.await(Duration.ofSeconds(40), d -> page.text("current-number").isEmpty());
            @SuppressWarnings("unchecked")
            List<String> after = ((List<Map<String, Object>>) page.script("return window.guichetDisplay.shown"))
                    .stream().skip(3).map(e -> e.get("event") + " " + e.get("number")).toList();
            assertThat(after).containsExactly("leaving " + second.getString("number"), "cleared null");
            assertThat(page.text("current-label")).isEqualTo("Bienvenue");
            serve(agentC1, first);
        });
    }

    @Test
    void the_deaf_option_and_its_hold_are_read_from_the_address_as_plain_values() {
        ScreenPage.inBrowser(800, 600, page -> {
            page.open(server.baseUrl() + "/health");
            Object answer = page.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import('/display/screen.js').then(({ isOn, holdSeconds }) => done(JSON.stringify({
                      on: ['1', 'on', 'yes', 'true', 'oui', 'ON'].map(isOn),
                      off: ['0', '', 'off', 'no', null, undefined, 'maybe'].map(isOn),
                      holds: ['20', '1', '600', '2.5'].map(holdSeconds),
                      refused: ['0', '-3', '601', 'abc', '', null].map(holdSeconds) })),
                      error => done(JSON.stringify({ failed: String(error) })));
                    """);
            JsonObject result = new JsonObject((String) answer);
            assertThat(result.getString("failed")).isNull();
            assertThat(result.getJsonArray("on").getList()).containsOnly(true);
            assertThat(result.getJsonArray("off").getList()).containsOnly(false);
            assertThat(result.getJsonArray("holds").getList()).containsExactly(20, 1, 600, 2.5);
            assertThat(result.getJsonArray("refused").getList()).containsOnly((Object) null);
        });
    }
}
