package org.guichet.server.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressTest {

    private final ClientAddress behindHaproxy = ClientAddress.trusting(List.of("10.0.0.5", "172.16.0.0/12",
            "2001:db8::/32"));

    @Test
    void the_header_is_ignored_when_no_proxy_is_trusted_or_the_connection_is_not_from_one() {
        assertThat(ClientAddress.direct().of("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
        assertThat(behindHaproxy.of("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
        assertThat(behindHaproxy.of("10.0.0.6", "198.51.100.1")).isEqualTo("10.0.0.6");
    }

    @Test
    void from_a_trusted_proxy_the_client_is_the_last_hop_no_trusted_proxy_added() {
        assertThat(behindHaproxy.of("10.0.0.5", "198.51.100.1")).isEqualTo("198.51.100.1");
        // A client writing its own header cannot choose its address: the proxy appends the real one.
        assertThat(behindHaproxy.of("10.0.0.5", "1.2.3.4, 198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(behindHaproxy.of("10.0.0.5", "198.51.100.1, 172.20.1.1")).isEqualTo("198.51.100.1");
        assertThat(behindHaproxy.of("2001:db8::1", "2001:db9::42")).isEqualTo("2001:db9::42");
        assertThat(behindHaproxy.of("10.0.0.5", "172.20.1.1, 172.20.1.2")).isEqualTo("172.20.1.1");
    }

    @Test
    void garbage_in_the_header_is_never_taken_for_an_address() {
        assertThat(behindHaproxy.of("10.0.0.5", "evil.example")).isEqualTo("10.0.0.5");
        assertThat(behindHaproxy.of("10.0.0.5", "198.51.100.1, not-an-ip")).isEqualTo("10.0.0.5");
        assertThat(behindHaproxy.of("10.0.0.5", "not-an-ip, 198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(behindHaproxy.of("10.0.0.5", "999.1.1.1")).isEqualTo("10.0.0.5");
    }

    @Test
    void ipv4_mapped_ipv6_connections_match_ipv4_networks() {
        assertThat(behindHaproxy.isTrusted("::ffff:172.16.3.4")).isTrue();
        assertThat(behindHaproxy.isTrusted("172.32.0.1")).isFalse();
    }

    @Test
    void a_trusted_proxy_that_is_not_an_address_stops_the_start() {
        assertThatThrownBy(() -> ClientAddress.trusting(List.of("haproxy.local"))).isInstanceOf(Failure.class);
        assertThatThrownBy(() -> ClientAddress.trusting(List.of("10.0.0.0/33"))).isInstanceOf(Failure.class);
    }
}
