package org.guichet.server.service;

import io.vertx.core.Future;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.AuditQuery;
import org.guichet.server.domain.Principal;
import org.guichet.server.store.AuditStore;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The audit log as administrators read it, and its retention. Entries are written by the services that make the
 * changes, in the changes' own transactions.
 */
public final class AuditLog {

    public static final int DEFAULT_RETENTION_DAYS = 400;
    /** Entries deleted per statement, so that a large backlog never holds one long transaction. */
    public static final int DELETE_BATCH = 1000;

    private final AuditStore store;
    private final Clock clock;
    private final Duration retention;

    public AuditLog(AuditStore store, Clock clock, Duration retention) {
        this.store = store;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Entries newest first. An administrator of some sites sees only entries of those sites, not those without a
     * site (accounts of several sites or of every site).
     */
    public Future<List<AuditEntry>> list(Principal principal, AuditQuery query) {
        AccessPolicy.require(principal, Action.READ_AUDIT, AccessPolicy.Scope.none());
        if (query.siteId() != null) {
            AccessPolicy.require(principal, Action.READ_AUDIT, AccessPolicy.Scope.site(query.siteId()));
        }
        return store.list(principal.coversEverySite() ? query : query.withinSites(principal.siteIds()));
    }

    /** Deletes the entries older than the retention, batch after batch; answers how many. */
    public Future<Integer> deleteExpired() {
        return deleteExpired(DELETE_BATCH);
    }

    public Future<Integer> deleteExpired(int batch) {
        return deleteFrom(0, batch);
    }

    private Future<Integer> deleteFrom(int deletedSoFar, int batch) {
        return store.deleteOlderThan(clock.instant().minus(retention), batch).compose(deleted -> deleted < batch
                ? Future.succeededFuture(deletedSoFar + deleted)
                : deleteFrom(deletedSoFar + deleted, batch));
    }
}
