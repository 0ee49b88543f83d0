package org.guichet.hardware.printer;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * A two-way link to a printer: bytes out, status answers back. Open one with {@link PrinterConnections#open(String)}.
 * <p>
 * Reading never hangs: {@link #input()}'s read methods wait at most the connection's read timeout, then throw
 * {@link java.io.InterruptedIOException} (a {@link java.net.SocketTimeoutException} for TCP). A connection is not
 * thread-safe on its own; {@link TicketPrinter} serialises its use.
 */
public interface PrinterConnection extends Closeable {

    Duration DEFAULT_READ_TIMEOUT = Duration.ofMillis(500);

    /** Bytes for the printer. May be buffered until {@link #finishJob()}. */
    OutputStream output();

    /** Bytes the printer sends back; reads time out as described above. */
    InputStream input();

    /** Ends one printed slip: pushes out whatever is buffered (the file printer writes the slip's files here). */
    void finishJob() throws IOException;

    /**
     * Asks the printer its status with DLE EOT 1, 2 and 4. Never throws; returns {UNKNOWN} when the printer does
     * not answer within the read timeout or the link is broken.
     */
    default PrinterStatus queryStatus() {
        return DleEotStatusQuery.ask(output(), input());
    }

    /** Human-readable target, for logs (e.g. "tcp:192.168.1.50:9100"). */
    String description();
}
