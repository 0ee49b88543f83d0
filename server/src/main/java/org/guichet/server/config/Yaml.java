package org.guichet.server.config;

import io.vertx.core.json.JsonObject;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a YAML document (safe constructor: plain maps, lists and scalars only) as JSON. An unquoted date such as
 * {@code 2026-12-24} stays text, as the deployment's calendar expects, rather than becoming a timestamp.
 */
public final class Yaml {

    private Yaml() {
    }

    @SuppressWarnings("unchecked")
    public static JsonObject read(InputStream in) {
        try (in) {
            LoaderOptions options = new LoaderOptions();
            Object document = new org.yaml.snakeyaml.Yaml(new SafeConstructor(options),
                    new Representer(new DumperOptions()), new DumperOptions(), options, new DatesAsText()).load(in);
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

    private static final class DatesAsText extends Resolver {

        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }
}
