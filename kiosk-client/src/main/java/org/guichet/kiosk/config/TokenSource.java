package org.guichet.kiosk.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the kiosk's device token comes from, in order: the {@code GUICHET_DEVICE_TOKEN} environment variable, the token
 * file named in the config (kept out of the config itself so the config can be shared), then a token written in the
 * config. The file is read again on every {@link #read()}, so a token installed after start is picked up.
 */
public record TokenSource(String fromEnvironment, Path file, String inline) {

    public Optional<String> read() {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment.trim());
        }
        if (file != null) {
            try {
                String content = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!content.isEmpty()) {
                    return Optional.of(content);
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return inline == null || inline.isBlank() ? Optional.empty() : Optional.of(inline.trim());
    }

    public String describe() {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return "environment variable GUICHET_DEVICE_TOKEN";
        }
        if (file != null) {
            return "token file " + file;
        }
        return inline == null ? "nowhere (set server.deviceTokenFile)" : "the config file";
    }
}
