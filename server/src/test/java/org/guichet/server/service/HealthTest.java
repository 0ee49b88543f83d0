package org.guichet.server.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A node is ready only between the end of its start and the beginning of its stop (the database is checked then). */
class HealthTest {

    @Test
    void not_ready_while_starting_nor_once_stopping() throws Exception {
        Health health = new Health(null);
        assertThat(health.ready().await()).isFalse();
        health.started();
        health.stopping();
        assertThat(health.ready().await()).isFalse();
    }
}
