package org.guichet.server.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginBackoffTest {

    @Test
    void growing_delays_then_a_lock() {
        LoginBackoff backoff = LoginBackoff.ACCOUNT;
        assertThat(backoff.refusalAfter(4)).isZero();
        assertThat(backoff.refusalAfter(5)).hasSeconds(1);
        assertThat(backoff.refusalAfter(9)).hasSeconds(16);
        assertThat(backoff.refusalAfter(10)).hasMinutes(15);
        assertThat(backoff.refusalAfter(1000)).hasMinutes(15);
        java.time.Instant now = java.time.Instant.parse("2026-03-10T08:00:00Z");
        assertThat(backoff.failuresAfterOneMore(7, now.minusSeconds(60), now)).isEqualTo(8);
        assertThat(backoff.failuresAfterOneMore(7, now.minusSeconds(3600), now)).isEqualTo(1);
    }
}
