package org.guichet.kiosk.server;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerAddressesTest {

    private static final URI A = URI.create("http://a:8080");
    private static final URI B = URI.create("http://b:8080");
    private static final URI C = URI.create("http://c:8080");

    @Test
    void requests_go_to_the_first_server_until_it_fails() {
        ServerAddresses servers = new ServerAddresses(List.of(A, B, C));

        assertThat(servers.current()).isEqualTo(A);
        assertThat(servers.moveOnFrom(A)).isEqualTo(B);
        assertThat(servers.current()).isEqualTo(B);
    }

    @Test
    void the_server_that_works_is_kept_and_the_list_goes_round() {
        ServerAddresses servers = new ServerAddresses(List.of(A, B, C));
        servers.moveOnFrom(A);

        assertThat(servers.current()).as("B works: no going back to A by itself").isEqualTo(B);
        assertThat(servers.moveOnFrom(B)).isEqualTo(C);
        assertThat(servers.moveOnFrom(C)).isEqualTo(A);
    }

    @Test
    void two_requests_failing_on_the_same_server_move_on_once() {
        ServerAddresses servers = new ServerAddresses(List.of(A, B, C));

        servers.moveOnFrom(A);
        URI afterSecondFailure = servers.moveOnFrom(A);

        assertThat(afterSecondFailure).as("the second failure was on A, already left").isEqualTo(B);
    }

    @Test
    void a_single_server_stays_the_one_in_use() {
        ServerAddresses servers = new ServerAddresses(List.of(A));

        assertThat(servers.moveOnFrom(A)).isEqualTo(A);
    }

    @Test
    void an_empty_list_is_refused() {
        assertThatThrownBy(() -> new ServerAddresses(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
