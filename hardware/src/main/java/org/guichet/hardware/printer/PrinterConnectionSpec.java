package org.guichet.hardware.printer;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a printer is, parsed from a connection string:
 * {@code usb:/dev/usb/lp0}, {@code serial:/dev/ttyUSB0}, {@code tcp:192.168.1.50:9100} (port defaults to 9100,
 * IPv6 as {@code tcp:[fd00::50]:9100}) or {@code file:./printed}.
 */
public sealed interface PrinterConnectionSpec {

    int DEFAULT_TCP_PORT = 9100;

    record UsbDevice(Path device) implements PrinterConnectionSpec {
    }

    record SerialDevice(Path device) implements PrinterConnectionSpec {
    }

    record Tcp(String host, int port) implements PrinterConnectionSpec {
        public Tcp {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("TCP port must be between 1 and 65535, was " + port);
            }
        }
    }

    record FileDirectory(Path directory) implements PrinterConnectionSpec {
    }

    static PrinterConnectionSpec parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw invalid(spec, "missing scheme");
        }
        String scheme = spec.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String target = spec.substring(colon + 1).strip();
        if (target.isEmpty()) {
            throw invalid(spec, "nothing after '" + scheme + ":'");
        }
        return switch (scheme) {
            case "usb" -> new UsbDevice(Path.of(target));
            case "serial" -> new SerialDevice(Path.of(target));
            case "file" -> new FileDirectory(Path.of(target));
            case "tcp" -> parseTcp(spec, target);
            default -> throw invalid(spec, "unknown scheme '" + scheme + "'");
        };
    }

    private static Tcp parseTcp(String spec, String target) {
        String host;
        String port;
        if (target.startsWith("[")) {
            int closing = target.indexOf(']');
            if (closing < 0) {
                throw invalid(spec, "unclosed '[' in IPv6 address");
            }
            host = target.substring(1, closing);
            String rest = target.substring(closing + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw invalid(spec, "expected ':port' after the IPv6 address");
            }
            port = rest.isEmpty() ? "" : rest.substring(1);
        } else {
            int lastColon = target.lastIndexOf(':');
            host = lastColon < 0 ? target : target.substring(0, lastColon);
            port = lastColon < 0 ? "" : target.substring(lastColon + 1);
            if (host.contains(":")) {
                throw invalid(spec, "write IPv6 addresses in brackets: tcp:[address]:port");
            }
        }
        if (host.isBlank()) {
            throw invalid(spec, "missing host");
        }
        int portNumber;
        try {
            portNumber = port.isEmpty() ? DEFAULT_TCP_PORT : Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw invalid(spec, "port '" + port + "' is not a number");
        }
        if (portNumber < 1 || portNumber > 65535) {
            throw invalid(spec, "port must be between 1 and 65535");
        }
        return new Tcp(host, portNumber);
    }

    private static IllegalArgumentException invalid(String spec, String reason) {
        return new IllegalArgumentException("Invalid printer connection '" + spec + "': " + reason
                + " (expected usb:/dev/usb/lp0, serial:/dev/ttyUSB0, tcp:host:9100 or file:./printed)");
    }
}
