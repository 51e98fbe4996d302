package dev.modelspec4j.audit;

import dev.modelspec4j.AuditRecord;
import dev.modelspec4j.AuditSink;
import java.util.ArrayList;
import java.util.List;

/** Keeps every record in memory, in order; for tests. Thread-safe. */
public final class InMemoryAuditSink implements AuditSink {

    private final List<AuditRecord> records = new ArrayList<>();

    @Override
    public synchronized void write(AuditRecord record) {
        records.add(record);
    }

    /** A copy of the records written so far. */
    public synchronized List<AuditRecord> records() {
        return List.copyOf(records);
    }

    /** The last record written. */
    public synchronized AuditRecord last() {
        if (records.isEmpty()) {
            throw new IllegalStateException("no audit record was written");
        }
        return records.get(records.size() - 1);
    }

    /** Forgets every record. */
    public synchronized void clear() {
        records.clear();
    }
}
