package org.guichet.hardware.printer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrinterConnectionSpecTest {

    @Test
    void usb_serial_and_file_specs_name_a_path() {
        assertThat(PrinterConnectionSpec.parse("usb:/dev/usb/lp0"))
                .isEqualTo(new PrinterConnectionSpec.UsbDevice(Path.of("/dev/usb/lp0")));
        assertThat(PrinterConnectionSpec.parse("serial:/dev/ttyUSB0"))
                .isEqualTo(new PrinterConnectionSpec.SerialDevice(Path.of("/dev/ttyUSB0")));
        assertThat(PrinterConnectionSpec.parse("file:./printed"))
                .isEqualTo(new PrinterConnectionSpec.FileDirectory(Path.of("./printed")));
    }

    @Test
    void tcp_spec_has_host_and_port_defaulting_to_9100() {
        assertThat(PrinterConnectionSpec.parse("tcp:192.168.1.50:9100"))
                .isEqualTo(new PrinterConnectionSpec.Tcp("192.168.1.50", 9100));
        assertThat(PrinterConnectionSpec.parse("TCP:printer.local"))
                .isEqualTo(new PrinterConnectionSpec.Tcp("printer.local", 9100));
        assertThat(PrinterConnectionSpec.parse("tcp:[fd00::50]:9101"))
                .isEqualTo(new PrinterConnectionSpec.Tcp("fd00::50", 9101));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/usb/lp0", "lpt:/dev/lp0", "usb:", "tcp::9100", "tcp:host:port", "tcp:host:70000",
            "tcp:fd00::50", "tcp:[fd00::50"})
    void malformed_specs_are_rejected_with_the_expected_forms(String spec) {
        assertThatThrownBy(() -> PrinterConnectionSpec.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tcp:host:9100");
    }
}
