package org.guichet.server.config;

import io.vertx.core.json.JsonObject;
import org.guichet.server.service.YamlCodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a YAML file (the configuration, the demo deployment) as JSON, through {@link YamlCodec}. */
public final class Yaml {

    private Yaml() {
    }

    public static JsonObject read(InputStream in) {
        try (in) {
            return YamlCodec.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
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
