package org.guichet.kiosk.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Where the kiosk's device token comes from, in order: the {@code GUICHET_DEVICE_TOKEN} environment variable, the token
 * file named in the config (kept out of the config itself so the config can be shared), then a token written in the
 * config. The file is read again on every {@link #read()}, so a token installed after start is picked up; pairing
 * writes the token it gets there ({@link #write}).
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

    /**
     * Why a token got by pairing could not be kept where the next {@link #read()} finds it; empty when it can be:
     * a token file must be configured, its directory writable, and no GUICHET_DEVICE_TOKEN set (it would win).
     */
    public Optional<String> whyNotWritable() {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of("GUICHET_DEVICE_TOKEN is set and would override a paired token; remove it first");
        }
        if (file == null) {
            return Optional.of("set server.deviceTokenFile in the kiosk's configuration to pair it");
        }
        Path directory = file.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory) || !Files.isWritable(directory)) {
            return Optional.of("the token file's directory " + directory + " cannot be written");
        }
        return Optional.empty();
    }

    /**
     * Writes a token to the token file (owner read-write, group read where the file system has permissions), whole
     * or not at all: written beside it, then moved over it.
     */
    public void write(String token) throws IOException {
        whyNotWritable().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        Path target = file.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), ".kiosk-token-", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r-----"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file keeps its directory's permissions
            }
            Files.writeString(temporary, token + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
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
