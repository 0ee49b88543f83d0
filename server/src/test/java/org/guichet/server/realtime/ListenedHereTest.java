package org.guichet.server.realtime;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ListenedHereTest {

    private final ListenedHere here = new ListenedHere();

    @Test
    void nothing_is_told_while_no_node_took_a_snapshot() {
        assertThat(here.listen("guichet.room.r1")).isEmpty();
        assertThat(here.listen("guichet.room.r2")).isEmpty();
        assertThat(here.forget("guichet.room.r2")).isEmpty();

        assertThat(here.snapshotFor("node-b").addresses()).as("counted all the same")
                .containsOnlyKeys("guichet.room.r1");
    }

    @Test
    void the_node_that_took_the_snapshot_is_told_the_first_listener_and_the_last_one_gone() {
        here.listen("guichet.room.r1");
        ListenedHere.Snapshot snapshot = here.snapshotFor("node-b");
        assertThat(snapshot.addresses()).isEqualTo(Map.of("guichet.room.r1", 1L));
        assertThat(snapshot.version()).isEqualTo(1);

        var first = here.listen("guichet.counter.c1").orElseThrow();
        assertThat(first.change()).isEqualTo(new ListenedHere.Change("guichet.counter.c1", true, 2));
        assertThat(first.nodes()).isEqualTo(Set.of("node-b"));
        assertThat(here.listen("guichet.counter.c1")).as("a second listener changes nothing for the others").isEmpty();
        assertThat(here.forget("guichet.counter.c1")).as("one listener is left").isEmpty();

        var gone = here.forget("guichet.counter.c1").orElseThrow();
        assertThat(gone.change()).isEqualTo(new ListenedHere.Change("guichet.counter.c1", false, 3));
        assertThat(here.forget("guichet.counter.c1")).as("not listened to any more").isEmpty();
    }

    @Test
    void a_snapshot_gives_each_address_the_version_it_began_at() {
        here.listen("guichet.room.r1");
        here.listen("guichet.room.r2");
        here.listen("guichet.room.r1");
        here.forget("guichet.room.r2");

        ListenedHere.Snapshot snapshot = here.snapshotFor("node-b");

        assertThat(snapshot.addresses()).isEqualTo(Map.of("guichet.room.r1", 1L));
        assertThat(snapshot.version()).isEqualTo(3);
    }

    @Test
    void a_node_gone_is_told_nothing_more() {
        here.snapshotFor("node-b");
        here.snapshotFor("node-c");
        here.stopTelling("node-b");

        assertThat(here.listen("guichet.room.r1").orElseThrow().nodes()).isEqualTo(Set.of("node-c"));
    }
}
