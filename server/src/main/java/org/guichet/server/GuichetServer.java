package org.guichet.server;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.guichet.server.config.DemoSetup;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.ClientAddress;
import org.guichet.server.domain.Role;
import org.guichet.server.domain.Tokens;
import org.guichet.server.http.HttpVerticle;
import org.guichet.server.http.MetricsRoute;
import org.guichet.server.jobs.ClusterJobsVerticle;
import org.guichet.server.jobs.InstanceVerticle;
import org.guichet.server.metrics.NodeMetrics;
import org.guichet.server.realtime.CatalogPublisher;
import org.guichet.server.realtime.InternalBus;
import org.guichet.server.realtime.LiveChannels;
import org.guichet.server.realtime.Publisher;
import org.guichet.server.realtime.SummaryPublisher;
import org.guichet.server.service.Accounts;
import org.guichet.server.service.ContactCipher;
import org.guichet.server.store.ContactKeyStore;
import org.guichet.server.service.Services;
import org.guichet.server.service.SingleSignOn;
import org.guichet.server.store.AgentStore;
import org.guichet.server.store.IdentityStore;
import org.guichet.server.service.TicketEvents;
import org.guichet.server.store.Database;
import org.guichet.server.store.DatabaseSettings;
import org.guichet.server.store.EmbeddedDatabase;
import org.guichet.server.store.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts one server instance: database (embedded or external), migrations, the services over one pool, then its
 * verticles: the instance's own jobs, the jobs shared by the cluster, and one HTTP verticle per core.
 */
public final class GuichetServer {

    private static final Logger LOG = LoggerFactory.getLogger(GuichetServer.class);
    private static final int DEFAULT_POOL_SIZE = 16;
    private static final AtomicInteger SHARED_RANDOM_PORTS = new AtomicInteger();

    private final Vertx vertx;
    private final Services services;
    private final Pool pool;
    private final DatabaseSettings database;
    private final HttpVerticle http;
    private final List<String> deployments;
    private final EmbeddedDatabase embedded;
    private final List<String> secrets;
    private final NodeMetrics metrics;
    private final LiveChannels channels;

    private GuichetServer(Vertx vertx, Services services, Pool pool, DatabaseSettings database, HttpVerticle http,
                          List<String> deployments, EmbeddedDatabase embedded, List<String> secrets,
                          NodeMetrics metrics, LiveChannels channels) {
        this.vertx = vertx;
        this.services = services;
        this.pool = pool;
        this.database = database;
        this.http = http;
        this.deployments = deployments;
        this.embedded = embedded;
        this.secrets = secrets;
        this.metrics = metrics;
        this.channels = channels;
    }

    public static Future<GuichetServer> start(Vertx vertx, ServerOptions options) {
        Future<EmbeddedDatabase> embeddedDb = options.database() != null
                ? Future.succeededFuture(null)
                : vertx.executeBlocking(() -> EmbeddedDatabase.start(options.dataDirectory()));
        return embeddedDb.compose(embedded -> {
            DatabaseSettings db = embedded != null ? embedded.settings() : options.database();
            return vertx.executeBlocking(() -> Migrations.migrate(db))
                    .compose(migrated -> {
                        if (migrated > 0) {
                            LOG.info("Applied {} schema migration(s)", migrated);
                        }
                        return assemble(vertx, options, db, embedded);
                    })
                    .onFailure(failure -> closeQuietly(embedded));
        });
    }

