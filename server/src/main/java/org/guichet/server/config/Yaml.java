package org.guichet.server.config;

import io.vertx.core.json.JsonObject;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Reads a YAML document (safe constructor: plain maps, lists and scalars only) as JSON. */
public final class Yaml {

    private Yaml() {
    }

    @SuppressWarnings("unchecked")
    public static JsonObject read(InputStream in) {
        try (in) {
            Object document = new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (document == null) {
                return new JsonObject();
            }
            if (!(document instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("The YAML document must be a mapping.");
            }
            return new JsonObject((Map<String, Object>) map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonObject resource(String name) {
        InputStream in = Yaml.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + name);
        }
        return read(in);
    }
}
