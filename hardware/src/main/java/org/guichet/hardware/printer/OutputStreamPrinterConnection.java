package org.guichet.hardware.printer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/** Write-only connection around any output stream: nothing ever comes back, so the status is always UNKNOWN. */
final class OutputStreamPrinterConnection implements PrinterConnection {

    private final OutputStream output;

    OutputStreamPrinterConnection(OutputStream output) {
        this.output = Objects.requireNonNull(output, "output");
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public InputStream input() {
        return InputStream.nullInputStream();
    }

    @Override
    public void finishJob() throws IOException {
        output.flush();
    }

    @Override
    public PrinterStatus queryStatus() {
        return PrinterStatus.unknown();
    }

    @Override
    public String description() {
        return "stream:" + output.getClass().getSimpleName();
    }

    @Override
    public void close() throws IOException {
        output.close();
    }
}
