package dev.modelspec4j.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelspec4j.AuditRecord;
import dev.modelspec4j.AuditSink;
import dev.modelspec4j.Outcome;
import dev.modelspec4j.Violation;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesAuditSinkTest {

    private static AuditRecord record(String id) {
        return new AuditRecord(id, Instant.parse("2026-11-27T10:00:00Z"), "t.spec", "1", "sha256:x", "t.A", "ask",
                null, Outcome.REFUSED, 1,
                List.of(new Violation("ask.length", Level.DEVELOPER, Action.REFUSE, Violation.Phase.OUTPUT, 1,
                        "900 chars > max 800")),
                3, null);
    }

    @Test
    void appendsOneParsableLinePerRecordFromManyThreads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("logs/audit.jsonl");
        AuditSink sink = AuditSink.jsonLines(file);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 100; i++) {
            String id = "call-" + i;
            pool.submit(() -> sink.write(record(id)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(100);
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode node = json.readTree(line);
            assertThat(node.get("specId").asText()).isEqualTo("t.spec");
            assertThat(node.get("timestamp").asText()).isEqualTo("2026-11-27T10:00:00Z");
            assertThat(node.get("violations").get(0).get("ruleId").asText()).isEqualTo("ask.length");
        }
    }

    @Test
    void appendsToExistingRecords(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Files.writeString(file, "{\"earlier\":true}\n");
        AuditSink.jsonLines(file).write(record("c1"));

        assertThat(Files.readAllLines(file)).hasSize(2).first().isEqualTo("{\"earlier\":true}");
    }

    @Test
    void startsOnANewLineAfterATornLastLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditSink sink = AuditSink.jsonLines(file);
        sink.write(record("c1"));
        // A writer that crashed mid-record left half a line and no line break.
        String complete = Files.readString(file);
        Files.writeString(file, complete + complete.substring(0, complete.length() / 2));
        sink.write(record("c2"));
        sink.write(record("c3"));

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        ObjectMapper json = new ObjectMapper();
        List<String> parsed = new java.util.ArrayList<>();
        int unparsable = 0;
        for (String line : lines) {
            try {
                parsed.add(json.readTree(line).get("callId").asText());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                unparsable++;
            }
        }
        assertThat(parsed).containsExactly("c1", "c2", "c3");
        assertThat(unparsable).isEqualTo(1);
        assertThat(Files.readString(file)).endsWith("}\n");
    }

    @Test
    void addsNoBlankLineWhenTheFileEndsWithALineBreak(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditSink sink = AuditSink.jsonLines(file);
        sink.write(record("c1"));
        sink.write(record("c2"));

        assertThat(Files.readString(file)).doesNotContain("\n\n");
        assertThat(Files.readAllLines(file)).hasSize(2);
    }
}
