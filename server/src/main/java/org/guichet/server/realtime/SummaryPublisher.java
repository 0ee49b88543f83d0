package org.guichet.server.realtime;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.QueueSummary;
import org.guichet.server.service.QueueSummaries;
import org.guichet.server.view.QueueView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Waiting counts, published coalesced: a change only marks its site; {@link #flush()} (run every 250 ms by the
 * instance's jobs) publishes each marked site's summary once, so a burst of tickets costs one query per site, not one
 * per ticket. A room whose counts did not change is not told again: every screen costs one encoding per message, and
 * a screen that (re)connects reads them over REST.
 */
public final class SummaryPublisher {

    private final LiveChannels channels;
    private final QueueSummaries summaries;
    private final Set<String> dirtySites = ConcurrentHashMap.newKeySet();
    private final Map<String, JsonObject> publishedRoomCounts = new ConcurrentHashMap<>();

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

    private void publish(QueueSummary summary) {
        JsonObject site = QueueView.site(summary);
        channels.publish(Addresses.siteQueue(summary.siteId()), site);
        summary.rooms().forEach((roomId, room) -> {
            JsonObject counts = QueueView.roomCounts(room);
            if (counts.equals(publishedRoomCounts.put(roomId, counts))) {
                return;
            }
            channels.publish(Addresses.room(roomId), new JsonObject().put("type", "queue")
                    .put("at", summary.at().toString()).put("room", QueueView.roomOf(site, roomId)));
        });
    }
}
