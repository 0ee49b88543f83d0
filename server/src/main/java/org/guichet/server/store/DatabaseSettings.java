package org.guichet.server.store;

import java.net.URI;

/** Where the PostgreSQL database is. */
public record DatabaseSettings(String host, int port, String database, String user, String password) {

    /**
     * Parses {@code postgresql://user:password@host:5432/db} (also with a {@code jdbc:} prefix); the user and password
     * given separately win over those in the URL.
     */
    public static DatabaseSettings parse(String url, String user, String password) {
        String raw = url.startsWith("jdbc:") ? url.substring(5) : url;
        URI uri = URI.create(raw);
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("GUICHET_DB_URL must look like postgresql://user:password@host:5432/db");
        }
        String urlUser = null;
        String urlPassword = null;
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            urlUser = parts[0];
            urlPassword = parts.length > 1 ? parts[1] : null;
        }
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "guichet" : uri.getPath().substring(1);
        return new DatabaseSettings(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database,
                user != null ? user : urlUser, password != null ? password : urlPassword);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public DatabaseSettings withDatabase(String other) {
        return new DatabaseSettings(host, port, other, user, password);
    }
}
