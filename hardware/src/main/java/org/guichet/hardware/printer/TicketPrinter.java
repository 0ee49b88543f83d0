package org.guichet.hardware.printer;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Prints tickets and orientation slips in ESC/POS and reads the printer's status back.
 * <p>
 * Each slip is laid out in memory, then sent whole and followed by {@link PrinterConnection#finishJob()}; every slip
 * starts with ESC @ and ESC t (code page) and ends with a feed and a full cut. Methods are synchronised, so a status
 * poll never lands in the middle of a slip. The printer owns its connection and closes it.
 */
public final class TicketPrinter implements Closeable {

    private final PrinterConnection connection;
    private final PrinterCodePage codePage;
    private final SlipLayout layout;

    /** A printer using code page PC858 (ESC t 19). */
    public TicketPrinter(PrinterConnection connection) {
        this(connection, PrinterCodePage.CP858);
    }

    public TicketPrinter(PrinterConnection connection, PrinterCodePage codePage) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.codePage = Objects.requireNonNull(codePage, "codePage");
        this.layout = new SlipLayout(codePage);
    }

    /** A printer writing to any stream, with no status read-back ({@link #readStatus()} is always UNKNOWN). */
    public static TicketPrinter writingTo(OutputStream output) {
        return new TicketPrinter(PrinterConnections.outputOnly(output));
    }

    public synchronized void printTicket(TicketSlip slip) throws IOException {
        send(layout.ticket(Objects.requireNonNull(slip, "slip")));
    }

    public synchronized void printOrientationSlip(OrientationSlip slip) throws IOException {
        send(layout.orientation(Objects.requireNonNull(slip, "slip")));
    }

    /**
     * Asks the printer for its status (DLE EOT 1, 2, 4). Never throws; waits at most about three read timeouts,
     * and answers {UNKNOWN} when the printer is silent or unreachable.
     */
    public synchronized PrinterStatus readStatus() {
        return connection.queryStatus();
    }

    public PrinterCodePage codePage() {
        return codePage;
    }

    public String description() {
        return connection.description();
    }

    @Override
    public synchronized void close() throws IOException {
        connection.close();
    }

    private void send(byte[] job) throws IOException {
        connection.output().write(job);
        connection.finishJob();
    }
}
