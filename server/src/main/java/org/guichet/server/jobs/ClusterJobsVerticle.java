package org.guichet.server.jobs;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.guichet.server.service.Services;

import java.time.Duration;
import java.util.List;

/**
 * Jobs whose work is shared by every instance and needs doing once: rebuilding the statistics rollups marked dirty,
 * deleting audit entries older than the retention, applying the data retention periods (notes, pseudonymisation,
 * old tickets, expired sessions), drawing the simulated visitors of training copies. One instance of this verticle
 * runs per server; each job takes an advisory lock (or locks its rows), so two servers on one database never do it
 * at once.
 */
public final class ClusterJobsVerticle extends VerticleBase {

    public static final Duration ROLLUP_INTERVAL = Duration.ofSeconds(30);
    public static final Duration AUDIT_RETENTION_INTERVAL = Duration.ofHours(1);
    /**
     * The periods are counted in days, so once a day would do; hourly, a node restarted every night still runs it,
     * and a run with nothing due costs a few index lookups.
     */
    public static final Duration DATA_RETENTION_INTERVAL = Duration.ofHours(1);

    /** How often simulated visitors of training copies arrive (each draw covers the time since the last). */
    public static final Duration TRAINING_INTERVAL = Duration.ofSeconds(3);
    /** How often pending SMS reminders are checked: a visitor is told within this of the third place. */
    public static final Duration REMINDER_INTERVAL = Duration.ofSeconds(10);
    /** How often callers' numbers past their date are erased and forgotten holds released. */
    public static final Duration CALLBACK_INTERVAL = Duration.ofMinutes(1);

    private final Services services;
    private Periodic rollups;
    private Periodic auditRetention;
    private Periodic dataRetention;
    private Periodic training;
    private Periodic reminders;
    private Periodic callbacks;

    public ClusterJobsVerticle(Services services) {
        this.services = services;
    }

    @Override
    public Future<?> start() {
        rollups = Periodic.start(vertx, "statistics rollups", ROLLUP_INTERVAL,
                () -> services.stats().rebuildDirtyRollups());
        auditRetention = Periodic.start(vertx, "audit log retention", AUDIT_RETENTION_INTERVAL,
                () -> services.audit().deleteExpired());
        dataRetention = Periodic.start(vertx, "data retention", DATA_RETENTION_INTERVAL,
                () -> services.retention().run());
        callbacks = Periodic.start(vertx, "call-back numbers and holds, missed appointments", CALLBACK_INTERVAL,
                () -> Future.join(services.callbacks().eraseDue(), services.appointments().tidy()));
        training = Periodic.start(vertx, "simulated visitors", TRAINING_INTERVAL,
                () -> services.training().drawSimulations());
        reminders = Periodic.start(vertx, "SMS reminders", REMINDER_INTERVAL, () -> Future.join(
                services.reminders().sendDue(), services.reminders().sendAppointmentReminders(
                        services.appointments().settings().reminderMinutes())));
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        return Future.join(List.of(rollups.cancel(), auditRetention.cancel(), dataRetention.cancel(), training.cancel(),
                reminders.cancel(), callbacks.cancel()));
    }
}
