package org.guichet.hardware.printer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.hardware.printer.PrinterCondition.COVER_OPEN;
import static org.guichet.hardware.printer.PrinterCondition.ERROR;
import static org.guichet.hardware.printer.PrinterCondition.OFFLINE;
import static org.guichet.hardware.printer.PrinterCondition.ONLINE;
import static org.guichet.hardware.printer.PrinterCondition.PAPER_NEAR_END;
import static org.guichet.hardware.printer.PrinterCondition.PAPER_OUT;
import static org.guichet.hardware.printer.PrinterCondition.UNKNOWN;

class DleEotStatusParserTest {

    @Test
    void printer_status_0x12_is_online() {
        assertThat(DleEotStatusParser.parsePrinterStatus(0x12)).containsExactly(ONLINE);
    }

    @Test
    void printer_status_with_bit_3_is_offline() {
        assertThat(DleEotStatusParser.parsePrinterStatus(0x1A)).containsExactly(OFFLINE);
    }

    @Test
    void printer_status_ignores_the_drawer_and_recovery_bits() {
        assertThat(DleEotStatusParser.parsePrinterStatus(0x12 | 0x04 | 0x20)).containsExactly(ONLINE);
    }

    @Test
    void offline_cause_0x12_reports_nothing() {
        assertThat(DleEotStatusParser.parseOfflineCause(0x12)).isEmpty();
    }

    @Test
    void offline_cause_with_bit_2_is_cover_open() {
        assertThat(DleEotStatusParser.parseOfflineCause(0x16)).containsExactly(COVER_OPEN);
    }

    @Test
    void offline_cause_with_bit_5_is_paper_out() {
        assertThat(DleEotStatusParser.parseOfflineCause(0x32)).containsExactly(PAPER_OUT);
    }

    @Test
    void offline_cause_with_bit_6_is_an_error() {
        assertThat(DleEotStatusParser.parseOfflineCause(0x52)).containsExactly(ERROR);
    }

    @Test
    void offline_cause_feed_button_bit_alone_reports_nothing() {
        assertThat(DleEotStatusParser.parseOfflineCause(0x1A)).isEmpty();
    }

    @Test
    void paper_sensor_0x12_means_roll_fine() {
        assertThat(DleEotStatusParser.parsePaperSensor(0x12)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0x16, 0x1A, 0x1E})
    void paper_sensor_bits_2_or_3_mean_near_end(int answer) {
        assertThat(DleEotStatusParser.parsePaperSensor(answer)).containsExactly(PAPER_NEAR_END);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x32, 0x52, 0x72})
    void paper_sensor_bits_5_or_6_mean_paper_out(int answer) {
        assertThat(DleEotStatusParser.parsePaperSensor(answer)).containsExactly(PAPER_OUT);
    }

    @Test
    void paper_sensor_0x7e_is_near_end_and_out() {
        assertThat(DleEotStatusParser.parsePaperSensor(0x7E)).containsExactlyInAnyOrder(PAPER_NEAR_END, PAPER_OUT);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x10, 0x02, 0x13, 0x92, 0xFF, 0x100, -1})
    void bytes_without_the_fixed_status_bits_are_not_answers(int notAnAnswer) {
        assertThat(DleEotStatusParser.isStatusAnswer(notAnAnswer)).isFalse();
        assertThat(DleEotStatusParser.parsePrinterStatus(notAnAnswer)).containsExactly(UNKNOWN);
        assertThat(DleEotStatusParser.parseOfflineCause(notAnAnswer)).containsExactly(UNKNOWN);
        assertThat(DleEotStatusParser.parsePaperSensor(notAnAnswer)).containsExactly(UNKNOWN);
    }

    @Test
    void three_healthy_answers_combine_into_online_only() {
        PrinterStatus status = DleEotStatusParser.combine(0x12, 0x12, 0x12);

        assertThat(status.conditions()).containsExactly(ONLINE);
        assertThat(status.canPrint()).isTrue();
        assertThat(status.needsAttention()).isFalse();
    }

    @Test
    void offline_with_cover_open_combines_and_cannot_print() {
        PrinterStatus status = DleEotStatusParser.combine(0x1A, 0x16, 0x12);

        assertThat(status.conditions()).containsExactlyInAnyOrder(OFFLINE, COVER_OPEN);
        assertThat(status.canPrint()).isFalse();
    }

    @Test
    void near_end_still_prints_but_needs_attention() {
        PrinterStatus status = DleEotStatusParser.combine(0x12, 0x12, 0x1E);

        assertThat(status.conditions()).containsExactlyInAnyOrder(ONLINE, PAPER_NEAR_END);
        assertThat(status.canPrint()).isTrue();
        assertThat(status.needsAttention()).isTrue();
    }

    @Test
    void no_answer_to_the_first_question_is_unknown_only() {
        assertThat(DleEotStatusParser.combine(null, 0x12, 0x12).conditions()).containsExactly(UNKNOWN);
        assertThat(DleEotStatusParser.combine(0x00, 0x12, 0x12).conditions()).containsExactly(UNKNOWN);
    }

    @Test
    void a_missing_later_answer_adds_unknown_and_prevents_printing() {
        PrinterStatus status = DleEotStatusParser.combine(0x12, 0x12, null);

        assertThat(status.conditions()).containsExactlyInAnyOrder(ONLINE, UNKNOWN);
        assertThat(status.canPrint()).isFalse();
    }
}
