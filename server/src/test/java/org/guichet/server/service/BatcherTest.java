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

    /** Items keyed by their first letter: "a1" and "a2" share a key, "b1" has another. */
    private Batcher<String> batcher(int maxInFlight, int maxBatch) {
        return new Batcher<>(maxInFlight, maxBatch, item -> item.charAt(0), batch -> {
            batches.add(batch);
            Promise<Void> done = Promise.promise();
            running.add(done);
            return done.future();
        });
    }

    /** Submits the items one after the other, in order. */
    private static void submit(Batcher<String> batcher, String... items) {
        for (String item : items) {
            batcher.submit(item);
        }
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

        submit(batcher, "b", "c");
        assertThat(batches).hasSize(1);
        assertThat(batcher.pendingCount()).isEqualTo(2);
        running.get(0).complete();

        assertThat(batches).containsExactly(List.of("a"), List.of("b", "c"));
        assertThat(batcher.pendingCount()).isZero();
    }

    @Test
    void no_more_batches_in_flight_than_allowed_and_none_larger_than_the_maximum() {
        Batcher<String> batcher = batcher(2, 2);
        submit(batcher, "a", "b", "c", "d", "e", "f");
        assertThat(batches).containsExactly(List.of("a"), List.of("b"));

        running.get(1).complete();
        assertThat(batches).containsExactly(List.of("a"), List.of("b"), List.of("c", "d"));
        running.get(0).complete();
        assertThat(batches).containsExactly(List.of("a"), List.of("b"), List.of("c", "d"), List.of("e", "f"));
    }

    @Test
    void a_failed_or_throwing_batch_does_not_stop_the_next() {
        List<List<String>> seen = new ArrayList<>();
        Batcher<String> batcher = new Batcher<>(1, 10, item -> item, batch -> {
            seen.add(batch);
            if (batch.contains("boom")) {
                throw new IllegalStateException("boom");
            }
            return Future.failedFuture("refused");
        });

        submit(batcher, "boom", "x", "y");

        assertThat(seen).containsExactly(List.of("boom"), List.of("x"), List.of("y"));
        assertThat(batcher.pendingCount()).isZero();
    }

    @Test
    void a_request_whose_key_no_batch_holds_leaves_at_once_beside_the_batch_in_flight() {
        Batcher<String> batcher = batcher(4, 10);
        batcher.submit("a1");

        submit(batcher, "a2", "b1");

        assertThat(batches).containsExactly(List.of("a1"), List.of("b1"));
        assertThat(batcher.pendingCount()).isEqualTo(1);
        running.get(0).complete();
        assertThat(batches).containsExactly(List.of("a1"), List.of("b1"), List.of("a2"));
    }

    @Test
    void a_key_held_waits_even_with_room_in_flight_and_its_requests_leave_in_order() {
        Batcher<String> batcher = batcher(4, 2);
        submit(batcher, "a1", "a2", "b1", "a3", "a4");
        assertThat(batches).containsExactly(List.of("a1"), List.of("b1"));

        running.get(0).complete();
        assertThat(batches).containsExactly(List.of("a1"), List.of("b1"), List.of("a2", "a3"));
        running.get(1).complete();
        assertThat(batches).hasSize(3);
        running.get(2).complete();
        assertThat(batches).containsExactly(List.of("a1"), List.of("b1"), List.of("a2", "a3"), List.of("a4"));
        assertThat(batcher.pendingCount()).isZero();
    }

    @Test
    void requests_held_back_by_the_limit_in_flight_leave_together_once_a_batch_ends() {
        Batcher<String> batcher = batcher(1, 10);
        submit(batcher, "a1", "b1", "a2", "c1");

        running.get(0).complete();

        assertThat(batches).containsExactly(List.of("a1"), List.of("b1", "a2", "c1"));
    }

    @Test
    void a_batch_that_ends_frees_its_own_keys_only() {
        Batcher<String> batcher = batcher(3, 1);
        submit(batcher, "a1", "a2", "a3", "b1", "b2");
        assertThat(batches).containsExactly(List.of("a1"), List.of("b1"));

        running.get(1).complete();
        assertThat(batches).containsExactly(List.of("a1"), List.of("b1"), List.of("b2"));
        running.get(0).complete();
        assertThat(batches).containsExactly(List.of("a1"), List.of("b1"), List.of("b2"), List.of("a2"));
    }

    @Test
    void a_batch_of_several_keys_that_ends_frees_each_for_a_batch_of_its_own() {
        Batcher<String> batcher = batcher(2, 2);
        submit(batcher, "x1", "y1", "a1", "b1");
        running.get(0).complete();
        assertThat(batches.get(2)).containsExactly("a1", "b1");
        submit(batcher, "a2", "a3", "b2");
        running.get(1).complete();
        assertThat(batches).hasSize(3);

        running.get(2).complete();
        batcher.submit("b3");

        // a2 and a3 fill one batch; b2, whose key is free too, must not wait behind them nor be overtaken by b3.
        assertThat(batches.subList(3, batches.size())).containsExactly(List.of("a2", "a3"), List.of("b2"));
        assertThat(batcher.pendingCount()).isEqualTo(1);
    }
}
