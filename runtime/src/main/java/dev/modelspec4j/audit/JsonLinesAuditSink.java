package dev.modelspec4j.audit;

import dev.modelspec4j.AuditRecord;
import dev.modelspec4j.AuditSink;
import dev.modelspec4j.ModelSpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Appends each record to a file as one line of JSON. Every write opens the file in append mode, writes the
 * whole line with one call and forces it to the storage device, so a crash never leaves a record half-written
 * in the middle of the file. Thread-safe within one JVM.
 */
public final class JsonLinesAuditSink implements AuditSink {

    private final Path file;

    public JsonLinesAuditSink(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    @Override
    public synchronized void write(AuditRecord record) {
        byte[] line = (AuditJson.toJson(record) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            }
        } catch (IOException e) {
            throw new ModelSpecException("audit record could not be appended to " + file,
                    new UncheckedIOException(e));
        }
    }

    /** The file records are appended to. */
    public Path file() {
        return file;
    }
}
