package org.guichet.hardware.printer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/** Sends DLE EOT questions and waits for their one-byte answers over any timed input stream. */
final class DleEotStatusQuery {

    private static final Logger LOG = LoggerFactory.getLogger(DleEotStatusQuery.class);

    private DleEotStatusQuery() {
    }

    static PrinterStatus ask(OutputStream toPrinter, InputStream fromPrinter) {
        try {
            Integer printerStatus = answerTo(DleEotStatusParser.PRINTER_STATUS, toPrinter, fromPrinter);
            if (printerStatus == null || !DleEotStatusParser.isStatusAnswer(printerStatus)) {
                return PrinterStatus.unknown();
            }
            Integer offlineCause = answerTo(DleEotStatusParser.OFFLINE_CAUSE, toPrinter, fromPrinter);
            Integer paperSensor = answerTo(DleEotStatusParser.PAPER_SENSOR, toPrinter, fromPrinter);
            return DleEotStatusParser.combine(printerStatus, offlineCause, paperSensor);
        } catch (IOException e) {
            LOG.debug("Printer status query failed", e);
            return PrinterStatus.unknown();
        }
    }

    /** The answer byte, or null when none came in time or the printer closed the link. */
    private static Integer answerTo(int question, OutputStream toPrinter, InputStream fromPrinter) throws IOException {
        discardLateAnswers(fromPrinter);
        toPrinter.write(new byte[] {DleEotStatusParser.DLE, DleEotStatusParser.EOT, (byte) question});
        toPrinter.flush();
        try {
            int answer = fromPrinter.read();
            return answer < 0 ? null : answer;
        } catch (InterruptedIOException timedOut) {
            return null;
        }
    }

    /** An answer that arrived after an earlier timeout must not be taken for the answer to the next question. */
    private static void discardLateAnswers(InputStream fromPrinter) throws IOException {
        int pending = fromPrinter.available();
        while (pending > 0) {
            long skipped = fromPrinter.skip(pending);
            if (skipped <= 0) {
                return;
            }
            pending = fromPrinter.available();
        }
    }
}
