package org.guichet.hardware.printer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;

/** Opens printer connections. */
public final class PrinterConnections {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private PrinterConnections() {
    }

    /**
     * Opens a connection from a string such as {@code usb:/dev/usb/lp0}, {@code serial:/dev/ttyUSB0},
     * {@code tcp:192.168.1.50:9100} or {@code file:./printed}, with the default 500 ms read timeout.
     *
     * @throws IllegalArgumentException when the string is malformed
     * @throws IOException              when the device, host or directory cannot be opened
     */
    public static PrinterConnection open(String spec) throws IOException {
        return open(spec, PrinterConnection.DEFAULT_READ_TIMEOUT);
    }

    public static PrinterConnection open(String spec, Duration readTimeout) throws IOException {
        return switch (PrinterConnectionSpec.parse(spec)) {
            case PrinterConnectionSpec.UsbDevice usb -> usbDevice(usb.device(), readTimeout);
            case PrinterConnectionSpec.SerialDevice serial -> serialDevice(serial.device(), readTimeout);
            case PrinterConnectionSpec.Tcp tcp -> tcp(tcp.host(), tcp.port(), DEFAULT_CONNECT_TIMEOUT, readTimeout);
            case PrinterConnectionSpec.FileDirectory file -> fileDirectory(file.directory());
        };
    }

    /** USB printer class device, e.g. /dev/usb/lp0 (the user needs the lp group). */
    public static PrinterConnection usbDevice(Path device, Duration readTimeout) throws IOException {
        return new DeviceFilePrinterConnection("usb", device, readTimeout);
    }

    /** Serial port, e.g. /dev/ttyUSB0, already set to the printer's speed in raw mode (the user needs dialout). */
    public static PrinterConnection serialDevice(Path device, Duration readTimeout) throws IOException {
        return new DeviceFilePrinterConnection("serial", device, readTimeout);
    }

    /** Network printer on raw TCP, usually port 9100. */
    public static PrinterConnection tcp(String host, int port, Duration connectTimeout, Duration readTimeout)
            throws IOException {
        return new TcpPrinterConnection(host, port, connectTimeout, readTimeout);
    }

    /** Workstation printer: one .bin and one .txt preview per slip in the directory, created if missing. */
    public static PrinterConnection fileDirectory(Path directory) throws IOException {
        return new FilePrinterConnection(directory);
    }

    /** Write-only connection to any stream (tests, pipes); its status is always UNKNOWN. */
    public static PrinterConnection outputOnly(OutputStream output) {
        return new OutputStreamPrinterConnection(output);
    }
}
