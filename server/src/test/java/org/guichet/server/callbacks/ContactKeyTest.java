package org.guichet.server.callbacks;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.guichet.server.GuichetServer;
import org.guichet.server.ServerOptions;
import org.guichet.server.store.DatabaseSettings;
import org.guichet.server.testing.TestDatabase;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key sealing callers' numbers: made private at the first start, and one per database, so that a node given
 * another key (or none) refuses to start instead of sealing numbers its peers cannot open.
 */
class ContactKeyTest {

    @TempDir
    Path directory;
    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        TestServer.await(vertx.close());
    }

    private Future<GuichetServer> startWith(DatabaseSettings database, Path keyFile) {
        ServerOptions options = TestServer.options(database, 0).withContactKeyFile(keyFile);
        return GuichetServer.start(vertx, options);
    }

    @Test
    void a_node_with_another_key_or_none_refuses_to_start_on_a_database_sealed_with_the_first() throws Exception {
        DatabaseSettings database = TestDatabase.freshDatabase();
        Path first = directory.resolve("first/contact.key");
        GuichetServer node = TestServer.await(startWith(database, first));
        assertThat(Files.readString(first).strip()).as("a base64 key of 32 bytes").hasSize(44);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first))).isEqualTo("rw-------");
        TestServer.await(node.stop());

        Path other = directory.resolve("other/contact.key");
        Throwable refused = TestServer.await(startWith(database, other)
                .compose(started -> started.stop().map((Throwable) null))
                .recover(Future::succeededFuture));
        assertThat(refused).as("the second node must not start").isNotNull()
                .hasMessageContaining("sealed with another key").hasMessageContaining("contact.key");
        assertThat(other).as("the key made for nothing is removed").doesNotExist();

        Files.createDirectories(other.getParent());
        Files.copy(first, other);
        GuichetServer second = TestServer.await(startWith(database, other));
        TestServer.await(second.stop());
    }
}
