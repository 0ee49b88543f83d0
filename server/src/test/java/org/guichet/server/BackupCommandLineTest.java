package org.guichet.server;

import org.guichet.server.store.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The backup and restore command lines, and where the PostgreSQL client programs are looked for. */
class BackupCommandLineTest {

    @Test
    void a_backup_to_a_directory_with_pruning() {
        BackupCommand.Arguments arguments = BackupCommand.parse(List.of("backup", "--config", "/etc/guichet/g.yaml",
                "--dir", "/var/backups/guichet", "--keep-daily", "14", "--keep-monthly", "12"));
        assertThat(arguments.config()).isEqualTo(Path.of("/etc/guichet/g.yaml"));
        assertThat(arguments.dir()).isEqualTo(Path.of("/var/backups/guichet"));
        assertThat(arguments.keepDaily()).isEqualTo(14);
        assertThat(arguments.keepMonthly()).isEqualTo(12);
        assertThat(arguments.to()).isNull();
    }

    @Test
    void a_restore_needs_its_file_and_overwrites_only_with_yes() {
        assertThat(BackupCommand.parse(List.of("restore", "--from", "a.dump")).yes()).isFalse();
        assertThat(BackupCommand.parse(List.of("restore", "--yes", "--from", "a.dump")).yes()).isTrue();
        assertThatThrownBy(() -> BackupCommand.parse(List.of("restore", "--yes")))
                .hasMessageContaining("--from FILE");
    }

    @Test
    void wrong_command_lines_are_said_so() {
        assertThatThrownBy(() -> BackupCommand.parse(List.of("backup", "--yes")))
                .hasMessageContaining("--yes");
        assertThatThrownBy(() -> BackupCommand.parse(List.of("backup", "--to", "a.dump", "--dir", "d")))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> BackupCommand.parse(List.of("backup", "--keep-daily", "7")))
                .hasMessageContaining("--dir");
        assertThatThrownBy(() -> BackupCommand.parse(List.of("backup", "--dir", "d", "--keep-daily", "0")))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> BackupCommand.parse(List.of("restore", "--from", "a.dump", "--to", "b")))
                .hasMessageContaining("Unknown option for restore: --to");
        assertThat(new BackupCommand(System.out, java.time.Clock.systemUTC()).execute(List.of("backup", "--bogus",
                "1"))).isEqualTo(BackupCommand.USAGE);
    }

    @Test
    void the_newest_debian_client_comes_first_then_path() throws IOException {
        Path root = Files.createTempDirectory("postgresql-");
        Path path = Files.createTempDirectory("path-");
        tools(root.resolve("9.6/bin"));
        tools(root.resolve("15/bin"));
        tools(root.resolve("17/bin"));
        Files.createDirectories(root.resolve("18/bin"));
        executable(root.resolve("18/bin/pg_dump"));   // an incomplete install: no pg_restore nor psql
        tools(path);

        assertThat(PostgresTools.candidates(root, List.of(path)))
                .containsExactly(root.resolve("18/bin"), root.resolve("17/bin"), root.resolve("15/bin"), path);
        assertThat(PostgresTools.find(root, List.of(path))).get().extracting(PostgresTools::bin)
                .isEqualTo(root.resolve("17/bin"));
        assertThat(PostgresTools.find(root.resolve("absent"), List.of(path))).get()
                .extracting(PostgresTools::bin).isEqualTo(path);
        assertThat(PostgresTools.find(root.resolve("absent"), List.of())).isEmpty();
    }

    @Test
    void the_password_goes_in_the_child_environment_never_on_its_command_line(@TempDir Path bin) throws Exception {
        // A pg_dump that writes down what it was given.
        Path seen = bin.resolve("seen");
        Files.writeString(bin.resolve("pg_dump"), "#!/bin/sh\necho \"args: $*\" > " + seen
                + "\necho \"PGPASSWORD=$PGPASSWORD\" >> " + seen + "\n");
        Files.setPosixFilePermissions(bin.resolve("pg_dump"), PosixFilePermissions.fromString("rwx------"));

        new PostgresTools(bin).dump(new DatabaseSettings("db.example", 5433, "guichet", "guichet", "s3cret"),
                bin.resolve("out.dump"));

        List<String> lines = Files.readAllLines(seen);
        assertThat(lines.get(0)).contains("--host=db.example", "--port=5433", "--username=guichet",
                "--dbname=guichet", "--format=custom").doesNotContain("s3cret");
        assertThat(lines.get(1)).isEqualTo("PGPASSWORD=s3cret");
    }

    private static void tools(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (String program : PostgresTools.PROGRAMS) {
            executable(directory.resolve(program));
        }
    }

    private static void executable(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
