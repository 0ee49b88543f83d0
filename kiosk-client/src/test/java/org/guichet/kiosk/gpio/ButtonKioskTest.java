package org.guichet.kiosk.gpio;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.hardware.gpio.LampColor;
import org.guichet.kiosk.core.KioskFailure;
import org.guichet.kiosk.core.VisitorRequest;
import org.guichet.kiosk.testing.FakeEscPosPrinter;
import org.guichet.kiosk.testing.KioskExtension;
import org.guichet.kiosk.testing.MockGpio;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A buttons-only kiosk on Pi4J's mock platform, against a real server: button 17 issues svc-a, button 27 issues svc-b
 * as a priority ticket; the status light is on pins 5 (green), 6 (amber) and 13 (red). Buttons are wired to ground
 * with pull-ups: at rest HIGH, pressed LOW. The buttons are debounced on a clock that only the test moves.
 */
class ButtonKioskTest {

    private static final Duration DEBOUNCE = Duration.ofMillis(20);
    /** Longer than the debounce time: the contact has settled. */
    private static final Duration SETTLED = DEBOUNCE.multipliedBy(4);
    private static final Charset PC858 = Charset.forName("IBM00858");

    @RegisterExtension
    final KioskExtension kiosk = KioskExtension.withMockGpio();

    private void givenAButtonKiosk() {
        givenAButtonKiosk(kiosk.config());
    }

    private void givenAButtonKioskPrintingTo(String printerSpec) {
        givenAButtonKiosk(kiosk.config(printerSpec));
    }

    private void givenAButtonKiosk(JsonObject config) {
        config.put("gpio", new JsonObject()
                .put("provider", "mock")
                .put("light", new JsonObject().put("green", 5).put("amber", 6).put("red", 13))
                .put("buttons", new JsonObject()
                        .put("wiring", "to-ground")
                        .put("debounce", DEBOUNCE.toMillis() + "ms")
                        .put("language", "fr")
                        .put("map", new JsonArray()
                                .add(new JsonObject().put("pin", 17).put("entry", "svc-a"))
                                .add(new JsonObject().put("pin", 27).put("entry", "svc-b").put("priority", "PRIORITY")))));
        kiosk.start(config);
        // Pull-ups hold the released buttons HIGH.
        button(17).mockState(DigitalState.HIGH);
        button(27).mockState(DigitalState.HIGH);
        gpio().advance(SETTLED);
        kiosk.awaitReady();
    }

    private MockGpio gpio() {
        return kiosk.gpio();
    }

    private MockDigitalInput button(int bcmPin) {
        return gpio().button(bcmPin);
    }

    private void cleanPress(int bcmPin) {
        button(bcmPin).mockState(DigitalState.LOW);
        gpio().advance(SETTLED);
        button(bcmPin).mockState(DigitalState.HIGH);
        gpio().advance(SETTLED);
    }

    /** The lit lamps, e.g. "G--" for green only, "-AR" for amber and red. */
    private String lamps() {
        return (gpio().lamp(LampColor.GREEN).isHigh() ? "G" : "-") + (gpio().lamp(LampColor.AMBER).isHigh() ? "A" : "-")
                + (gpio().lamp(LampColor.RED).isHigh() ? "R" : "-");
    }

    private void awaitLamps(String expected) {
        Eventually.await("lamps " + expected, this::lamps, expected::equals);
    }

    private long ticketsFor(String serviceId) {
        return kiosk.database().tickets().stream().filter(ticket -> serviceId.equals(ticket.get("service_id"))).count();
    }

    /** Requests are served in order, so once B's ticket exists every press made before it has been handled. */
    private void pressBAndWaitForItsTicket() {
        cleanPress(27);
        Eventually.await("the ticket of button 27", () -> ticketsFor("svc-b") == 1);
    }

    @Test
    void a_button_press_issues_and_prints_exactly_one_ticket() throws IOException {
        givenAButtonKiosk();

        cleanPress(17);
        Eventually.await("a ticket for svc-a", () -> ticketsFor("svc-a") == 1);
        pressBAndWaitForItsTicket();

        assertThat(ticketsFor("svc-a")).isEqualTo(1);
        List<Map<String, String>> tickets = kiosk.database().tickets();
        assertThat(tickets).extracting(ticket -> ticket.get("number")).containsExactly("A001", "B001");
        assertThat(tickets).extracting(ticket -> ticket.get("priority")).containsExactly("NORMAL", "PRIORITY");
        assertThat(tickets).extracting(ticket -> ticket.get("language")).containsExactly("fr", "fr");
        List<Path> printouts = Eventually.await("two printouts", kiosk::printouts, files -> files.size() == 2);
        assertThat(new String(Files.readAllBytes(printouts.get(0)), PC858)).contains("A001").contains("Service A");
        assertThat(new String(Files.readAllBytes(printouts.get(1)), PC858)).contains("B001");
    }

    @Test
    void a_bouncing_button_still_issues_exactly_one_ticket() {
        givenAButtonKiosk();
        MockDigitalInput contact = button(17);

        // Contact bounce on pressing, a hold, then bounce on release: no time passes between bounces.
        contact.mockState(DigitalState.LOW);
        contact.mockState(DigitalState.HIGH);
        contact.mockState(DigitalState.LOW);
        contact.mockState(DigitalState.HIGH);
        contact.mockState(DigitalState.LOW);
        gpio().advance(Duration.ofMillis(150));
        contact.mockState(DigitalState.HIGH);
        contact.mockState(DigitalState.LOW);
        contact.mockState(DigitalState.HIGH);
        gpio().advance(SETTLED);
        pressBAndWaitForItsTicket();

        assertThat(ticketsFor("svc-a")).isEqualTo(1);
        assertThat(kiosk.database().ticketCount()).isEqualTo(2);
    }

