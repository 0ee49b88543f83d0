package org.guichet.server.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What the backup and restore commands ask a database before they act (through JDBC, like the migrations: they run
 * outside any server), and the statement that empties it before a restore.
 */
public final class BackupStore {

    /** The name the commands connect under, so that the other connections are told from theirs. */
    public static final String APPLICATION_NAME = "guichet-backup";

    static final String TICKET_TABLE_EXISTS = "SELECT to_regclass('public.ticket') IS NOT NULL";
    static final String TICKET_SUMMARY = "SELECT count(*), max(service_day) FROM public.ticket";
    static final String OTHER_SESSIONS = """
            SELECT pid, usename, coalesce(application_name, ''), coalesce(host(client_addr), 'local socket')
            FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            ORDER BY pid""";

    /**
     * Drops every table, view, sequence, function and type of the public schema that no extension owns: what the
     * migrations created, whatever their version, so that the backup's schema is restored into an empty one. Unlike
     * DROP SCHEMA public, it needs no ownership of the schema itself (the database owner's on PostgreSQL 15, postgres's
     * before). Run by psql in the restore's transaction, so a failed restore leaves the database as it was.
     */
    static final String WIPE_PUBLIC_SCHEMA = """
            DO $wipe$
            DECLARE
                statement text;
            BEGIN
                FOR statement IN
                    SELECT format('DROP %s IF EXISTS public.%I CASCADE',
                                  CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                                 WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE'
                                                 ELSE 'TABLE' END,
                                  c.relname)
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
                    ORDER BY c.relkind = 'S', c.relname
                LOOP
                    EXECUTE statement;
                END LOOP;
                FOR statement IN
                    SELECT format('DROP ROUTINE IF EXISTS %s CASCADE', p.oid::regprocedure)
                    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p')
                      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
                LOOP
                    EXECUTE statement;
                END LOOP;
                FOR statement IN
                    SELECT format('DROP TYPE IF EXISTS public.%I CASCADE', t.typname)
                    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                    WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'r', 'm')
                      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
                LOOP
                    EXECUTE statement;
                END LOOP;
            END
            $wipe$""";

    static final String CONTACT_KEY = "SELECT fingerprint FROM contact_key";
    static final String ERASE_SEALED_CALLBACKS = """
            UPDATE callback_request SET phone_cipher = NULL, phone_index = NULL, holder_agent_id = NULL,
                   holder_counter = NULL, taken_at = NULL, closed_at = coalesce(closed_at, now()),
                   status = CASE WHEN status IN ('WAITING', 'CALLING') THEN 'EXPIRED' ELSE status END
            WHERE phone_cipher IS NOT NULL""";
    static final String DROP_SEALED_REMINDERS = """
            UPDATE ticket_reminder SET status = 'DROPPED', phone_cipher = NULL, done_at = now(),
                   failure = 'the contact key was not restored'
            WHERE phone_cipher IS NOT NULL""";
    static final String FORGET_CONTACT_KEY = "DELETE FROM contact_key";

    /** What was erased because the restored numbers were sealed with another key than this server's. */
    public record ErasedContacts(int callbacks, int reminders) {
    }

    /** How many tickets a database holds, and the last day it issued any (empty before the first). */
    public record Tickets(long count, Optional<LocalDate> lastDay) {

        public static final Tickets NONE = new Tickets(0, Optional.empty());
    }

    /** Another connection to the database: a server's pool, a psql, a replica of the commands. */
    public record Session(int pid, String user, String application, String from) {
    }

    private BackupStore() {
    }

    public static Tickets tickets(DatabaseSettings settings) throws SQLException {
        try (Connection connection = connect(settings)) {
            try (PreparedStatement exists = connection.prepareStatement(TICKET_TABLE_EXISTS);
                 ResultSet row = exists.executeQuery()) {
                if (!row.next() || !row.getBoolean(1)) {
                    return Tickets.NONE;
                }
            }
            try (PreparedStatement summary = connection.prepareStatement(TICKET_SUMMARY);
                 ResultSet row = summary.executeQuery()) {
                row.next();
                return new Tickets(row.getLong(1), Optional.ofNullable(row.getObject(2, LocalDate.class)));
            }
        }
    }

    /** The client connections to the same database other than this command's own. */
    public static List<Session> otherSessions(DatabaseSettings settings) throws SQLException {
        List<Session> sessions = new ArrayList<>();
        try (Connection connection = connect(settings);
             PreparedStatement query = connection.prepareStatement(OTHER_SESSIONS);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                sessions.add(new Session(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
        return sessions;
    }

    /**
     * After a restore: when the dump's contact details were sealed with another key than {@code fingerprint} (this
     * server's, or null when it has none yet), erases them in one transaction (they could never be opened) and
     * forgets that key, so that the server starts with its own. Empty when the keys match or nothing was sealed.
     */
    public static Optional<ErasedContacts> eraseContactsSealedWithAnotherKey(DatabaseSettings settings,
                                                                             byte[] fingerprint) throws SQLException {
        try (Connection connection = connect(settings)) {
            connection.setAutoCommit(false);
            byte[] recorded = null;
            try (PreparedStatement query = connection.prepareStatement(CONTACT_KEY);
                 ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    recorded = row.getBytes(1);
                }
            }
            if (recorded == null || java.util.Arrays.equals(recorded, fingerprint)) {
                connection.rollback();
                return Optional.empty();
            }
            int callbacks;
            int reminders;
            try (PreparedStatement erase = connection.prepareStatement(ERASE_SEALED_CALLBACKS);
                 PreparedStatement drop = connection.prepareStatement(DROP_SEALED_REMINDERS);
                 PreparedStatement forget = connection.prepareStatement(FORGET_CONTACT_KEY)) {
                callbacks = erase.executeUpdate();
                reminders = drop.executeUpdate();
                forget.executeUpdate();
            }
            connection.commit();
            return Optional.of(new ErasedContacts(callbacks, reminders));
        }
    }

    /** The statement psql runs first in a restore's transaction (see {@link #WIPE_PUBLIC_SCHEMA}). */
    public static String wipeStatement() {
        return WIPE_PUBLIC_SCHEMA;
    }

    private static Connection connect(DatabaseSettings settings) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }
}
