package dev.modelspec4j.audit;

import dev.modelspec4j.AuditRecord;
import dev.modelspec4j.AuditSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each record as one line of JSON, logger {@code dev.modelspec4j.audit}, at INFO. */
public final class Slf4jAuditSink implements AuditSink {

    /** The shared instance. */
    public static final Slf4jAuditSink INSTANCE = new Slf4jAuditSink();

    private static final Logger LOG = LoggerFactory.getLogger("dev.modelspec4j.audit");

    private Slf4jAuditSink() {
    }

    /** Whether an SLF4J provider is bound: without one, records would silently go nowhere. */
    public static boolean hasProvider() {
        return !(LoggerFactory.getILoggerFactory() instanceof org.slf4j.helpers.NOPLoggerFactory);
    }

    @Override
    public void write(AuditRecord record) {
        LOG.info("{}", AuditJson.toJson(record));
    }
}
