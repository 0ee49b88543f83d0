package org.guichet.server.service;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.guichet.server.domain.AppointmentSettings;
import org.guichet.server.domain.CallbackSettings;
import org.guichet.server.domain.RetentionPolicy;
import org.guichet.server.domain.SatisfactionSettings;
import org.guichet.server.domain.IssuingRate;
import org.guichet.server.domain.WaitEstimator;
import org.guichet.server.domain.stats.StatsPlanner;
import org.guichet.server.store.AgentStore;
import org.guichet.server.store.AppointmentStore;
import org.guichet.server.store.AuditStore;
import org.guichet.server.sms.SmsCounters;
import org.guichet.server.sms.SmsGateway;
import org.guichet.server.sms.SmsSettings;
import org.guichet.server.store.CallbackStore;
import org.guichet.server.store.ReminderStore;
import org.guichet.server.store.CatalogStore;
import org.guichet.server.store.CounterStore;
import org.guichet.server.store.DeploymentStore;
import org.guichet.server.store.DeviceStore;
import org.guichet.server.store.DirectoryStore;
import org.guichet.server.store.FactStats;
import org.guichet.server.store.SatisfactionStore;
import org.guichet.server.store.OccupancyStore;
import org.guichet.server.store.RetentionStore;
import org.guichet.server.store.RollupStats;
import org.guichet.server.store.RoomPlanStore;
import org.guichet.server.store.StatsRollups;
import org.guichet.server.store.TemplateStore;
import org.guichet.server.store.ThrottleStore;
import org.guichet.server.store.PhoneTicketStore;
import org.guichet.server.store.TicketStore;
import org.guichet.server.store.TrainingStore;

import java.time.Clock;
import java.time.Duration;

/**
 * The services of one server instance, built once over one pool and shared by its verticles. They hold no mutable
 * state of their own, but for what is named thread-safe where it is kept: the catalog snapshot ({@link Catalogs}),
 * the issuing batch ({@link TicketIssuer}), remembered tokens ({@link Authentication}) and the last alerts
 * ({@link AlertMonitor}).
 */
