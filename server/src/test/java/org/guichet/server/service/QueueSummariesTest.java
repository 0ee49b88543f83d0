package org.guichet.server.service;

import org.guichet.server.domain.QueueSummary;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The waiting counts of several sites read at once are each site's own, as read alone. */
class QueueSummariesTest {

    @RegisterExtension
    final TestServer server = TestServer.perTest();

    @Test
    void several_sites_read_together_give_each_its_own_counts() {
        String kiosk1 = server.tokenOf("kiosk-1");
        server.issue(kiosk1, "svc-a");
        server.issue(kiosk1, "svc-a");
        server.issue(kiosk1, "svc-c");
        server.issue(server.tokenOf("kiosk-2"), "svc-z");
        QueueSummaries summaries = server.services().summaries();

        List<QueueSummary> together = TestServer.await(summaries.summaries(List.of("s2", "a-site-removed", "s1")));

        assertThat(together).extracting(QueueSummary::siteId).containsExactly("s2", "s1");
        assertThat(waitingByService(together.get(1))).isEqualTo(Map.of("svc-a", 2, "svc-b", 0, "svc-c", 1))
                .isEqualTo(waitingByService(TestServer.await(summaries.summary("s1"))));
        assertThat(waitingByRoom(together.get(1))).isEqualTo(Map.of("r1", 2, "r1b", 1));
        assertThat(waitingByService(together.get(0))).isEqualTo(Map.of("svc-z", 1))
                .isEqualTo(waitingByService(TestServer.await(summaries.summary("s2"))));
    }

    @Test
    void no_known_site_reads_nothing() {
        assertThat(TestServer.await(server.services().summaries().summaries(List.of("a-site-removed")))).isEmpty();
    }

    private static Map<String, Integer> waitingByService(QueueSummary summary) {
        Map<String, Integer> waiting = new TreeMap<>();
        summary.services().forEach(queue -> waiting.put(queue.service().id(), queue.waiting()));
        return waiting;
    }

    private static Map<String, Integer> waitingByRoom(QueueSummary summary) {
        Map<String, Integer> waiting = new TreeMap<>();
        summary.rooms().forEach((roomId, room) -> waiting.put(roomId, room.waiting()));
        return waiting;
    }
}
