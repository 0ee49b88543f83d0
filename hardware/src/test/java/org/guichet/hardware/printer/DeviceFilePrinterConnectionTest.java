package org.guichet.hardware.printer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

class DeviceFilePrinterConnectionTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(200);

    @TempDir
    Path directory;

    /**
     * A named pipe opened read-write loops back what is written: a device that echoes. Made with mkfifo (coreutils,
     * on every Linux the kiosk runs on); without it the test fails, it does not skip.
     */
    private Path namedPipe() throws IOException, InterruptedException {
        Path pipe = directory.resolve("printer-pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo " + pipe).isTrue();
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

    /** With a read timeout of an hour, only the end of the stream can give the answer before the test's own limit. */
    @Test
    @Timeout(30)
    void a_device_that_ends_its_stream_reads_as_unknown_status_without_waiting_for_the_timeout() throws Exception {
        assertThat(Files.isWritable(Path.of("/dev/null"))).as("/dev/null writable").isTrue();
        try (PrinterConnection connection = PrinterConnections.open("usb:/dev/null", Duration.ofHours(1))) {

            PrinterStatus status = new TicketPrinter(connection).readStatus();

            assertThat(status).isEqualTo(PrinterStatus.unknown());
            // End of stream, where a timeout would throw: the status came from the device closing, not from waiting.
            assertThat(connection.input().read()).isEqualTo(-1);
        }
    }
}
