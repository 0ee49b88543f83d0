package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.DeploymentDiff;
import org.guichet.server.domain.DeploymentRules;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Principal;
import org.guichet.server.store.DeploymentStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a deployment (from the configuration file, the demo or the admin API): upsert with an audit entry per entity
 * added or changed, reload the catalog on every instance, and issue tokens for devices that have none. Returns those
 * tokens, which are shown once. Also reads the deployment back, and tells what applying one would change.
 */
public final class Deployments {

    /** What an apply did: the new devices' tokens (shown once) and each site's changes. */
    public record Applied(Map<String, String> deviceTokens, List<DeploymentDiff.SiteChanges> changes) {
    }

    private final DeploymentStore store;
    private final Catalogs catalogs;
    private final Devices devices;
    private final Clock clock;

    public Deployments(DeploymentStore store, Catalogs catalogs, Devices devices, Clock clock) {
        this.store = store;
        this.catalogs = catalogs;
        this.devices = devices;
        this.clock = clock;
    }

    /** An administrator applies a deployment of sites they administer, audited as made from {@code address}. */
    public Future<Applied> apply(Principal principal, String address, JsonObject deployment) {
        requireSites(principal, deployment);
        return apply(deployment, false, AuditEntry.Actor.of(principal, address));
    }

    /** What applying the deployment would change, per site; nothing is written. */
    public Future<List<DeploymentDiff.SiteChanges>> dryRun(Principal principal, JsonObject deployment) {
        requireSites(principal, deployment);
        return store.preview(deployment);
    }

    /** The deployment of the sites the administrator configures, in the shape {@link #apply} takes. */
    public Future<JsonObject> read(Principal principal) {
        AccessPolicy.require(principal, Action.CONFIGURE_SITES, AccessPolicy.Scope.none());
        return store.read(principal.coversEverySite() ? null : principal.siteIds());
    }

    private static void requireSites(Principal principal, JsonObject deployment) {
        var sites = DeploymentRules.list(deployment, "sites");
        if (sites.isEmpty()) {
            throw Failure.invalid("Field 'sites' must list at least one site.");
        }
        // A site without a proper id is refused by the validation that follows.
        Set<String> siteIds = new LinkedHashSet<>();
        sites.forEach(site -> {
            if (site instanceof JsonObject json && json.getValue("id") instanceof String id) {
                siteIds.add(id);
            }
        });
        AccessPolicy.require(principal, Action.CONFIGURE_SITES, AccessPolicy.Scope.sites(siteIds));
    }

    /**
     * Applies a deployment without asking anyone (the configuration file at start, the demo), audited as the actor's.
     *
     * @param renewAllTokens also give new tokens to devices that already have one (the demo's reset)
     */
    public Future<Applied> apply(JsonObject deployment, boolean renewAllTokens, AuditEntry.Actor actor) {
        return store.apply(deployment, changes -> entries(changes, actor))
                .compose(applied -> catalogs.changed().map(catalog -> applied))
                .compose(applied -> devices.moved(applied.reboundTokenKeys()).map(done -> applied))
                .compose(applied -> {
                    List<String> needing = new ArrayList<>(applied.needingToken());
                    if (renewAllTokens) {
                        applied.declaredDevices().stream().filter(id -> !needing.contains(id)).forEach(needing::add);
                    }
                    Map<String, String> tokens = new LinkedHashMap<>();
                    Future<Void> chain = Future.succeededFuture();
                    for (String id : needing) {
                        chain = chain.compose(done -> devices.issueToken(id, actor).map(token -> {
                            tokens.put(id, token);
                            return null;
                        }));
                    }
                    return chain.map(done -> new Applied(tokens, applied.changes()));
                });
    }

    private List<AuditEntry> entries(List<DeploymentDiff.SiteChanges> changes, AuditEntry.Actor actor) {
        Instant at = clock.instant();
        return DeploymentDiff.changes(changes).stream().map(change -> AuditEntry.of(at, actor, "deployment.apply",
                change.kind(), change.id(), change.siteId(), change.before(), change.after())).toList();
    }
}
