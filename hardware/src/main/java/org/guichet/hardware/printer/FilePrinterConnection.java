package org.guichet.hardware.printer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A printer for workstations without one: each slip becomes {@code ticket-NNNN.bin} (the exact ESC/POS bytes) and
 * {@code ticket-NNNN.txt} (a readable UTF-8 preview) in a directory. Numbering continues after the highest number
 * already there. It is always {@link PrinterCondition#ONLINE}.
 */
final class FilePrinterConnection implements PrinterConnection {

    private static final Pattern JOB_FILE = Pattern.compile("ticket-(\\d{4,})\\.bin");

    private final Path directory;
    private final ByteArrayOutputStream pendingJob = new ByteArrayOutputStream();
    private int lastJobNumber;

    FilePrinterConnection(Path directory) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        this.lastJobNumber = highestJobNumberIn(directory);
    }

    private static int highestJobNumberIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> JOB_FILE.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(match -> Integer.parseInt(match.group(1)))
                    .max()
                    .orElse(0);
        }
    }

    @Override
    public OutputStream output() {
        return pendingJob;
    }

    @Override
    public InputStream input() {
        return InputStream.nullInputStream();
    }

    @Override
    public void finishJob() throws IOException {
        if (pendingJob.size() == 0) {
            return;
        }
        byte[] job = pendingJob.toByteArray();
        pendingJob.reset();
        lastJobNumber++;
        String baseName = "ticket-%04d".formatted(lastJobNumber);
        Path bytesFile = directory.resolve(baseName + ".bin");
        Path previewFile = directory.resolve(baseName + ".txt");
        Files.write(bytesFile, job);
        Files.writeString(previewFile, EscPosTextPreview.render(job), StandardCharsets.UTF_8);
    }

    @Override
    public PrinterStatus queryStatus() {
        return PrinterStatus.online();
    }

    @Override
    public String description() {
        return "file:" + directory;
    }

    @Override
    public void close() throws IOException {
        finishJob();
    }
}
