package org.guichet.server.realtime;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.QueueSummary;
import org.guichet.server.service.QueueSummaries;
import org.guichet.server.view.QueueView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Waiting counts, published coalesced: a change only marks its site; {@link #flush()} (run every 250 ms by the
 * instance's jobs) publishes each marked site's summary once, so a burst of tickets costs one query per site, not one
 * per ticket. A room is not told counts it already shows: every screen costs one encoding per message, and a screen
 * that (re)connects reads them over REST.
 *
 * <p>In a cluster each node publishes the counts of the changes made through it, so what a room shows is the last
 * publication of any node: each node hears the others' through the relay ({@link #heard}) and compares its reads with
 * that, not with its own last publication. Screens keep the counts read last ({@code at}), so a read that was
 * published wins over any older publication, whenever it arrives. A read left unpublished (the room already showed
 * those counts) is published after all if counts read before it, and different, are heard after it: they would
 * otherwise be the room's last word.
 */
public final class SummaryPublisher {

    /** Counts a room was told, or that a node read, at a time. */
    private record Seen(JsonObject counts, Instant at) {
    }

    /** A read left unpublished, and the message that would publish it. */
    private record Unpublished(Seen seen, JsonObject message) {
    }

    private final LiveChannels channels;
    private final QueueSummaries summaries;
    private final Set<String> dirtySites = ConcurrentHashMap.newKeySet();
    private final Map<String, Seen> shownByRoom = new ConcurrentHashMap<>();
    private final Map<String, Unpublished> unpublishedByRoom = new ConcurrentHashMap<>();

    public SummaryPublisher(LiveChannels channels, QueueSummaries summaries) {
        this.channels = channels;
        this.summaries = summaries;
    }

    public void markChanged(String siteId) {
        dirtySites.add(siteId);
    }

    /**
     * Publishes the summary of every site marked since the last flush, all read in one query (one per site was 199
     * queries a second over a 2-node network day); sites whose read failed wait for the next flush.
     */
    public Future<Void> flush() {
        List<String> marked = new ArrayList<>(dirtySites);
        if (marked.isEmpty()) {
            return Future.succeededFuture();
        }
        marked.forEach(dirtySites::remove);
        return summaries.summaries(marked).onSuccess(read -> read.forEach(this::publish))
                .onFailure(failure -> dirtySites.addAll(marked)).mapEmpty();
    }

    /** The messages each node must hear from every other, whoever listens to them: the rooms' waiting counts. */
    public static boolean hearsEverywhere(String address, JsonObject body) {
        return address.startsWith(Addresses.ROOM_PREFIX) && "queue".equals(body.getString("type"));
    }

    /** A message some node published to a browser address, heard on the cluster's relay (this node's own included). */
    public void heard(String address, JsonObject body) {
        if (!hearsEverywhere(address, body)) {
            return;
        }
        String roomId = address.substring(Addresses.ROOM_PREFIX.length());
        Seen shown = new Seen(QueueView.roomCounts(body.getJsonObject("room")), Instant.parse(body.getString("at")));
        shownByRoom.merge(roomId, shown, SummaryPublisher::readLast);
        Unpublished mine = unpublishedByRoom.get(roomId);
        if (mine != null && mine.seen().at().isAfter(shown.at()) && !mine.seen().counts().equals(shown.counts())
            && unpublishedByRoom.remove(roomId, mine)) {
            shownByRoom.merge(roomId, mine.seen(), SummaryPublisher::readLast);
            channels.publish(address, mine.message());
        }
    }

    /** Of two counts a room was told, those a screen keeps: read last. */
    private static Seen readLast(Seen known, Seen other) {
        return other.at().isAfter(known.at()) ? other : known;
    }

    private void publish(QueueSummary summary) {
        JsonObject site = QueueView.site(summary);
        channels.publish(Addresses.siteQueue(summary.siteId()), site);
        summary.rooms().keySet().forEach(roomId -> {
            JsonObject room = QueueView.roomOf(site, roomId);
            Seen read = new Seen(QueueView.roomCounts(room), summary.at());
            JsonObject message = new JsonObject().put("type", "queue").put("at", summary.at().toString())
                    .put("room", room);
            Seen shown = shownByRoom.get(roomId);
            if (shown != null && shown.at().isAfter(read.at())) {
                return;
            }
            if (shown != null && shown.counts().equals(read.counts())) {
                unpublishedByRoom.put(roomId, new Unpublished(read, message));
                return;
            }
            unpublishedByRoom.remove(roomId);
            shownByRoom.put(roomId, read);
            channels.publish(Addresses.room(roomId), message);
        });
    }
}
