package org.guichet.hardware.printer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guichet.hardware.printer.PrinterCondition.COVER_OPEN;
import static org.guichet.hardware.printer.PrinterCondition.OFFLINE;
import static org.guichet.hardware.printer.PrinterCondition.ONLINE;
import static org.guichet.hardware.printer.PrinterCondition.PAPER_OUT;
import static org.guichet.hardware.printer.PrinterCondition.UNKNOWN;

class TcpPrinterTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
    private static final TicketSlip TICKET = new TicketSlip("Mairie", "Accueil", "A042",
            ZonedDateTime.of(2025, 3, 5, 14, 7, 0, 0, ZoneId.of("Europe/Paris")), 2, 10,
            "https://guichet.example.fr/t/1", null, "fr");

    private static int bytesWaiting(PrinterConnection connection) {
        try {
            return connection.input().available();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void a_ticket_sent_over_tcp_reaches_the_printer_byte_for_byte() throws Exception {
        byte[] expected = new SlipLayout(PrinterCodePage.CP858).ticket(TICKET);
        try (FakeNetworkPrinter fake = new FakeNetworkPrinter();
             TicketPrinter printer = new TicketPrinter(PrinterConnections.open(fake.connectionSpec(), READ_TIMEOUT))) {

            printer.printTicket(TICKET);

            assertThat(fake.awaitReceived(expected.length)).isEqualTo(expected);
        }
    }

    @Test
    void status_is_read_back_with_dle_eot_1_2_4_and_reports_paper_out() throws Exception {
        try (FakeNetworkPrinter fake = new FakeNetworkPrinter().answer(1, 0x12).answer(2, 0x32).answer(4, 0x72);
             TicketPrinter printer = new TicketPrinter(PrinterConnections.open(fake.connectionSpec(), READ_TIMEOUT))) {

            PrinterStatus status = printer.readStatus();

            assertThat(status.conditions()).containsExactlyInAnyOrder(ONLINE, PAPER_OUT);
            assertThat(status.canPrint()).isFalse();
            assertThat(fake.received()).containsExactly(0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4);
        }
    }

    @Test
    void status_reports_offline_with_cover_open() throws Exception {
        try (FakeNetworkPrinter fake = new FakeNetworkPrinter().answer(1, 0x1A).answer(2, 0x16).answer(4, 0x12);
             TicketPrinter printer = new TicketPrinter(PrinterConnections.open(fake.connectionSpec(), READ_TIMEOUT))) {

            assertThat(printer.readStatus().conditions()).containsExactlyInAnyOrder(OFFLINE, COVER_OPEN);
        }
    }

    @Test
    void a_printer_that_never_answers_reads_as_unknown_once_the_read_timeout_fires() throws Exception {
        try (FakeNetworkPrinter fake = new FakeNetworkPrinter();
             PrinterConnection connection = PrinterConnections.open(fake.connectionSpec(), READ_TIMEOUT)) {
            TicketPrinter printer = new TicketPrinter(connection);

            PrinterStatus status = printer.readStatus();

            assertThat(status.conditions()).containsExactly(UNKNOWN);
            assertThat(fake.awaitReceived(3)).startsWith(0x10, 0x04, 1);
            assertThatThrownBy(() -> connection.input().read()).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void a_late_answer_is_not_mistaken_for_the_answer_to_the_next_question() throws Exception {
        try (FakeNetworkPrinter fake = new FakeNetworkPrinter().answer(1, 0x1A).withholdAnswers();
             PrinterConnection connection = PrinterConnections.open(fake.connectionSpec(), READ_TIMEOUT)) {
            TicketPrinter printer = new TicketPrinter(connection);
            assertThat(printer.readStatus().conditions()).containsExactly(UNKNOWN);
            fake.sendWithheldAnswer();
            Await.until("the late answer (offline) at the kiosk's end of the link", () -> bytesWaiting(connection),
                    waiting -> waiting > 0);

            fake.answerAtOnce().answer(1, 0x12).answer(2, 0x12).answer(4, 0x12);
            PrinterStatus status = printer.readStatus();

            assertThat(status.conditions()).containsExactly(ONLINE);
        }
    }

    @Test
    void printing_after_a_status_query_still_sends_the_whole_ticket() throws Exception {
        byte[] ticket = new SlipLayout(PrinterCodePage.CP858).ticket(TICKET);
        try (FakeNetworkPrinter fake = new FakeNetworkPrinter().answer(1, 0x12).answer(2, 0x12).answer(4, 0x12);
             TicketPrinter printer = new TicketPrinter(PrinterConnections.open(fake.connectionSpec(), READ_TIMEOUT))) {

            assertThat(printer.readStatus().canPrint()).isTrue();
            printer.printTicket(TICKET);

            byte[] received = fake.awaitReceived(9 + ticket.length);
            assertThat(Arrays.copyOfRange(received, 9, received.length)).isEqualTo(ticket);
        }
    }

    @Test
    void connecting_to_a_closed_port_fails_with_an_io_exception() throws Exception {
        // A port held by a socket that never listens: nothing else can listen on it meanwhile, and a connection
        // cannot land on itself (a port freed a moment ago could be picked as the connection's own source port).
        try (Socket holder = new Socket()) {
            holder.bind(new InetSocketAddress("127.0.0.1", 0));
            int closedPort = holder.getLocalPort();

            assertThatThrownBy(() -> PrinterConnections.open("tcp:127.0.0.1:" + closedPort, READ_TIMEOUT))
                    .isInstanceOf(IOException.class);
        }
    }
}