    @Test
    void the_kiosk_tells_a_bounce_by_its_button_clock_however_long_the_wall_clock_runs() {
        givenAButtonKiosk();
        MockDigitalInput contact = button(17);

        contact.mockState(DigitalState.LOW);
        gpio().advance(SETTLED);
        contact.mockState(DigitalState.HIGH);
        // Seconds go by on the wall while the ticket is issued; the button clock stands still.
        Eventually.await("a ticket for svc-a", () -> ticketsFor("svc-a") == 1);
        contact.mockState(DigitalState.LOW);
        contact.mockState(DigitalState.HIGH);
        gpio().advance(SETTLED);
        pressBAndWaitForItsTicket();

        assertThat(ticketsFor("svc-a")).isEqualTo(1);
    }

    @Test
    void the_light_follows_the_kiosk_state() throws Exception {
        FakeEscPosPrinter printer = kiosk.networkPrinter();
        givenAButtonKioskPrintingTo(printer.connectionSpec());
        List<DigitalState> amberChanges = new CopyOnWriteArrayList<>();
        gpio().lamp(LampColor.AMBER).addListener(event -> amberChanges.add(event.state()));

        // Ready: green only.
        awaitLamps("G--");

        // Printing: amber while the ticket is issued and printed, then green again.
        cleanPress(17);
        Eventually.await("A001 printed", () -> printer.printedText(PC858).contains("A001"));
        awaitLamps("G--");
        assertThat(amberChanges).containsSubsequence(DigitalState.HIGH, DigitalState.LOW);

        // Paper out: red only, and a press issues nothing.
        printer.paperOut();
        awaitLamps("--R");
        cleanPress(17);
        // Requests are served one at a time, in order: this one, submitted after the press, is answered after it.
        VisitorRequest afterThePress = VisitorRequest.newAction("svc-b", "NORMAL", "fr");
        assertThatThrownBy(() -> TestServer.await(kiosk.core().submit(afterThePress)))
                .rootCause().isInstanceOfSatisfying(KioskFailure.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(KioskFailure.Code.PRINTER_UNAVAILABLE));
        assertThat(ticketsFor("svc-a")).isEqualTo(1);

        // Paper back: green.
        printer.paperLoaded();
        awaitLamps("G--");

        // Server gone: amber and red (offline); back: green.
        kiosk.stopServer();
        awaitLamps("-AR");
        kiosk.restartServer();
        awaitLamps("G--");
    }

    @Test
    void given_screen_buttons_when_one_is_pressed_then_the_page_hears_it_and_no_ticket_is_issued() throws Exception {
        // Given: a kiosk with an entry button (17) and the three screen buttons, and a page listening to them.
        JsonObject config = kiosk.config();
        config.put("gpio", new JsonObject()
                .put("provider", "mock")
                .put("buttons", new JsonObject()
                        .put("wiring", "to-ground")
                        .put("debounce", DEBOUNCE.toMillis() + "ms")
                        .put("map", new JsonArray()
                                .add(new JsonObject().put("pin", 17).put("entry", "svc-a"))
                                .add(new JsonObject().put("pin", 22).put("action", "accessible"))
                                .add(new JsonObject().put("pin", 23).put("action", "next"))
                                .add(new JsonObject().put("pin", 24).put("action", "select")))));
        kiosk.start(config);
        for (int pin : List.of(17, 22, 23, 24)) {
            button(pin).mockState(DigitalState.HIGH);
        }
        gpio().advance(SETTLED);
        kiosk.awaitReady();
        List<String> heard = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<?> stream = http.sendAsync(HttpRequest.newBuilder(URI.create(kiosk.url() + "api/buttons"))
                .build(), HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body()
                .filter(line -> line.startsWith("data: ")).forEach(line -> heard.add(line.substring(6))));
        Eventually.await("the page listening", () -> kiosk.core().screenButtons().listenerCount() == 1);
        assertThat(kiosk.state().getJsonObject("screen").getJsonArray("buttons"))
                .containsExactly("accessible", "next", "select");

        // When: accessible, next, next (with a bounce), select are pressed.
        cleanPress(22);
        cleanPress(23);
        button(23).mockState(DigitalState.LOW);
        button(23).mockState(DigitalState.HIGH);
        button(23).mockState(DigitalState.LOW);
        gpio().advance(SETTLED);
        button(23).mockState(DigitalState.HIGH);
        gpio().advance(SETTLED);
        cleanPress(24);

        // Then: the page hears each press once, in order, and no ticket was issued by them.
        Eventually.await("four presses heard", () -> heard.size() == 4);
        assertThat(heard).containsExactly("accessible", "next", "next", "select");
        pressAAndWaitForItsTicket();
        assertThat(kiosk.database().ticketCount()).isEqualTo(1);
        stream.cancel(true);
        http.shutdownNow();
    }

    private void pressAAndWaitForItsTicket() {
        cleanPress(17);
        Eventually.await("the ticket of button 17", () -> ticketsFor("svc-a") == 1);
    }
}
