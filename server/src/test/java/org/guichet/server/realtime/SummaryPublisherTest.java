package org.guichet.server.realtime;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.await;

/**
 * What one node's rooms are told of their waiting counts, and what it tells the other nodes. The publisher under test
 * reads the test server's database and publishes on a Vert.x of its own, which the server's own publisher never
 * reaches.
 */
class SummaryPublisherTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private final List<List<String>> toldOthers = new CopyOnWriteArrayList<>();
    /** What room r1's screen heard: the waiting count of each "queue" message, or "end" after each flush. */
    private final List<Object> heardInRoom = new CopyOnWriteArrayList<>();
    private Vertx node;
    private LiveChannels channels;
    private SummaryPublisher publisher;

    @BeforeEach
    void aNodeWithAScreenInRoomR1() {
        node = Vertx.vertx();
        channels = new LiveChannels(node);
        publisher = new SummaryPublisher(channels, server.services().summaries(), toldOthers::add);
        MessageConsumer<JsonObject> screen = node.eventBus().localConsumer(Addresses.room("r1"), message ->
                heardInRoom.add(message.body().containsKey("end") ? "end"
                        : message.body().getJsonObject("room").getInteger("waiting")));
        await(screen.completion());
    }

    @AfterEach
    void stop() {
        await(node.close());
    }

    @Test
    void a_room_is_told_its_counts_when_they_changed_or_a_screen_began_to_listen() {
        int waiting = waitingInR1();
        publisher.markChanged("s1");
        assertThat(flush()).as("first read").containsExactly(waiting, "end");

        publisher.markChanged("s1");
        assertThat(flush()).as("the same counts again").containsExactly("end");

        server.issue(server.tokenOf("kiosk-1"), "svc-a");
        publisher.markChanged("s1");
        assertThat(flush()).as("one more waiting").containsExactly(waiting + 1, "end");

        // A screen that connects now may have read counts that changed back before the next read.
        channels.listening(Addresses.room("r1"));
        publisher.markChanged("s1");
        assertThat(flush()).as("the same counts, once a screen began to listen").containsExactly(waiting + 1, "end");
        publisher.markChanged("s1");
        assertThat(flush()).as("then the same counts again").containsExactly("end");
    }

    @Test
    void it_tells_the_others_the_sites_changed_through_it_and_reads_also_those_they_changed() {
        int waiting = waitingInR1();
        publisher.readAtNextFlush(List.of("s1"));
        publisher.markChanged("s2");
        assertThat(flush()).as("s1, heard of, read and published here").containsExactly(waiting, "end");
        assertThat(toldOthers).as("only the site changed through this node").containsExactly(List.of("s2"));

        flush();
        assertThat(toldOthers).as("nothing changed since").hasSize(1);
    }

    /** Flushes, then waits for what room r1 heard up to an "end" published after the flush. */
    private List<Object> flush() {
        heardInRoom.clear();
        await(publisher.flush());
        channels.publishHere(Addresses.room("r1"), new JsonObject().put("end", true));
        return Eventually.await("the end of the flush", () -> List.copyOf(heardInRoom), heard -> heard.contains("end"));
    }

    private static int waitingInR1() {
        String agent = server.agent("summary.reader." + java.util.UUID.randomUUID(), "agent", "s1");
        return TestServer.ok(server.get("/api/v1/sites/s1/queue", agent)).getJsonObject("rooms").getJsonObject("r1")
                .getInteger("waiting");
    }
}
