package org.guichet.hardware.printer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A printer device file opened once for reading and writing: USB printer class (/dev/usb/lp0) or serial port
 * (/dev/ttyUSB0, /dev/ttyS0). The same file descriptor serves both directions because usblp allows a single open.
 * <p>
 * Reads on a device file cannot time out by themselves, so a daemon thread pumps incoming bytes into a queue and
 * {@link #input()} waits on that queue with the read timeout. Serial line settings (speed, raw mode) are not set
 * from Java: configure them with stty before opening (see the module README).
 */
final class DeviceFilePrinterConnection implements PrinterConnection {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceFilePrinterConnection.class);
    private static final int END_OF_STREAM = -1;

    private final String description;
    private final RandomAccessFile device;
    private final OutputStream output;
    private final QueuedInputStream input;
    private volatile boolean closed;

    DeviceFilePrinterConnection(String scheme, Path devicePath, Duration readTimeout) throws IOException {
        this.description = scheme + ":" + devicePath;
        this.device = new RandomAccessFile(devicePath.toFile(), "rw");
        this.output = new BufferedOutputStream(new FileOutputStream(device.getFD()));
        this.input = new QueuedInputStream(readTimeout);
        FileInputStream fromDevice = new FileInputStream(device.getFD());
        Thread pump = new Thread(() -> pumpAnswers(fromDevice), "printer-reader " + description);
        pump.setDaemon(true);
        pump.start();
    }

    private void pumpAnswers(InputStream fromDevice) {
        byte[] buffer = new byte[64];
        try {
            int count;
            while (!closed && (count = fromDevice.read(buffer)) >= 0) {
                for (int i = 0; i < count; i++) {
                    input.offer(buffer[i] & 0xFF);
                }
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.warn("Stopped reading from {}: {}", description, e.getMessage());
            }
        } finally {
            input.offer(END_OF_STREAM);
        }
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public void finishJob() throws IOException {
        output.flush();
    }

    @Override
    public String description() {
        return description;
    }

    /**
     * Closes the device. A reader thread blocked in read() on the device returns when the device next sends a byte
     * or disappears; it is a daemon and ignores anything it reads after closing.
     */
    @Override
    public void close() throws IOException {
        closed = true;
        try {
            output.flush();
        } finally {
            device.close();
        }
    }

    /** Input stream over bytes the reader thread queued; read() waits at most the read timeout. */
    private static final class QueuedInputStream extends InputStream {

        private final BlockingQueue<Integer> bytes = new ArrayBlockingQueue<>(4096);
        private final Duration readTimeout;
        private boolean ended;

        QueuedInputStream(Duration readTimeout) {
            this.readTimeout = readTimeout;
        }

        void offer(int value) {
            if (!bytes.offer(value)) {
                LOG.warn("Printer sent more than {} unread bytes; dropping", bytes.size());
            }
        }

        @Override
        public int read() throws IOException {
            if (ended) {
                return END_OF_STREAM;
            }
            Integer value;
            try {
                value = bytes.poll(readTimeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the printer");
            }
            if (value == null) {
                throw new InterruptedIOException("no byte from the printer within " + readTimeout.toMillis() + " ms");
            }
            if (value == END_OF_STREAM) {
                ended = true;
            }
            return value;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int first = read();
            if (first == END_OF_STREAM) {
                return END_OF_STREAM;
            }
            target[offset] = (byte) first;
            int count = 1;
            while (count < length) {
                Integer next = bytes.peek();
                if (next == null || next == END_OF_STREAM) {
                    break;
                }
                target[offset + count++] = (byte) (int) bytes.poll();
            }
            return count;
        }

        @Override
        public int available() {
            return (int) bytes.stream().filter(value -> value != END_OF_STREAM).count();
        }
    }
}
