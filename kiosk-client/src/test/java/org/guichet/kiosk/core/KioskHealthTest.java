package org.guichet.kiosk.core;

import io.vertx.core.json.JsonObject;
import org.guichet.hardware.gpio.KioskLightState;
import org.guichet.hardware.printer.PrinterCondition;
import org.guichet.hardware.printer.PrinterStatus;
import org.guichet.kiosk.core.KioskHealth.Connection;
import org.guichet.kiosk.core.KioskHealth.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KioskHealthTest {

    private static final PrinterStatus ONLINE = PrinterStatus.online();
    private static final PrinterStatus PAPER_OUT = PrinterStatus.of(PrinterCondition.OFFLINE, PrinterCondition.PAPER_OUT);
    private static final PrinterStatus NEAR_END = PrinterStatus.of(PrinterCondition.ONLINE, PrinterCondition.PAPER_NEAR_END);

    private static KioskHealth health(Connection connection, PrinterStatus printer, boolean printing) {
        return new KioskHealth(connection, printer, printing, false);
    }

    @Test
    void online_with_a_working_printer_is_ready_and_green() {
        KioskHealth health = health(Connection.ONLINE, ONLINE, false);

        assertThat(health.canIssue()).isTrue();
        assertThat(health.reason()).isEqualTo(Reason.NONE);
        assertThat(health.light()).isEqualTo(KioskLightState.READY);
        assertThat(health.reportedState()).isEqualTo("READY");
    }

    @Test
    void printing_lights_amber_but_is_reported_as_ready() {
        KioskHealth health = health(Connection.ONLINE, ONLINE, true);

        assertThat(health.light()).isEqualTo(KioskLightState.PRINTING);
        assertThat(health.reportedState()).isEqualTo("READY");
    }

    @Test
    void paper_out_is_out_of_order_and_wins_over_a_server_outage() {
        assertThat(health(Connection.ONLINE, PAPER_OUT, false).light()).isEqualTo(KioskLightState.OUT_OF_ORDER);
        assertThat(health(Connection.UNREACHABLE, PAPER_OUT, false).reason()).isEqualTo(Reason.PRINTER);
        assertThat(health(Connection.UNREACHABLE, PAPER_OUT, false).reportedState()).isEqualTo("OUT_OF_ORDER");
    }

    @Test
    void an_unreachable_server_is_offline() {
        KioskHealth health = health(Connection.UNREACHABLE, ONLINE, false);

        assertThat(health.canIssue()).isFalse();
        assertThat(health.reason()).isEqualTo(Reason.SERVER);
        assertThat(health.light()).isEqualTo(KioskLightState.OFFLINE);
    }

    @Test
    void a_refused_token_is_out_of_order() {
        KioskHealth health = health(Connection.NOT_REGISTERED, ONLINE, false);

        assertThat(health.reason()).isEqualTo(Reason.NOT_REGISTERED);
        assertThat(health.light()).isEqualTo(KioskLightState.OUT_OF_ORDER);
    }

    @Test
    void before_the_first_answers_the_kiosk_is_starting() {
        assertThat(KioskHealth.starting(false).reason()).isEqualTo(Reason.STARTING);
        assertThat(KioskHealth.starting(false).light()).isEqualTo(KioskLightState.OFFLINE);
        assertThat(health(Connection.ONLINE, null, false).reason()).isEqualTo(Reason.STARTING);
    }

    @Test
    void paper_near_end_still_prints() {
        assertThat(health(Connection.ONLINE, NEAR_END, false).canIssue()).isTrue();
    }

    @Test
    void an_unknown_status_only_prints_when_the_config_trusts_it() {
        assertThat(new KioskHealth(Connection.ONLINE, PrinterStatus.unknown(), false, false).canIssue()).isFalse();
        assertThat(new KioskHealth(Connection.ONLINE, PrinterStatus.unknown(), false, true).canIssue()).isTrue();
        assertThat(new KioskHealth(Connection.ONLINE, PAPER_OUT, false, true).canIssue()).isFalse();
    }

    @Test
    void the_heartbeat_has_the_kind_state_and_printer_conditions_sorted() {
        JsonObject heartbeat = health(Connection.ONLINE, PAPER_OUT, false).heartbeat();

        assertThat(heartbeat).isEqualTo(new JsonObject("""
                {"kind":"kiosk","state":"OUT_OF_ORDER",
                 "printer":{"canPrint":false,"conditions":["OFFLINE","PAPER_OUT"]}}"""));
    }
}
