package org.guichet.kiosk.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.hardware.gpio.ButtonPanel;
import org.guichet.hardware.gpio.LampColor;
import org.guichet.hardware.gpio.StatusLight;
import org.guichet.kiosk.testing.Database;
import org.guichet.kiosk.testing.FakeEscPosPrinter;
import org.guichet.kiosk.testing.KioskHarness;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.kiosk.testing.KioskHarness.eventually;
import static org.guichet.kiosk.testing.KioskHarness.sleep;

/**
 * A buttons-only kiosk on Pi4J's mock platform, against a real server: button 17 issues svc-a, button 27 issues svc-b
 * as a priority ticket; the status light is on pins 5 (green), 6 (amber) and 13 (red). Buttons are wired to ground
 * with pull-ups: at rest HIGH, pressed LOW.
 */
class ButtonKioskTest {

    private static final long DEBOUNCE_MILLIS = 20;
    private static final Charset PC858 = Charset.forName("IBM00858");

    @TempDir
    Path printed;

    private Vertx serverVertx;
    private TestServer server;
    private Database database;
    private Context pi4j;
    private KioskHarness kiosk;

    @BeforeEach
    void givenAServerAndAMockGpioContext() {
        serverVertx = Vertx.vertx();
        server = TestServer.start(serverVertx);
        database = new Database(server.database());
        pi4j = GpioContexts.mock();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (kiosk != null) {
            kiosk.close();
        }
        pi4j.shutdown();
        if (server != null) {
            server.close();
        }
        serverVertx.close().await(30, TimeUnit.SECONDS);
    }

    private void givenAButtonKioskPrintingTo(String printerSpec) {
        JsonObject config = KioskHarness.config(server.baseUrl(), server.deviceToken("kiosk-1"), printerSpec);
        config.put("gpio", new JsonObject()
                .put("provider", "mock")
                .put("light", new JsonObject().put("green", 5).put("amber", 6).put("red", 13))
                .put("buttons", new JsonObject()
                        .put("wiring", "to-ground")
                        .put("debounce", DEBOUNCE_MILLIS + "ms")
                        .put("language", "fr")
                        .put("map", new JsonArray()
                                .add(new JsonObject().put("pin", 17).put("entry", "svc-a"))
                                .add(new JsonObject().put("pin", 27).put("entry", "svc-b").put("priority", "PRIORITY")))));
        kiosk = KioskHarness.start(config, pi4j);
        // Pull-ups hold the released buttons HIGH.
        button(17).mockState(DigitalState.HIGH);
        button(27).mockState(DigitalState.HIGH);
        sleep(DEBOUNCE_MILLIS * 3);
        kiosk.awaitReady();
    }

    private MockDigitalInput button(int bcmPin) {
        return pi4j.io(ButtonPanel.inputIdForPin(bcmPin), MockDigitalInput.class);
    }

    private void cleanPress(int bcmPin) {
        button(bcmPin).mockState(DigitalState.LOW);
        sleep(DEBOUNCE_MILLIS * 4);
        button(bcmPin).mockState(DigitalState.HIGH);
        sleep(DEBOUNCE_MILLIS * 4);
    }

    private DigitalOutput lamp(LampColor color) {
        return pi4j.io(StatusLight.outputIdFor(color), DigitalOutput.class);
    }

    /** The lit lamps, e.g. "G--" for green only, "-AR" for amber and red. */
    private String lamps() {
        return (lamp(LampColor.GREEN).isHigh() ? "G" : "-") + (lamp(LampColor.AMBER).isHigh() ? "A" : "-")
                + (lamp(LampColor.RED).isHigh() ? "R" : "-");
    }

    private void awaitLamps(String expected) {
        eventually(() -> lamps().equals(expected), "lamps " + expected + " (now " + lamps() + ")");
    }

    private long ticketsFor(String serviceId) {
        return database.tickets().stream().filter(ticket -> serviceId.equals(ticket.get("service_id"))).count();
    }