public record Services(Clock clock, Catalogs catalogs, Health health, Authentication authentication, Accounts accounts,
                       Devices devices, Deployments deployments, Sites sites, QueueSummaries summaries,
                       TicketIssuer issuer, TicketCalling calling, TicketTransitions transitions,
                       TicketQueries queries, Counters counters, AgentDays agentDays, AlertMonitor alerts,
                       StatsService stats, AuditLog audit, RoomPlans roomPlans, SiteTemplates templates,
                       SiteEditor siteEditor, DataRetention retention, StaffingAdvisor staffing,
                       Directory directory, SatisfactionSurvey satisfaction, PublishedIndicators indicators,
                       Training training, PhoneTickets phoneTickets,
                       Callbacks callbacks, SmsReminders reminders, Appointments appointments) {

    /** What the services tell the outside world: the realtime layer, or nothing (benchmarks, some tests). */
    public record Outlets(Announcements announcements, TicketEvents tickets, CounterEvents counters,
                          AlertEvents alerts, CallbackEvents callbacks) {

        public Outlets(Announcements announcements, TicketEvents tickets, CounterEvents counters,
                       AlertEvents alerts) {
            this(announcements, tickets, counters, alerts, CallbackEvents.NONE);
        }

        /** Tells nobody anything. */
        public static final Outlets NONE = new Outlets(new Announcements() {
            @Override
            public void catalogChanged() {
            }

            @Override
            public io.vertx.core.Future<Void> credentialsRevoked(java.util.List<String> tokenKeys) {
                return io.vertx.core.Future.succeededFuture();
            }
        }, (ticket, action, leftCounterId) -> {
        }, state -> {
        }, (siteId, at, alerts, raised, cleared) -> {
        });
    }

    /** The part of the services the outlets need before the rest exists. */
    public record Base(Clock clock, Catalogs catalogs, TicketStore tickets, WaitingQueues waitingQueues,
                       QueueSummaries summaries) {
    }

    public static Base base(Pool pool, Clock clock, Announcements announcements) {
        return base(pool, clock, announcements, CatalogEvents.NONE);
    }

    /** @param catalogEvents told each time this instance replaces its catalog (screens hear of it) */
    public static Base base(Pool pool, Clock clock, Announcements announcements, CatalogEvents catalogEvents) {
        Catalogs catalogs = new Catalogs(new CatalogStore(pool), announcements, catalogEvents);
        TicketStore tickets = new TicketStore(pool);
        WaitingQueues waitingQueues = new WaitingQueues(tickets, catalogs);
        return new Base(clock, catalogs, tickets, waitingQueues, new QueueSummaries(waitingQueues, catalogs, clock));
    }

    /** Services with the default retention periods and device issuing rate. */
    public static Services assemble(Vertx vertx, Pool pool, Base base, Outlets outlets, Duration sessionLifetime) {
        return assemble(vertx, pool, base, outlets, sessionLifetime, Duration.ofDays(AuditLog.DEFAULT_RETENTION_DAYS),
                RetentionPolicy.defaults(), IssuingRate.DEVICE_DEFAULT, SatisfactionSettings.defaults(),
                CallbackSettings.defaults(), ContactCipher.withFreshKey(), SmsSettings.off(),
                AppointmentSettings.defaults());
    }

    /**
     * @param auditRetention how long audit entries are kept
     * @param retention     how long notes, linkable tickets and tickets are kept
     * @param deviceIssuing how fast each device may issue tickets (on this node)
     * @param callbacks     how long callers' numbers are kept, and when an unanswered call-back comes back
     * @param contactCipher seals callers' numbers with this server's key
     * @param sms           the gateway of SMS reminders, or off
     * @param appointments  when visitors with an appointment may check in
     */
    public static Services assemble(Vertx vertx, Pool pool, Base base, Outlets outlets, Duration sessionLifetime,
                                    Duration auditRetention, RetentionPolicy retention, IssuingRate deviceIssuing,
                                    SatisfactionSettings satisfaction, CallbackSettings callbacks,
                                    ContactCipher contactCipher, SmsSettings sms,
                                    AppointmentSettings appointments) {
        Clock clock = base.clock();
        Catalogs catalogs = base.catalogs();
        TicketStore tickets = base.tickets();
        CounterStore counterStore = new CounterStore(pool);
        AgentStore agents = new AgentStore(pool);
        DeviceStore deviceStore = new DeviceStore(pool);
        Authentication authentication = new Authentication(agents, deviceStore, clock);
        Counters counters = new Counters(counterStore, tickets, catalogs, clock, outlets.counters());
        Accounts accounts = new Accounts(vertx, agents, counters, catalogs, authentication, outlets.announcements(),
                new PasswordWork(vertx, new PasswordHasher()), new LoginThrottle(new ThrottleStore(pool), clock), clock,
                sessionLifetime);
        Devices devices = new Devices(deviceStore, authentication, outlets.announcements(), catalogs, vertx, clock);
        DeploymentStore deploymentStore = new DeploymentStore(pool);
        Deployments deployments = new Deployments(deploymentStore, catalogs, devices, clock);
        // One estimator for every way a ticket is promised a wait: the issuing answer, the visitor's page.
        WaitEstimator estimator = new WaitEstimator(60, 8);
        TicketIssuer issuer = new TicketIssuer(tickets, catalogs, clock, estimator, outlets.tickets(),
                new DeviceIssuingLimits(deviceIssuing, clock));
        TicketTransitions transitions = new TicketTransitions(tickets, catalogs, clock, outlets.tickets(),
                outlets.counters());
        TicketCalling calling = new TicketCalling(vertx, tickets, counterStore, catalogs, transitions, clock,
                outlets.tickets());
        TicketQueries queries = new TicketQueries(tickets, catalogs, base.summaries(), estimator, clock);
        SmsCounters smsCounters = new SmsCounters();
        AppointmentStore appointmentStore = new AppointmentStore(pool);
        SmsReminders reminders = new SmsReminders(new ReminderStore(pool), appointmentStore, queries, catalogs,
                contactCipher,
                sms.enabled() ? sms.create(vertx, smsCounters, (to, failure) -> { }) : SmsGateway.off(), smsCounters,
                sms.enabled(), clock);
        AlertMonitor alerts = new AlertMonitor(base.waitingQueues(), deviceStore, catalogs, clock,
                outlets.alerts(), new DevicePresence(vertx));
        StatsRollups rollups = new StatsRollups(pool);
        DataRetention dataRetention = new DataRetention(new RetentionStore(pool), rollups, retention, clock);
        FactStats facts = new FactStats(pool);
        SatisfactionStore answers = new SatisfactionStore(pool);
        OccupancyStore occupancy = new OccupancyStore(pool);
        StatsService stats = new StatsService(facts, new RollupStats(pool), rollups, new OccupancyStats(occupancy),
                new LiveSupervision(counters, base.summaries()), alerts,
                agents, catalogs, new StatsPlanner(StatsPlanner.DEFAULT_FACTS_SITE_DAY_LIMIT), clock,
                dataRetention::firstDayWithTickets);
        return new Services(clock, catalogs, new Health(pool), authentication, accounts, devices, deployments,
                new Sites(catalogs, base.summaries(), clock), base.summaries(), issuer, calling, transitions, queries,
                counters, new AgentDays(tickets, catalogs, clock), alerts, stats,
                new AuditLog(new AuditStore(pool), clock, auditRetention),
                new RoomPlans(new RoomPlanStore(pool), catalogs, clock),
                new SiteTemplates(new TemplateStore(pool), deploymentStore, deployments, catalogs, clock),
                new SiteEditor(deploymentStore, deployments, catalogs), dataRetention,
                new StaffingAdvisor(facts, occupancy, catalogs, clock),
                new Directory(new DirectoryStore(pool), clock),
                new SatisfactionSurvey(answers, tickets, queries, catalogs, satisfaction, clock),
                new PublishedIndicators(stats, facts, answers, base.summaries(), catalogs, clock),
                new Training(new TrainingStore(pool), catalogs, devices, issuer, clock),
                new PhoneTickets(issuer, new PhoneTicketStore(pool), catalogs, reminders, clock),
                new Callbacks(new CallbackStore(pool), catalogs, calling, counters, contactCipher, callbacks,
                        retention, outlets.callbacks(), clock), reminders,
                new Appointments(appointmentStore, catalogs, issuer, reminders, appointments, retention, clock));
    }
}