    private static Future<GuichetServer> assemble(Vertx vertx, ServerOptions options, DatabaseSettings db,
                                                  EmbeddedDatabase embedded) {
        Pool pool = Database.pool(vertx, db, options.poolSize() > 0 ? options.poolSize() : DEFAULT_POOL_SIZE);
        InternalBus internalBus = new InternalBus(vertx);
        Services.Base base = Services.base(pool, options.clock(), internalBus,
                new CatalogPublisher(vertx.eventBus(), options.clock()));
        LiveChannels channels = new LiveChannels(vertx);
        SummaryPublisher summaries = new SummaryPublisher(channels, base.summaries(),
                internalBus::waitingCountsChanged);
        Publisher publisher = new Publisher(channels, base.catalogs(), summaries, options.clock());
        // No metrics token, no meters: issuing pays for no counter nobody reads.
        NodeMetrics metrics = options.metrics().enabled()
                ? NodeMetrics.create(vertx, options.metrics(), options.clock()) : null;
        TicketEvents ticketEvents = metrics == null ? publisher : metrics.counting(publisher);
        boolean keyMadeNow = !java.nio.file.Files.exists(options.contactKey());
        ContactCipher contactCipher = contactCipher(options);
        Services services = Services.assemble(vertx, pool, base,
                new Services.Outlets(internalBus, ticketEvents, publisher, publisher, publisher),
                options.sessionLifetime(), options.auditRetention(), options.retention(), options.deviceIssuing(),
                options.satisfaction(), options.callbacks(), contactCipher, options.sms(),
                options.appointments());
        if (metrics != null) {
            metrics.observe(new NodeMetrics.Sources(services.catalogs()::get, services.alerts()::lastObservation,
                    services.health()::database));
        }
        MetricsRoute metricsRoute = metrics == null ? null : new MetricsRoute(options.metrics()::accepts,
                metrics::scrape);
        SingleSignOn singleSignOn = new SingleSignOn(vertx, options.sso(), new IdentityStore(pool),
                new AgentStore(pool), services.catalogs(), services.authentication(), internalBus, options.clock(),
                options.sessionLifetime());
        List<String> secrets = new ArrayList<>();
        List<String> deployed = new CopyOnWriteArrayList<>();
        List<HttpVerticle> httpInstances = new CopyOnWriteArrayList<>();
        // Asked for 0 (tests, benchmarks): a negative port makes this server's instances share one random port; each
        // server takes its own negative value, or two servers in one Vert.x would share theirs.
        int port = options.httpPort() == 0 ? SHARED_RANDOM_PORTS.decrementAndGet() : options.httpPort();
        return checkContactKey(pool, contactCipher, options.contactKey(), keyMadeNow)
                .compose(checked -> services.catalogs().reload())
                .compose(catalog -> applyDeployment(services, options.deployment(), secrets))
                .compose(done -> bootstrapAdmin(services.accounts(), options, secrets))
                .compose(done -> options.demo()
                        ? new DemoSetup(services).apply(options.demoReset()).map(secrets::addAll)
                        : Future.succeededFuture())
                // The HTTP verticles first: they take the first event loops, one per core, as they did before the
                // jobs became verticles (measured: deployed after the jobs, HTTP issuing kept a smaller share).
                .compose(done -> vertx.deployVerticle(() -> {
                    HttpVerticle instance = new HttpVerticle(services, port, options.accessibility(),
                            options.publicUrls(), metricsRoute, singleSignOn, options.privacy().toJson(
                            options.retention(), options.auditRetention().toDays(),
                            options.sessionLifetime().toHours()), options.http(), channels);
                    httpInstances.add(instance);
                    return instance;
                }, new DeploymentOptions().setInstances(httpInstancesCount())))
                .compose(id -> {
                    deployed.add(id);
                    return vertx.deployVerticle(new InstanceVerticle(services, internalBus, channels, summaries));
                })
                .compose(id -> {
                    deployed.add(id);
                    return vertx.deployVerticle(new ClusterJobsVerticle(services));
                })
                .map(id -> {
                    deployed.add(id);
                    HttpVerticle http = httpInstances.get(0);
                    GuichetServer server = new GuichetServer(vertx, services, pool, db, http, deployed, embedded,
                            secrets, metrics, channels);
                    if (options.printSecrets() && !secrets.isEmpty()) {
                        server.printSecrets(http.actualPort());
                    }
                    services.health().started();
                    return server;
                })
                .recover(failure -> Future.join(deployed.stream().map(vertx::undeploy).toList())
                        .eventually(() -> {
                            if (metrics != null) {
                                metrics.close();
                            }
                            return pool.close();
                        })
                        .transform(ignored -> Future.failedFuture(failure)));
    }

    /**
     * One HTTP verticle per core, sharing the port (Vert.x balances connections between them), so the API and the
     * bridge's sockets are not all on one event loop.
     */
    /**
     * Refuses to start with a key other than the one the database's contact details are sealed with: this node could
     * neither open its peers' numbers nor seal numbers they can open. A key made just now for nothing is removed.
     */
    private static Future<Void> checkContactKey(Pool pool, ContactCipher cipher, java.nio.file.Path file,
                                                boolean madeNow) {
        return new ContactKeyStore(pool).recordOrRead(cipher.fingerprint()).compose(recorded -> {
            if (java.util.Arrays.equals(recorded, cipher.fingerprint())) {
                return Future.succeededFuture();
            }
            if (madeNow) {
                try {
                    java.nio.file.Files.deleteIfExists(file);
                } catch (java.io.IOException e) {
                    LOG.warn("The contact key file {} made for nothing could not be removed", file);
                }
            }
            return Future.failedFuture(new IllegalStateException("This database's contact details are sealed with "
                    + "another key than " + file + (madeNow ? " (which did not exist)" : "") + ": give this node the "
                    + "key file of the other nodes (contactKeyFile, GUICHET_CONTACT_KEY_FILE), or restore it."));
        });
    }

