package org.guichet.server.http;

import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void every_api_route_is_documented_and_nothing_else() {
        JsonObject paths = TestServer.ok(server.get("/api/v1/openapi.json", null)).getJsonObject("paths");
        Set<String> documented = new HashSet<>();
        paths.forEach(path -> {
            JsonObject item = (JsonObject) path.getValue();
            if (item.containsKey("servers")) {
                return; // served outside /api/v1 (GET /metrics), so not one of the API's routes
            }
            item.fieldNames().forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " "
                    + path.getKey().replaceAll("\\{(\\w+)}", ":$1")));
        });
        Set<String> routed = new HashSet<>(server.server().apiEndpoints());
        Set<String> undocumented = new HashSet<>(routed);
        undocumented.removeAll(documented);
        Set<String> unrouted = new HashSet<>(documented);
        unrouted.removeAll(routed);
        assertThat(undocumented).as("routes missing from openapi.json").isEmpty();
        assertThat(unrouted).as("documented but not routed").isEmpty();

        JsonObject health = server.get("/health", null).bodyAsJsonObject();
        assertThat(health.getString("database")).isEqualTo("UP");
    }
}
