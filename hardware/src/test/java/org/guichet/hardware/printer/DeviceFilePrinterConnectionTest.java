package org.guichet.hardware.printer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DeviceFilePrinterConnectionTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(200);

    @TempDir
    Path directory;

    /** A named pipe opened read-write loops back what is written: a device that echoes. */
    private Path namedPipe() throws IOException, InterruptedException {
        Path pipe = directory.resolve("printer-pipe");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
        } catch (IOException noMkfifo) {
            assumeTrue(false, "mkfifo is not available");
            throw noMkfifo;
        }
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        return pipe;
    }

    @Test
    void reading_a_silent_device_times_out_instead_of_hanging() throws Exception {
        try (PrinterConnection connection = PrinterConnections.open("serial:" + namedPipe(), READ_TIMEOUT)) {
            InputStream fromPrinter = connection.input();

            assertThatThrownBy(fromPrinter::read).isInstanceOf(InterruptedIOException.class);
        }
    }

    @Test
    void bytes_coming_back_from_the_device_are_read_in_order() throws Exception {
        try (PrinterConnection connection = PrinterConnections.open("usb:" + namedPipe(), READ_TIMEOUT)) {
            connection.output().write(new byte[] {0x12, 0x16, 0x72});
            connection.finishJob();

            InputStream fromPrinter = connection.input();
            assertThat(new int[] {fromPrinter.read(), fromPrinter.read(), fromPrinter.read()})
                    .containsExactly(0x12, 0x16, 0x72);
            assertThat(fromPrinter.available()).isZero();
        }
    }

    @Test
    void a_device_that_ends_its_stream_reads_as_unknown_status_without_waiting_for_the_timeout() throws Exception {
        Path nullDevice = Path.of("/dev/null");
        assumeTrue(Files.isWritable(nullDevice), "/dev/null is not writable");
        try (PrinterConnection connection = PrinterConnections.open("usb:/dev/null", Duration.ofSeconds(5))) {

            PrinterStatus status = new TicketPrinter(connection).readStatus();

            assertThat(status).isEqualTo(PrinterStatus.unknown());
            // End of stream, where a timeout would throw: the status came from the device closing, not from waiting.
            assertThat(connection.input().read()).isEqualTo(-1);
        }
    }
}
