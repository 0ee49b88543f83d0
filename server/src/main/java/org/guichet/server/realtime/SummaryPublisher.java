package org.guichet.server.realtime;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.QueueSummary;
import org.guichet.server.service.QueueSummaries;
import org.guichet.server.view.QueueView;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Waiting counts, published coalesced: a change only marks its site; {@link #flush()} (run every 250 ms by the
 * instance's jobs) reads each marked site's summary once, so a burst of tickets costs one query per flush, not one per
 * ticket. A room is not told counts it already shows: every screen costs one encoding per message. A screen that
 * (re)connects reads them over REST; from then on its room is told the next counts read, even unchanged, since the
 * screen may have read counts that changed back before the next flush.
 *
 * <p>In a cluster the counts themselves never cross between nodes: each flush tells the other nodes which sites
 * changed through this one ({@code tellOthers}), and every node reads the counts of the sites changed through it or
 * that it heard of, and publishes them to its own listeners only. So what a room's screens on a node were told is
 * that node's last publication, and each node reads a site after every change it was told of.
 */
public final class SummaryPublisher {

    private final LiveChannels channels;
    private final QueueSummaries summaries;
    private final Consumer<List<String>> tellOthers;
    private final Set<String> toTell = ConcurrentHashMap.newKeySet();
    private final Set<String> toRead = ConcurrentHashMap.newKeySet();
    /** The counts each room's screens on this node were told last (see {@link QueueView#roomCounts}). */
    private final Map<String, JsonObject> shownByRoom = new ConcurrentHashMap<>();

    /**
     * {@code tellOthers}: tells the other nodes, if any, that the counts of these sites changed. The publisher hears
     * from {@code channels} which addresses this node's sockets begin to listen to.
     */
    public SummaryPublisher(LiveChannels channels, QueueSummaries summaries, Consumer<List<String>> tellOthers) {
        this.channels = channels;
        this.summaries = summaries;
        this.tellOthers = tellOthers;
        channels.whenListening(this::listening);
    }

    /** A change made through this node. */
    public void markChanged(String siteId) {
        toTell.add(siteId);
        toRead.add(siteId);
    }

    /** Sites to read and publish at the next flush, not to tell anyone of: changes another node made. */
    public void readAtNextFlush(Collection<String> siteIds) {
        toRead.addAll(siteIds);
    }

    /** A socket on this node now hears the address: a room's is told the next counts read, whatever it was told. */
    private void listening(String address) {
        if (address.startsWith(Addresses.ROOM_PREFIX)) {
            shownByRoom.remove(address.substring(Addresses.ROOM_PREFIX.length()));
        }
    }

    /**
     * Tells the other nodes which sites changed through this one since the last flush, and publishes here the summary
     * of every site marked or heard of, all read in one query (one per site was 199 queries a second over a 2-node
     * network day); sites whose read failed are read again at the next flush.
     */
    public Future<Void> flush() {
        tellWhatChanged();
        List<String> marked = drain(toRead);
        if (marked.isEmpty()) {
            return Future.succeededFuture();
        }
        return summaries.summaries(marked).onSuccess(read -> read.forEach(this::publish))
                .onFailure(failure -> toRead.addAll(marked)).mapEmpty();
    }

    /** Tells the other nodes which sites changed through this one since it last told them. */
    public void tellWhatChanged() {
        List<String> changedHere = drain(toTell);
        if (!changedHere.isEmpty()) {
            tellOthers.accept(changedHere);
        }
    }

    /**
     * Takes the sites out of the set. A site marked again while it is taken out may lose that mark: harmless, since
     * what is taken out is read or told after the change that marked it.
     */
    private static List<String> drain(Set<String> sites) {
        List<String> drained = new ArrayList<>(sites);
        drained.forEach(sites::remove);
        return drained;
    }

    private void publish(QueueSummary summary) {
        JsonObject site = QueueView.site(summary);
        channels.publishHere(Addresses.siteQueue(summary.siteId()), site);
        summary.rooms().keySet().forEach(roomId -> {
            JsonObject room = QueueView.roomOf(site, roomId);
            JsonObject counts = QueueView.roomCounts(room);
            if (counts.equals(shownByRoom.put(roomId, counts))) {
                return;
            }
            channels.publishHere(Addresses.room(roomId), new JsonObject().put("type", "queue")
                    .put("at", summary.at().toString()).put("room", room));
        });
    }
}
