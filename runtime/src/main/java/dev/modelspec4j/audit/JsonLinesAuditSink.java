package dev.modelspec4j.audit;

import dev.modelspec4j.AuditRecord;
import dev.modelspec4j.AuditSink;
import dev.modelspec4j.ModelSpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Appends each record to a file as one line of JSON. Every write opens the file in append mode, writes the
 * whole line with one call and forces it to the storage device, so a crash never leaves a record half-written
 * in the middle of the file. If an earlier writer crashed mid-line (the file does not end with a line break),
 * the next record starts on a new line: the torn line stays a single unparsable line and every complete record
 * before and after it stays intact.
 *
 * <p>Thread-safe within one JVM, across instances too: every sink writing to one file (the same file however
 * its path is spelt, links resolved) takes one lock for it, so the records of many threads and many sinks come
 * out as whole lines, one after another. Each line is one record, whatever characters it holds (see
 * {@link AuditJson}).
 */
public final class JsonLinesAuditSink implements AuditSink {

    /** One lock per file, shared by every sink of this JVM that writes to it; keyed by its real path. */
    private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    /** The lock of {@link #file}; null until the first write, when the file's real path is known. */
    private volatile Object lock;

    public JsonLinesAuditSink(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    @Override
    public void write(AuditRecord record) {
        byte[] line = (AuditJson.toJson(record) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] newline = {'\n'};
        try {
            synchronized (lock()) {
                boolean torn = endsTorn(file);
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                    ByteBuffer buffer = torn ? ByteBuffer.wrap(concat(newline, line)) : ByteBuffer.wrap(line);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(false);
                }
            }
        } catch (IOException e) {
            throw new ModelSpecException("audit record could not be appended to " + file,
                    new UncheckedIOException(e));
        }
    }

    /** The lock of the file: found, on the first write, by the file's real path (it is created if missing). */
    private Object lock() throws IOException {
        Object known = lock;
        if (known != null) {
            return known;
        }
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            // written before, or by another sink
        }
        known = LOCKS.computeIfAbsent(file.toRealPath(), p -> new Object());
        lock = known;
        return known;
    }

    /** Whether the file is not empty and its last byte is not a line break: a writer stopped mid-record. */
    private static boolean endsTorn(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            return channel.read(last, size - 1) == 1 && last.get(0) != '\n';
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** The file records are appended to. */
    public Path file() {
        return file;
    }
}
