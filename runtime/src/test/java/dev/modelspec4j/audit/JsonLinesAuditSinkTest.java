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

    /** Every character that could break a line, hide text or not survive UTF-8, with ordinary ones around. */
    static final String AWKWARD = "a\u2028b\u2029c\u061Cd\u200Ee\u200Ff\u202Ag\u202Bh\u202Ci\u202Dj\u202Ek"
            + "\u2066l\u2067m\u2068n\u2069o\u0000p\nq\rr\r\ns\tt\u000Bu\u000Cv\u001Fw\u007Fx\u0085y\u009Fz"
            + "\uD83D\uDE00 \uD800 lone high, \uDC00 lone low, \uDBFF\uDFFF last, \u00E9t\u00E9 \u4E2D\uFEFF\\u2028\"";

    private static AuditRecord awkwardRecord(String id, String text) {
        return new AuditRecord(id, Instant.parse("2026-11-27T10:00:00Z"), "t.spec", "1", "sha256:x", "t.A", "ask",
                text, Outcome.FAILED, 1,
                List.of(new Violation("ask" + text, Level.DEVELOPER, Action.REFUSE, Violation.Phase.OUTPUT, 1, text)),
                3, text, text, List.of(text));
    }

    @Test
    void everyAwkwardCharacterStaysOnItsLineAndRoundTrips(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditSink sink = AuditSink.jsonLines(file);
        List<String> texts = List.of(AWKWARD, "\uD800", "\uDC00", "x\uD83D", "\uDE00x", "\u2028", "plain");
        for (int i = 0; i < texts.size(); i++) {
            sink.write(awkwardRecord("c" + i, texts.get(i)));
        }

        List<String> lines = Files.readAllLines(file); // UTF-8: fails on a malformed byte
        assertThat(lines).hasSize(texts.size());
        String raw = Files.readString(file);
        assertThat(raw.chars().filter(c -> c == '\n').count()).isEqualTo(texts.size());
        assertThat(raw).doesNotContain("\r").doesNotContain("\u2028").doesNotContain("\u2029").doesNotContain("?")
                .doesNotContain("\u202E").doesNotContain("\u2066").doesNotContain("\u200F").doesNotContain("\u061C")
                .doesNotContain("\u0085").doesNotContain("\u007F").doesNotContain("\u0000")
                .contains("\uD83D\uDE00").contains("\u00E9t\u00E9"); // supplementary and others as themselves
        assertThat(lines.get(0)).contains("\\u2028").contains("\\u202E").contains("\\uD800").contains("\\uDC00")
                .contains("\\u0085");
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < texts.size(); i++) {
            JsonNode node = json.readTree(lines.get(i));
            String text = texts.get(i);
            assertThat(node.get("callId").asText()).isEqualTo("c" + i);
            assertThat(node.get("memoryId").asText()).isEqualTo(text);
            assertThat(node.get("error").asText()).isEqualTo(text);
            assertThat(node.get("userId").asText()).isEqualTo(text);
            assertThat(node.get("userOverrides").get(0).asText()).isEqualTo(text);
            assertThat(node.get("violations").get(0).get("evidence").asText()).isEqualTo(text);
            assertThat(node.get("violations").get(0).get("ruleId").asText()).isEqualTo("ask" + text);
        }
    }

    @Test
    void twoSinksOnOneFileFromManyThreadsWriteWholeLines(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        Path file = dir.resolve("logs/audit.jsonl");
        // The same file, spelt two ways.
        AuditSink[] sinks = {AuditSink.jsonLines(file), AuditSink.jsonLines(dir.resolve("logs/../logs/./audit.jsonl"))};
        int threads = 6;
        int perThread = 400;
        String padding = "x".repeat(3000) + AWKWARD;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            AuditSink sink = sinks[t % 2];
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    // Lengths vary, so that a torn or interleaved write would show.
                    sink.write(awkwardRecord(thread + "-" + i, padding.substring(0, (i * 37) % padding.length())));
                }
                return null;
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(threads * perThread);
        ObjectMapper json = new ObjectMapper();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String line : lines) {
            JsonNode node = json.readTree(line);
            String id = node.get("callId").asText();
            int i = Integer.parseInt(id.substring(id.indexOf('-') + 1));
            assertThat(node.get("error").asText()).isEqualTo(padding.substring(0, (i * 37) % padding.length()));
            ids.add(id);
        }
        assertThat(ids).hasSize(threads * perThread);
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
