package org.guichet.server.config;

import org.guichet.server.config.LoopbackPorts.Range;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoopbackPortsTest {

    private static final Range LINUX_DEFAULT = new Range(32_768, 60_999);

    @Test
    void the_ports_given_run_from_10000_to_the_range_then_on_from_just_above_it_to_65535() {
        int below = 32_768 - 10_000;

        assertThat(LoopbackPorts.outside(LINUX_DEFAULT, picking(bound -> 0))).isEqualTo(10_000);
        assertThat(LoopbackPorts.outside(LINUX_DEFAULT, picking(bound -> below - 1))).isEqualTo(32_767);
        assertThat(LoopbackPorts.outside(LINUX_DEFAULT, picking(bound -> below))).isEqualTo(61_000);
        assertThat(LoopbackPorts.outside(LINUX_DEFAULT, picking(bound -> bound - 1))).isEqualTo(65_535);
    }

    @Test
    void the_iana_range_leaves_the_ports_below_it_and_a_range_below_10000_every_port_from_10000() {
        Range iana = new Range(49_152, 65_535);
        assertThat(LoopbackPorts.outside(iana, picking(bound -> bound - 1))).isEqualTo(49_151);
        Range low = new Range(1_024, 5_000);
        assertThat(LoopbackPorts.outside(low, picking(bound -> 0))).isEqualTo(10_000);
        assertThat(LoopbackPorts.outside(low, picking(bound -> bound - 1))).isEqualTo(65_535);
    }

    @Test
    void a_range_covering_every_port_from_10000_is_said_rather_than_used() {
        assertThatThrownBy(() -> LoopbackPorts.outside(new Range(1_024, 65_535), picking(bound -> 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The ephemeral range 1024–65535 leaves no port from 10000 to 65535 outside it.");
    }

    @Test
    void linux_gives_its_range_as_two_numbers() {
        assertThat(LoopbackPorts.parse("32768\t60999\n")).isEqualTo(LINUX_DEFAULT);
        assertThatThrownBy(() -> LoopbackPorts.parse("32768"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Not a port range: \"32768\"");
        assertThatThrownBy(() -> LoopbackPorts.parse("60999 32768"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Not a port range: 60999–32768");
    }

    @Test
    void every_port_given_is_a_new_one_nothing_listens_on() throws IOException {
        Range ephemeral = LoopbackPorts.ephemeral();
        Set<Integer> given = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = LoopbackPorts.free();
            assertThat(given.add(port)).as("port %d given twice", port).isTrue();
            assertThat(port).isBetween(LoopbackPorts.LOWEST, 65_535);
            assertThat(port < ephemeral.low() || port > ephemeral.high())
                    .as("port %d outside the ephemeral range %s", port, ephemeral).isTrue();
            try (ServerSocket listening = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(listening.getLocalPort()).isEqualTo(port);
            }
        }
    }

    private static RandomGenerator picking(IntUnaryOperator pick) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int nextInt(int bound) {
                return pick.applyAsInt(bound);
            }
        };
    }
}
