package org.guichet.server.jobs;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.guichet.server.realtime.Addresses;
import org.guichet.server.realtime.InternalBus;
import org.guichet.server.realtime.LiveChannels;
import org.guichet.server.realtime.SummaryPublisher;
import org.guichet.server.service.Services;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What each server instance runs once, whatever its number of HTTP verticles: it follows the announcements of every
 * instance (reload the catalog, forget a revoked token, the devices connected to it), passes the cluster's messages
 * for browsers on to its own listeners, publishes the waiting counts of the sites changed through it or through the
 * others, announces its own connected devices, and checks alerts for its own live views. Everything it registers is
 * released when it stops.
 */
public final class InstanceVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceVerticle.class);

    public static final Duration SUMMARY_INTERVAL = Duration.ofMillis(250);
    /**
     * In a cluster, how often a node reads every site's waiting counts as well: a node killed before it told the others
     * which sites changed through it, or a node that joined while the others did not yet see it listening, leaves
     * counts that no later change may correct on a quiet site (one query; a room is told only what changed).
     */
    public static final Duration EVERY_SITE_READ_INTERVAL = Duration.ofSeconds(30);
    public static final Duration ALERT_CHECK_INTERVAL = Duration.ofSeconds(2);
    /** A third of DevicePresence.REPORT_LIFETIME: a node is counted out after three missed reports. */
    public static final Duration PRESENCE_INTERVAL = Duration.ofSeconds(2);

    private final Services services;
    private final InternalBus internalBus;
    private final LiveChannels channels;
    private final SummaryPublisher summaries;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private final List<Periodic> jobs = new ArrayList<>();

    public InstanceVerticle(Services services, InternalBus internalBus, LiveChannels channels,
                            SummaryPublisher summaries) {
        this.services = services;
        this.internalBus = internalBus;
        this.channels = channels;
        this.summaries = summaries;
    }

    @Override
    public Future<?> start() {
        consumers.add(vertx.eventBus().<String>consumer(Addresses.CATALOG_CHANGED, message -> {
            if (!internalBus.fromHere(message)) {
                services.catalogs().reload().onFailure(failure -> LOG.warn("Catalog could not be reloaded", failure));
            }
        }));
        consumers.add(channels.relay());
        consumers.add(internalBus.hearWaitingCountsChanged(summaries::readAtNextFlush));
        consumers.add(internalBus.hearRevocations(services.authentication()::forget));
        consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.DEVICE_PRESENCE, message -> {
            if (!internalBus.fromHere(message)) {
                services.alerts().presence().received(internalBus.origin(message), message.body());
            }
        }));
        jobs.add(Periodic.start(vertx, "waiting counts", SUMMARY_INTERVAL, summaries::flush));
        if (vertx.isClustered()) {
            jobs.add(Periodic.start(vertx, "waiting counts of every site", EVERY_SITE_READ_INTERVAL, () -> {
                summaries.readAtNextFlush(services.catalogs().get().sites().keySet());
                return Future.succeededFuture();
            }));
        }
        jobs.add(Periodic.start(vertx, "device presence report", PRESENCE_INTERVAL, () -> {
            internalBus.devicePresence(services.alerts().presence().report());
            return Future.succeededFuture();
        }));
        jobs.add(Periodic.start(vertx, "alert check", ALERT_CHECK_INTERVAL, () -> services.alerts().check()));
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    }

    @Override
    public Future<?> stop() {
        channels.stopRelaying();
        List<Future<Void>> cancelled = jobs.stream().map(Periodic::cancel).toList();
        // The other nodes read the sites changed through this one in its last moments now; those changed while its
        // HTTP verticles stop, after this one, at their next read of every site.
        return Future.join(cancelled).transform(done -> {
            summaries.tellWhatChanged();
            return Future.join(consumers.stream().map(MessageConsumer::unregister).toList());
        });
    }
}
