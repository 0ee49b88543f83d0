package org.guichet.kiosk.config;

import io.vertx.core.json.JsonObject;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads the kiosk's YAML or JSON config file (JSON is valid YAML) with the safe constructor: plain values only. */
public final class ConfigFile {

    private ConfigFile() {
    }

    public static KioskConfig load(Path file, Map<String, String> environment) throws IOException {
        Path absolute = file.toAbsolutePath();
        return KioskConfig.fromJson(read(absolute), environment, absolute.getParent());
    }

    @SuppressWarnings("unchecked")
    public static JsonObject read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (document == null) {
                return new JsonObject();
            }
            if (!(document instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(file + ": the config must be a mapping of sections");
            }
            return new JsonObject((Map<String, Object>) map);
        }
    }
}