    /** The key sealing callers' numbers, read from its file (made there at the first start). */
    private static ContactCipher contactCipher(ServerOptions options) {
        try {
            return ContactCipher.fromKeyFile(options.contactKey());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The contact key file " + options.contactKey() + " cannot be read or made ("
                    + e.getClass().getSimpleName() + ").", e);
        }
    }

    private static int httpInstancesCount() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    private static Future<Void> applyDeployment(Services services, JsonObject deployment, List<String> secrets) {
        if (deployment.getJsonArray("sites", new JsonArray()).isEmpty()) {
            return Future.succeededFuture();
        }
        return services.deployments().apply(deployment, false, AuditEntry.Actor.system("configuration"))
                .map(applied -> {
                    applied.deviceTokens().forEach((id, token) -> secrets.add("device " + id + " token: " + token));
                    return null;
                });
    }

    private static Future<Void> bootstrapAdmin(Accounts accounts, ServerOptions options, List<String> secrets) {
        return accounts.hasAdmin().compose(hasAdmin -> {
            if (hasAdmin) {
                return Future.succeededFuture();
            }
            boolean fromEnvironment = options.adminPassword() != null && !options.adminPassword().isBlank();
            String password = fromEnvironment ? options.adminPassword() : Tokens.newPassword();
            return accounts.create(new Accounts.NewAccount("admin", "Administrateur", password, Role.ADMIN, List.of()),
                            AuditEntry.Actor.system("first start"), !fromEnvironment)
                    .map(created -> {
                        secrets.add(fromEnvironment
                                ? "administrator 'admin' created with the password from GUICHET_ADMIN_PASSWORD"
                                : "administrator 'admin' one-time password: " + password
                                  + "  (to be changed at the first log-in)");
                        return null;
                    });
        });
    }

    private void printSecrets(int port) {
        StringBuilder banner = new StringBuilder("\n================ Guichet: shown once, keep them safe ================\n");
        secrets.forEach(line -> banner.append("  ").append(line).append('\n'));
        String base = "http://localhost:" + port;
        banner.append("  server: ").append(base).append('\n');
        banner.append("  counter tablet: ").append(base).append("/counter/   supervision: ").append(base)
                .append("/supervisor/\n");
        banner.append("  a screen: ").append(base).append("/display/?token=<its device token>\n");
        banner.append("=====================================================================\n");
        System.out.println(banner);
    }

    public List<String> secrets() {
        return List.copyOf(secrets);
    }

    public List<String> apiEndpoints() {
        return http.apiEndpoints();
    }

    public int port() {
        return http.actualPort();
    }

    public Services services() {
        return services;
    }

    /** Where this server's database is (the embedded one's port, or the configured external one). */
    public DatabaseSettings database() {
        return database;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** How this node passes browser messages to the other nodes of its cluster. */
    public LiveChannels channels() {
        return channels;
    }

    /** Undeploys this server's verticles (releasing what they registered), closes the pool and the embedded database. */
    public Future<Void> stop() {
        services.health().stopping();
        List<String> newestFirst = new ArrayList<>(deployments);
        Collections.reverse(newestFirst);
        Future<Void> undeployed = Future.succeededFuture();
        for (String id : newestFirst) {
            undeployed = undeployed.eventually(() -> vertx.undeploy(id));
        }
        return undeployed
                .eventually(() -> {
                    if (metrics != null) {
                        metrics.close();
                    }
                    return pool.close();
                })
                .eventually(() -> vertx.executeBlocking(() -> {
                    closeQuietly(embedded);
                    return null;
                }))
                .mapEmpty();
    }

    private static void closeQuietly(EmbeddedDatabase embedded) {
        if (embedded == null) {
            return;
        }
        try {
            embedded.close();
        } catch (Exception e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