    private List<Path> printouts() throws IOException {
        try (Stream<Path> files = Files.list(printed)) {
            return files.filter(file -> file.toString().endsWith(".bin")).sorted().toList();
        }
    }

    /** Requests are served in order, so once B's ticket exists every press made before it has been handled. */
    private void pressBAndWaitForItsTicket() {
        cleanPress(27);
        eventually(() -> ticketsFor("svc-b") == 1, "the ticket of button 27");
    }

    @Test
    void a_button_press_issues_and_prints_exactly_one_ticket() throws IOException {
        givenAButtonKioskPrintingTo("file:" + printed);

        cleanPress(17);
        eventually(() -> ticketsFor("svc-a") == 1, "a ticket for svc-a");
        pressBAndWaitForItsTicket();

        assertThat(ticketsFor("svc-a")).isEqualTo(1);
        List<Map<String, String>> tickets = database.tickets();
        assertThat(tickets).extracting(ticket -> ticket.get("number")).containsExactly("A001", "B001");
        assertThat(tickets).extracting(ticket -> ticket.get("priority")).containsExactly("NORMAL", "PRIORITY");
        assertThat(tickets).extracting(ticket -> ticket.get("language")).containsExactly("fr", "fr");
        eventually(() -> {
            try {
                return printouts().size() == 2;
            } catch (IOException e) {
                return false;
            }
        }, "two printouts");
        assertThat(new String(Files.readAllBytes(printouts().get(0)), PC858)).contains("A001").contains("Service A");
        assertThat(new String(Files.readAllBytes(printouts().get(1)), PC858)).contains("B001");
    }

    @Test
    void a_bouncing_button_still_issues_exactly_one_ticket() {
        givenAButtonKioskPrintingTo("file:" + printed);
        MockDigitalInput contact = button(17);

        // Contact bounce on pressing, a hold, then bounce on release: microseconds apart, well within the debounce.
        contact.mockState(DigitalState.LOW);
        contact.mockState(DigitalState.HIGH);
        contact.mockState(DigitalState.LOW);
        contact.mockState(DigitalState.HIGH);
        contact.mockState(DigitalState.LOW);
        sleep(150);
        contact.mockState(DigitalState.HIGH);
        contact.mockState(DigitalState.LOW);
        contact.mockState(DigitalState.HIGH);
        sleep(DEBOUNCE_MILLIS * 4);
        pressBAndWaitForItsTicket();

        assertThat(ticketsFor("svc-a")).isEqualTo(1);
        assertThat(database.ticketCount()).isEqualTo(2);
    }

    @Test
    void the_light_follows_the_kiosk_state() throws Exception {
        try (FakeEscPosPrinter printer = new FakeEscPosPrinter()) {
            givenAButtonKioskPrintingTo(printer.connectionSpec());
            List<DigitalState> amberChanges = new CopyOnWriteArrayList<>();
            lamp(LampColor.AMBER).addListener(event -> amberChanges.add(event.state()));

            // Ready: green only.
            awaitLamps("G--");

            // Printing: amber while the ticket is issued and printed, then green again.
            cleanPress(17);
            eventually(() -> printer.printedText(PC858).contains("A001"), "A001 printed");
            awaitLamps("G--");
            assertThat(amberChanges).containsSubsequence(DigitalState.HIGH, DigitalState.LOW);

            // Paper out: red only, and a press issues nothing.
            printer.paperOut();
            awaitLamps("--R");
            cleanPress(17);
            sleep(300);
            assertThat(ticketsFor("svc-a")).isEqualTo(1);

            // Paper back: green.
            printer.paperLoaded();
            awaitLamps("G--");

            // Server gone: amber and red (offline); back: green.
            int port = server.port();
            var databaseSettings = server.database();
            server.close();
            server = null;
            awaitLamps("-AR");
            server = TestServer.start(serverVertx, TestServer.options(databaseSettings, port));
            awaitLamps("G--");
        }
    }
}
