package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatcherTest {

    private final List<List<String>> batches = new ArrayList<>();
    private final List<Promise<Void>> running = new ArrayList<>();

    private Batcher<String> batcher(int maxInFlight, int maxBatch) {
        return new Batcher<>(maxInFlight, maxBatch, batch -> {
            batches.add(batch);
            Promise<Void> done = Promise.promise();
            running.add(done);
            return done.future();
        });
    }

    @Test
    void a_lone_request_leaves_at_once() {
        Batcher<String> batcher = batcher(1, 10);

        batcher.submit("a");

        assertThat(batches).containsExactly(List.of("a"));
    }

    @Test
    void requests_arriving_while_a_batch_is_written_leave_together_next() {
        Batcher<String> batcher = batcher(1, 10);
        batcher.submit("a");

        batcher.submit("b");
        batcher.submit("c");
        assertThat(batches).hasSize(1);
        assertThat(batcher.pendingCount()).isEqualTo(2);
        running.get(0).complete();

        assertThat(batches).containsExactly(List.of("a"), List.of("b", "c"));
        assertThat(batcher.pendingCount()).isZero();
    }

    @Test
    void no_more_batches_in_flight_than_allowed_and_none_larger_than_the_maximum() {
        Batcher<String> batcher = batcher(2, 2);
        for (String item : List.of("a", "b", "c", "d", "e", "f")) {
            batcher.submit(item);
        }
        assertThat(batches).containsExactly(List.of("a"), List.of("b"));

        running.get(1).complete();
        assertThat(batches).containsExactly(List.of("a"), List.of("b"), List.of("c", "d"));
        running.get(0).complete();
        assertThat(batches).containsExactly(List.of("a"), List.of("b"), List.of("c", "d"), List.of("e", "f"));
    }

    @Test
    void a_failed_or_throwing_batch_does_not_stop_the_next() {
        List<List<String>> seen = new ArrayList<>();
        Batcher<String> batcher = new Batcher<>(1, 10, batch -> {
            seen.add(batch);
            if (batch.contains("boom")) {
                throw new IllegalStateException("boom");
            }
            return Future.failedFuture("refused");
        });

        batcher.submit("boom");
        batcher.submit("x");
        batcher.submit("y");

        assertThat(seen).containsExactly(List.of("boom"), List.of("x"), List.of("y"));
        assertThat(batcher.pendingCount()).isZero();
    }
}
