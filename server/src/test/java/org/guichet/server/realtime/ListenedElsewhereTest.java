package org.guichet.server.realtime;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ListenedElsewhereTest {

    private static final String ROOM = "guichet.room.r1";
    private static final String COUNTER = "guichet.counter.c1";

    private final ListenedElsewhere elsewhere = new ListenedElsewhere();

    private static ListenedHere.Change began(String address, long version) {
        return new ListenedHere.Change(address, true, version);
    }

    private static ListenedHere.Change stopped(String address, long version) {
        return new ListenedHere.Change(address, false, version);
    }

    @Test
    void a_node_whose_snapshot_has_not_arrived_may_listen_to_anything() {
        elsewhere.changed("node-b", began(ROOM, 1));

        assertThat(elsewhere.knows("node-b")).isFalse();
        assertThat(elsewhere.mayListen("node-b", COUNTER)).isTrue();
        assertThat(elsewhere.mayListen("node-c", COUNTER)).isTrue();
    }

    @Test
    void once_its_snapshot_arrived_a_node_listens_to_what_it_lists_and_to_what_it_tells_after() {
        elsewhere.snapshot("node-b", new ListenedHere.Snapshot(1, Map.of(ROOM, 1L)));

        assertThat(elsewhere.knows("node-b")).isTrue();
        assertThat(elsewhere.mayListen("node-b", ROOM)).isTrue();
        assertThat(elsewhere.mayListen("node-b", COUNTER)).isFalse();

        elsewhere.changed("node-b", began(COUNTER, 2));
        elsewhere.changed("node-b", stopped(ROOM, 3));

        assertThat(elsewhere.mayListen("node-b", COUNTER)).isTrue();
        assertThat(elsewhere.mayListen("node-b", ROOM)).isFalse();
    }

    @Test
    void a_stop_older_than_the_beginning_known_is_ignored() {
        elsewhere.snapshot("node-b", new ListenedHere.Snapshot(0, Map.of()));
        elsewhere.changed("node-b", began(COUNTER, 3));
        elsewhere.changed("node-b", stopped(COUNTER, 2));

        assertThat(elsewhere.mayListen("node-b", COUNTER)).isTrue();
    }

    @Test
    void a_snapshot_keeps_the_changes_newer_than_it_and_drops_the_older_ones_it_does_not_list() {
        elsewhere.changed("node-b", began(ROOM, 2));
        elsewhere.changed("node-b", began(COUNTER, 5));

        elsewhere.snapshot("node-b", new ListenedHere.Snapshot(4, Map.of()));

        assertThat(elsewhere.mayListen("node-b", ROOM)).as("stopped before the snapshot").isFalse();
        assertThat(elsewhere.mayListen("node-b", COUNTER)).as("began after the snapshot").isTrue();
    }

    @Test
    void a_node_no_longer_a_member_is_forgotten_and_may_listen_to_anything_if_it_comes_back() {
        elsewhere.snapshot("node-b", new ListenedHere.Snapshot(0, Map.of()));
        elsewhere.snapshot("node-c", new ListenedHere.Snapshot(0, Map.of()));

        elsewhere.retainOnly(List.of("node-c"));

        assertThat(elsewhere.knows("node-b")).isFalse();
        assertThat(elsewhere.mayListen("node-b", COUNTER)).isTrue();
        assertThat(elsewhere.mayListen("node-c", COUNTER)).isFalse();
    }
}
