package org.guichet.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.guichet.server.auth.AuthService;
import org.guichet.server.auth.PasswordHasher;
import org.guichet.server.domain.Role;
import org.guichet.server.domain.Tokens;
import org.guichet.server.config.DemoSetup;
import org.guichet.server.config.DeploymentStore;
import org.guichet.server.config.Deployments;
import org.guichet.server.http.HttpVerticle;
import org.guichet.server.http.StatsRoutes;
import org.guichet.server.domain.stats.StatsPlanner;
import org.guichet.server.stats.StatsService;
import org.guichet.server.queue.CounterService;
import org.guichet.server.queue.QueueService;
import org.guichet.server.domain.WaitEstimator;
import org.guichet.server.realtime.QueuePublisher;
import org.guichet.server.realtime.QueueSummaries;
import org.guichet.server.store.CatalogStore;
import org.guichet.server.store.DatabaseSettings;
import org.guichet.server.store.EmbeddedDatabase;
import org.guichet.server.store.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starts one server instance: database (embedded or external), migrations, services, HTTP. */
public final class GuichetServer {

    private static final Logger LOG = LoggerFactory.getLogger(GuichetServer.class);
    static final int PREPARED_STATEMENT_CACHE_SQL_LIMIT = 32_768;

    private static final java.util.concurrent.atomic.AtomicInteger SHARED_RANDOM_PORTS =
            new java.util.concurrent.atomic.AtomicInteger();

    private final Vertx vertx;
    private final ServerContext context;
    private final HttpVerticle http;
    private final String deploymentId;
    private final EmbeddedDatabase embedded;
    private final List<String> secrets;

    private GuichetServer(Vertx vertx, ServerContext context, HttpVerticle http, String deploymentId,
                          EmbeddedDatabase embedded, List<String> secrets) {
        this.vertx = vertx;
        this.context = context;
        this.http = http;
        this.deploymentId = deploymentId;
        this.embedded = embedded;
        this.secrets = secrets;
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

    static PgConnectOptions connectOptions(DatabaseSettings db) {
        return new PgConnectOptions()
                .setHost(db.host()).setPort(db.port()).setDatabase(db.database())
                .setUser(db.user()).setPassword(db.password())
                .setCachePreparedStatements(true)
                // The client caches only statements up to 2,048 characters by default; the issuing statement is
                // longer, and uncached it was parsed and planned again for every batch (measured: 1.6 ms of 7).
                .setPreparedStatementCacheSqlLimit(PREPARED_STATEMENT_CACHE_SQL_LIMIT);
    }

    private static Future<GuichetServer> assemble(Vertx vertx, ServerOptions options, DatabaseSettings db,
                                                  EmbeddedDatabase embedded) {
        Pool pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(options.poolSize() > 0 ? options.poolSize() : 16)
                        .setMaxWaitQueueSize(10_000))
                .connectingTo(connectOptions(db))
                .using(vertx)
                .build();
        CatalogStore catalogs = new CatalogStore(vertx, pool);
        QueueSummaries summaries = new QueueSummaries(vertx, pool, catalogs, options.clock());
        QueuePublisher publisher = new QueuePublisher(vertx.eventBus(), catalogs, summaries::markChanged);
        QueueService queue = new QueueService(pool, catalogs, options.clock(), new WaitEstimator(60, 8), publisher);
        CounterService counters = new CounterService(pool, catalogs, queue, options.clock(), vertx.eventBus());
        AuthService auth = new AuthService(vertx, pool, options.clock(), new PasswordHasher(),
                options.sessionLifetime());
        Deployments deployments = new Deployments(new DeploymentStore(pool), catalogs, auth);
        ServerContext context = new ServerContext(vertx, pool, options.clock(), catalogs, auth, queue, counters,
                summaries, deployments,
                new StatsService(vertx, pool, catalogs, options.clock(), summaries,
                        new StatsPlanner(StatsPlanner.DEFAULT_FACTS_SITE_DAY_LIMIT)));
        List<String> secrets = new ArrayList<>();
        List<HttpVerticle> httpInstances = new java.util.concurrent.CopyOnWriteArrayList<>();
        // Asked for 0 (tests, benchmarks): a negative port makes this server's instances share one random port; each
        // server takes its own negative value, or two servers in one Vert.x would share theirs.
        int port = options.httpPort() == 0 ? SHARED_RANDOM_PORTS.decrementAndGet() : options.httpPort();
        return catalogs.reload()
                .compose(catalog -> applyDeployment(context, options.deployment(), secrets))
                .compose(done -> bootstrapAdmin(auth, options, secrets))
                .compose(done -> options.demo()
                        ? new DemoSetup(context).apply(options.demoReset()).map(lines -> secrets.addAll(lines))
                        : Future.succeededFuture())
                .compose(done -> vertx.deployVerticle(() -> {
                    HttpVerticle instance = new HttpVerticle(context, port);
                    httpInstances.add(instance);
                    return instance;
                }, new io.vertx.core.DeploymentOptions().setInstances(httpInstancesCount())))
                .map(id -> {
                    HttpVerticle http = httpInstances.get(0);
                    summaries.start(Duration.ofMillis(250));
                    context.stats().startJobs(StatsRoutes.ALERT_CHECK_INTERVAL, StatsRoutes.ROLLUP_INTERVAL);
                    GuichetServer server = new GuichetServer(vertx, context, http, id, embedded, secrets);
                    if (options.printSecrets() && !secrets.isEmpty()) {
                        server.printSecrets(http.actualPort());
                    }
                    return server;
                })
                .recover(failure -> pool.close().eventually(() -> Future.succeededFuture())
                        .compose(ignored -> Future.failedFuture(failure)));
    }

    /**
     * One HTTP verticle per core, sharing the port (Vert.x balances connections between them), so the API and the
     * bridge's sockets are not all on one event loop.
     */
    private static int httpInstancesCount() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    static Future<Void> applyDeployment(ServerContext context, JsonObject deployment, List<String> secrets) {
        if (deployment.getJsonArray("sites", new io.vertx.core.json.JsonArray()).isEmpty()) {
            return Future.succeededFuture();
        }
        return context.deployments().apply(deployment, false).map(tokens -> {
            tokens.forEach((id, token) -> secrets.add("device " + id + " token: " + token));
            return null;
        });
    }

    private static Future<Void> bootstrapAdmin(AuthService auth, ServerOptions options, List<String> secrets) {
        return auth.hasAdmin().compose(hasAdmin -> {
            if (hasAdmin) {
                return Future.succeededFuture();
            }
            boolean fromEnvironment = options.adminPassword() != null && !options.adminPassword().isBlank();
            String password = fromEnvironment ? options.adminPassword() : Tokens.newPassword();
            return auth.createAgent("admin", "Administrateur", password, Role.ADMIN, List.of())
                    .map(created -> {
                        secrets.add(fromEnvironment
                                ? "administrator 'admin' created with the password from GUICHET_ADMIN_PASSWORD"
                                : "administrator 'admin' one-time password: " + password
                                  + "  (change it: POST /api/v1/auth/password)");
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

    public java.util.List<String> apiEndpoints() {
        return http.apiEndpoints();
    }

    public int port() {
        return http.actualPort();
    }

    public ServerContext context() {
        return context;
    }

    public Vertx vertx() {
        return vertx;
    }

    public Future<Void> stop() {
        context.summaries().stop();
        context.stats().stopJobs();
        return vertx.undeploy(deploymentId)
                .eventually(() -> context.pool().close())
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
