package dev.modelspec4j;

import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.audit.JsonLinesAuditSink;
import dev.modelspec4j.audit.Slf4jAuditSink;
import java.nio.file.Path;

/**
 * Receives one {@link AuditRecord} per call. A sink that throws fails the call (fail closed): the caller
 * never gets an answer whose record was lost. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface AuditSink {

    void write(AuditRecord record);

    /** Appends each record as one line of JSON to {@code file}, flushed before the call returns. */
    static AuditSink jsonLines(Path file) {
        return new JsonLinesAuditSink(file);
    }

    /** Keeps records in memory, for tests. */
    static InMemoryAuditSink inMemory() {
        return new InMemoryAuditSink();
    }

    /** Logs each record as JSON through SLF4J, logger {@code dev.modelspec4j.audit}, at INFO. */
    static AuditSink slf4j() {
        return Slf4jAuditSink.INSTANCE;
    }
}
