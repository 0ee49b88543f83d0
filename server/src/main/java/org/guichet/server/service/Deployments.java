package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.DeploymentRules;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Principal;
import org.guichet.server.store.DeploymentStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a deployment (from the configuration file, the demo or the admin API): upsert, reload the catalog on every
 * instance, and issue tokens for devices that have none. Returns those tokens, which are shown once.
 */
public final class Deployments {

    private final DeploymentStore store;
    private final Catalogs catalogs;
    private final Devices devices;

    public Deployments(DeploymentStore store, Catalogs catalogs, Devices devices) {
        this.store = store;
        this.catalogs = catalogs;
        this.devices = devices;
    }

    /** An administrator applies a deployment of sites they administer. */
    public Future<Map<String, String>> apply(Principal principal, JsonObject deployment) {
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
        return apply(deployment, false);
    }

    /**
     * Applies a deployment without asking anyone (the configuration file at start, the demo).
     *
     * @param renewAllTokens also give new tokens to devices that already have one (the demo's reset)
     */
    public Future<Map<String, String>> apply(JsonObject deployment, boolean renewAllTokens) {
        return store.apply(deployment)
                .compose(newDevices -> catalogs.changed().map(catalog -> newDevices))
                .compose(newDevices -> {
                    List<String> needing = new ArrayList<>(newDevices);
                    if (renewAllTokens) {
                        declaredDevices(deployment).stream().filter(id -> !needing.contains(id)).forEach(needing::add);
                    }
                    Map<String, String> tokens = new LinkedHashMap<>();
                    Future<Void> chain = Future.succeededFuture();
                    for (String id : needing) {
                        chain = chain.compose(done -> devices.issueToken(id).map(token -> {
                            tokens.put(id, token);
                            return null;
                        }));
                    }
                    return chain.map(done -> tokens);
                });
    }

    private static List<String> declaredDevices(JsonObject deployment) {
        List<String> ids = new ArrayList<>();
        DeploymentRules.list(deployment, "sites").forEach(site -> DeploymentRules.list((JsonObject) site, "devices")
                .forEach(device -> ids.add(((JsonObject) device).getString("id"))));
        return ids;
    }
}
