package org.guichet.server.config;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.auth.AuthService;
import org.guichet.server.store.CatalogStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a deployment (from the configuration file, the demo or the admin API): upsert, reload the catalog on every
 * instance, and issue tokens for devices that have none. Returns those tokens, which are shown once.
 */
public final class Deployments {

    private final DeploymentStore store;
    private final CatalogStore catalogs;
    private final AuthService auth;

    public Deployments(DeploymentStore store, CatalogStore catalogs, AuthService auth) {
        this.store = store;
        this.catalogs = catalogs;
        this.auth = auth;
    }

    /** @param renewAllTokens also give new tokens to devices that already have one (the demo's reset) */
    public Future<Map<String, String>> apply(JsonObject deployment, boolean renewAllTokens) {
        return store.apply(deployment)
                .compose(newDevices -> catalogs.announceChange().map(catalog -> newDevices))
                .compose(newDevices -> {
                    List<String> devices = new ArrayList<>(newDevices);
                    if (renewAllTokens) {
                        declaredDevices(deployment).stream().filter(id -> !devices.contains(id)).forEach(devices::add);
                    }
                    Map<String, String> tokens = new LinkedHashMap<>();
                    Future<Void> chain = Future.succeededFuture();
                    for (String id : devices) {
                        chain = chain.compose(done -> auth.issueDeviceToken(id).map(token -> {
                            tokens.put(id, token);
                            return null;
                        }));
                    }
                    return chain.map(done -> tokens);
                });
    }

    private static List<String> declaredDevices(JsonObject deployment) {
        List<String> ids = new ArrayList<>();
        deployment.getJsonArray("sites", new JsonArray()).forEach(site -> ((JsonObject) site)
                .getJsonArray("devices", new JsonArray())
                .forEach(device -> ids.add(((JsonObject) device).getString("id"))));
        return ids;
    }
}
