package org.guichet.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Ticket;
import org.guichet.server.domain.TicketAction;
import org.guichet.server.service.AlertMonitor;
import org.guichet.server.service.TicketEvents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One node's meters, scraped by Prometheus at {@code GET /metrics}: Vert.x's own (HTTP server, SQL pool, event bus,
 * when the node's Vert.x was built with {@link #vertxOptions}), the JVM's (memory, GC, threads), and the domain's.
 * <p>
 * The domain's are of two kinds. Counters of tickets issued and called, per site and service, count what this node
 * did: across a cluster they add up. Gauges of queues and devices are read from what the alert check of this node
 * last read from the database (every two seconds, see {@link AlertMonitor#lastObservation()}): every node reports
 * the same queues, and a scrape runs no query but one {@code SELECT 1} (1 s at most) for {@code guichet_database_up}.
 */
public final class NodeMetrics {

    /** Far below Prometheus's scrape timeout (10 s by default): a frozen database must not fail the scrape too. */
    static final Duration DATABASE_PROBE_TIMEOUT = Duration.ofSeconds(1);
    private static final List<String> JVM_METER_PREFIXES = List.of("jvm.", "process.", "system.");
    /** The HTTP response time's histogram buckets: enough for a p99 from 5 ms to 10 s without thousands of series. */
    private static final double[] RESPONSE_TIME_BUCKETS_SECONDS =
            {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    /** What the domain gauges are read from, once the services exist. */
    public record Sources(Supplier<Catalog> catalog, Supplier<AlertMonitor.Observation> observation,
                          Supplier<Future<Void>> databaseProbe) {
    }

    private final Vertx vertx;
    private final PrometheusMeterRegistry registry;
    private final boolean ownRegistry;
    private final Clock clock;
    private final List<MeterBinder> binders = new ArrayList<>();
    private final Map<String, Counter> issued = new ConcurrentHashMap<>();
    private final Map<String, Counter> called = new ConcurrentHashMap<>();
    private final List<Meter> meters = new ArrayList<>();
    private final GaugeFamily waiting;
    private final GaugeFamily longestWait;
    private final GaugeFamily targetWait;
    private final GaugeFamily devices;
    private final GaugeFamily printerReady;
    private final GaugeFamily printerConditions;
    private final AtomicReference<Double> observationAge = new AtomicReference<>(Double.NaN);
    private final AtomicReference<Double> databaseUp = new AtomicReference<>(Double.NaN);
    private volatile Sources sources;

    private NodeMetrics(Vertx vertx, PrometheusMeterRegistry registry, boolean ownRegistry, Clock clock) {
        this.vertx = vertx;
        this.registry = registry;
        this.ownRegistry = ownRegistry;
        this.clock = clock;
        waiting = new GaugeFamily("guichet.queue.waiting", null, "Tickets waiting in the queue now (whole cluster)");
        longestWait = new GaugeFamily("guichet.queue.longest.wait", "seconds",
                "How long the first ticket of the queue has waited (whole cluster)");
        targetWait = new GaugeFamily("guichet.queue.target.wait", "seconds", "The service's target wait");
        devices = new GaugeFamily("guichet.devices", null,
                "Devices per kind and state: online (reported in the last 2 minutes), silent, never heard from");
        printerReady = new GaugeFamily("guichet.kiosk.printer.ready", null,
                "1 when the kiosk's last report says its printer can print");
        printerConditions = new GaugeFamily("guichet.kiosk.printer.condition", null,
                "1 when the kiosk's last report has this printer condition");
        meters.add(Gauge.builder("guichet.observation.age", observationAge, AtomicReference::get)
                .baseUnit("seconds").description("Age of the queue and device figures (the last alert check)")
                .strongReference(true).register(registry));
        meters.add(Gauge.builder("guichet.database.up", databaseUp, AtomicReference::get)
                .description("1 when this node's database answered the scrape's probe").strongReference(true)
                .register(registry));
        binders.add(new JvmMemoryMetrics());
        binders.add(new JvmGcMetrics());
        binders.add(new JvmThreadMetrics());
        binders.add(new ClassLoaderMetrics());
        binders.add(new ProcessorMetrics());
        binders.add(new UptimeMetrics());
        binders.forEach(binder -> binder.bindTo(registry));
    }

    /**
     * Vert.x options that keep the HTTP server's, the pools' and the event bus's meters in the registry of this node
     * (named by {@code settings}), with the default low-cardinality labels (method and status code, pool type and
     * name, local or remote side; never a path or an address). Main builds the node's Vert.x with them; a test may.
     */
    public static VertxOptions vertxOptions(VertxOptions options, MetricsSettings settings) {
        if (!settings.enabled()) {
            return options;
        }
        MicrometerMetricsOptions metrics = new MicrometerMetricsOptions().setEnabled(true)
                .setRegistryName(settings.registryName())
                .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(responseTimeHistogram());
        // Registered under the node's name before Vert.x starts: Vert.x takes the registry it finds there.
        BackendRegistries.setupBackend(metrics, registry);
        return options.setMetricsOptions(metrics);
    }

    /**
     * The node's meters: in the registry its Vert.x keeps Vert.x's own meters in, or in one of their own when the
     * Vert.x was built without metrics (then only the JVM's and the domain's are scraped).
     */
    public static NodeMetrics create(Vertx vertx, MetricsSettings settings, Clock clock) {
        MeterRegistry found = settings.registryName() == null ? null
                : BackendRegistries.getNow(settings.registryName());
        if (found instanceof PrometheusMeterRegistry prometheus) {
            return new NodeMetrics(vertx, prometheus, false, clock);
        }
        return new NodeMetrics(vertx, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), true, clock);
    }

    /** The ticket events, counted on their way: an issued ticket (not a transfer's arrival) and a first call. */
    public TicketEvents counting(TicketEvents next) {
        return new TicketEvents() {
            @Override
            public void ticketChanged(Ticket ticket, TicketAction action, String leftCounterId) {
                count(ticket, action);
                next.ticketChanged(ticket, action, leftCounterId);
            }

            @Override
            public void ticketTransferred(Ticket ended, Ticket successor, String leftCounterId) {
                count(ended, TicketAction.TRANSFER);
                count(successor, TicketAction.ISSUE);
                next.ticketTransferred(ended, successor, leftCounterId);
            }
        };
    }

    private void count(Ticket ticket, TicketAction action) {
        if (!DomainGauges.measured(ticket.siteId())) {
            return;
        }
        if (action == TicketAction.ISSUE && ticket.transferredFrom() == null) {
            counter(issued, "guichet.tickets.issued", "Tickets issued by this node", ticket.siteId(),
                    ticket.serviceId()).increment();
        } else if (action == TicketAction.CALL) {
            counter(called, "guichet.tickets.called", "Tickets called to a counter through this node (recalls not "
                    + "counted)", ticket.siteId(), ticket.serviceId()).increment();
        }
    }

    private Counter counter(Map<String, Counter> counters, String name, String description, String siteId,
                            String serviceId) {
        String key = siteId + "\u0000" + serviceId;
        Counter counter = counters.get(key);
        return counter != null ? counter : counters.computeIfAbsent(key, missing -> Counter.builder(name)
                .description(description).tags(DomainGauges.queueTags(siteId, serviceId)).register(registry));
    }

    /** Where the domain gauges are read from; until then a scrape has the Vert.x, JVM and ticket meters. */
    public void observe(Sources sources) {
        this.sources = sources;
    }

    /** Everything in Prometheus's text format, the domain gauges read now; the work is done off the event loop. */
    public Future<String> scrape() {
        Sources from = sources;
        Future<Boolean> databaseAnswers = from == null ? Future.succeededFuture(null) : probe(from);
        return databaseAnswers.compose(up -> vertx.executeBlocking(() -> {
            synchronized (this) {
                if (from != null) {
                    refresh(from, up, clock.instant());
                }
                return registry.scrape();
            }
        }, false));
    }

    private static Future<Boolean> probe(Sources from) {
        try {
            return from.databaseProbe().get().timeout(DATABASE_PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .map(true).otherwise(false);
        } catch (RuntimeException e) {
            return Future.succeededFuture(false);
        }
    }

    private void refresh(Sources from, Boolean up, Instant now) {
        Catalog catalog = from.catalog().get();
        AlertMonitor.Observation observation = from.observation().get();
        databaseUp.set(up == null ? Double.NaN : up ? 1.0 : 0.0);
        catalog.services().values().stream().filter(Catalog.Service::issuesTickets)
                .filter(service -> DomainGauges.measured(service.siteId())).forEach(service -> {
            counter(issued, "guichet.tickets.issued", "Tickets issued by this node", service.siteId(), service.id());
            counter(called, "guichet.tickets.called", "Tickets called to a counter through this node (recalls not "
                    + "counted)", service.siteId(), service.id());
        });
        targetWait.set(DomainGauges.targetWait(catalog));
        if (observation == null) {
            return;
        }
        observationAge.set((double) Duration.between(observation.at(), now).toMillis() / 1000);
        waiting.set(DomainGauges.waiting(catalog, observation.queues()));
        longestWait.set(DomainGauges.longestWait(catalog, observation.queues(), now));
        devices.set(DomainGauges.devices(observation.devices(), now));
        printerReady.set(DomainGauges.printerReady(observation.devices()));
        printerConditions.set(DomainGauges.printerConditions(observation.devices()));
    }

    /** Removes every meter this node registered, so that a server started again in the same Vert.x starts afresh. */
    public synchronized void close() {
        List.of(waiting, longestWait, targetWait, devices, printerReady, printerConditions)
                .forEach(GaugeFamily::clear);
        meters.forEach(registry::remove);
        issued.values().forEach(registry::remove);
        called.values().forEach(registry::remove);
        binders.forEach(binder -> {
            if (binder instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // a binder that cannot stop listening leaves nothing the next start depends on
                }
            }
        });
        // The binders' meters (some registered later, at a collection): Vert.x's own are all named vertx.*.
        registry.getMeters().stream().filter(meter -> JVM_METER_PREFIXES.stream()
                .anyMatch(prefix -> meter.getId().getName().startsWith(prefix))).toList().forEach(registry::remove);
        if (ownRegistry) {
            registry.close();
        }
    }

    private static MeterFilter responseTimeHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("vertx.http.server.response.time")) {
                    return config;
                }
                double[] nanos = new double[RESPONSE_TIME_BUCKETS_SECONDS.length];
                for (int i = 0; i < nanos.length; i++) {
                    nanos[i] = RESPONSE_TIME_BUCKETS_SECONDS[i] * 1e9;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }

    /** A gauge with a series per label set; series not in the latest reading disappear. */
    private final class GaugeFamily {

        private final MultiGauge gauge;
        private volatile Map<Tags, Double> values = Map.of();

        GaugeFamily(String name, String baseUnit, String description) {
            gauge = MultiGauge.builder(name).baseUnit(baseUnit).description(description).register(registry);
        }

        void set(List<DomainGauges.Sample> samples) {
            Map<Tags, Double> next = new HashMap<>();
            samples.forEach(sample -> next.put(sample.tags(), sample.value()));
            values = next;
            gauge.register(samples.stream().map(sample -> MultiGauge.Row.of(sample.tags(), this,
                    family -> family.values.getOrDefault(sample.tags(), Double.NaN))).toList(), false);
        }

        void clear() {
            values = Map.of();
            gauge.register(List.of(), true);
        }
    }
}
