package dev.modelspec4j.testing.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelspec4j.testing.diff.SpecDiff.Change;
import dev.modelspec4j.testing.diff.SpecDiff.Kind;
import dev.modelspec4j.testing.spec.SpecDocument;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecDiffTest {

    private static String rule(String id, String kind, String level, String action, String parameters) {
        return "{\"id\":\"" + id + "\",\"kind\":\"" + kind + "\",\"level\":\"" + level + "\",\"action\":\"" + action
                + "\",\"parameters\":" + parameters + "}";
    }

    private static SpecDocument doc(String version, String... rules) {
        return SpecDocument.parse("{\"specId\":\"t.a\",\"specVersion\":\"" + version + "\",\"methods\":[{\"name\":"
                + "\"answer\",\"rules\":[" + String.join(",", rules) + "]}]}");
    }

    private static final String LENGTH = rule("answer.length", "Length", "DEVELOPER", "REASK",
            "{\"maxChars\":300,\"minChars\":10}");
    private static final String FORBID = rule("policy.forbid", "Forbid", "ROOT", "BLOCK",
            "{\"patterns\":[\"a\",\"b\"],\"descriptions\":[\"the phrase \\\"a\\\"\",\"the phrase \\\"b\\\"\"]}");
    private static final String REQUIRE = rule("answer.require", "Require", "DEVELOPER", "REFUSE",
            "{\"patterns\":[\"^Category\"]}");

    @Test
    void anUnchangedSpecHasNoChanges() {
        assertThat(SpecDiff.compare(doc("1", LENGTH, FORBID, REQUIRE), doc("2", LENGTH, FORBID, REQUIRE))).isEmpty();
    }

    @Test
    void findsAddedAndRemovedRules() {
        List<Change> changes = SpecDiff.compare(doc("1", LENGTH, FORBID), doc("2", FORBID, REQUIRE));
        assertThat(changes).extracting(Change::kind, Change::ruleId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.REMOVED, "answer.length"),
                org.assertj.core.groups.Tuple.tuple(Kind.ADDED, "answer.require"));
        assertThat(SpecDiff.weakens(changes)).isTrue();
        assertThat(SpecDiff.weakens(SpecDiff.compare(doc("1", LENGTH), doc("2", LENGTH, REQUIRE)))).isFalse();
    }

    @Test
    void findsEveryKindOfWeakening() {
        List<Change> changes = SpecDiff.compare(doc("1", LENGTH, FORBID, REQUIRE), doc("2",
                rule("answer.length", "Length", "DEVELOPER", "REASK", "{\"maxChars\":400}"),
                rule("policy.forbid", "Forbid", "SYSTEM", "REPORT",
                        "{\"patterns\":[\"b\"],\"descriptions\":[\"the phrase \\\"b\\\"\"]}"),
                rule("answer.require", "Require", "DEVELOPER", "REFUSE", "{\"patterns\":[\"^Kind\"]}")));
        assertThat(changes).allMatch(c -> c.kind() == Kind.WEAKENED).hasSize(3);
        assertThat(changes.get(0).detail()).isEqualTo("maxChars 300 -> 400; minChars 10 -> removed");
        assertThat(changes.get(1).detail())
                .isEqualTo("action BLOCK -> REPORT; level ROOT -> SYSTEM; forbidden the phrase \"a\" dropped");
        assertThat(changes.get(2).detail()).isEqualTo("required the pattern ^Category dropped");
    }

    @Test
    void aStricterRuleIsAChangeButNoWeakening() {
        List<Change> changes = SpecDiff.compare(doc("1", LENGTH), doc("2",
                rule("answer.length", "Length", "ROOT", "BLOCK", "{\"maxChars\":200,\"maxWords\":50,\"minChars\":20}")));
        assertThat(changes).extracting(Change::kind).containsExactly(Kind.CHANGED);
        assertThat(SpecDiff.weakens(changes)).isFalse();
    }

    @Test
    void aRemovedMaximumIsAWeakening() {
        List<Change> changes = SpecDiff.compare(doc("1", LENGTH), doc("2",
                rule("answer.length", "Length", "DEVELOPER", "REASK", "{\"maxWords\":80,\"minChars\":10}")));
        assertThat(changes).singleElement().extracting(Change::detail).isEqualTo("maxChars 300 removed");
    }

    @Test
    void theCommandExitsWithOneOnlyWhenTheSpecIsWeaker(@TempDir Path dir) throws Exception {
        Path before = dir.resolve("old.json");
        Path weaker = dir.resolve("weaker.json");
        Path stronger = dir.resolve("stronger.json");
        Files.writeString(before, doc("1", LENGTH, FORBID).json().toString());
        Files.writeString(weaker, doc("2", LENGTH).json().toString());
        Files.writeString(stronger, doc("2", LENGTH, FORBID, REQUIRE).json().toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

        assertThat(SpecDiff.run(new String[] {before.toString(), weaker.toString()}, print, print)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("REMOVED answer/policy.forbid: @Forbid, ROOT, BLOCK")
                .contains("the new spec is WEAKER");
        assertThat(SpecDiff.run(new String[] {before.toString(), stronger.toString()}, print, print)).isEqualTo(0);
        assertThat(SpecDiff.run(new String[] {before.toString()}, print, print)).isEqualTo(2);
        assertThat(SpecDiff.run(new String[] {before.toString(), dir.resolve("none.json").toString()}, print, print))
                .isEqualTo(2);
    }

    @Test
    void personalDataIsRankedByTheKindTableTheProcessorUses() {
        String before = rule("answer.pii", "Pii", "ROOT", "REDACT",
                "{\"types\":[\"EMAIL\",\"IBAN\"],\"input\":\"MASK\",\"output\":\"MASK\"}");
        String stricter = rule("answer.pii", "Pii", "ROOT", "REDACT",
                "{\"types\":[\"EMAIL\",\"IBAN\",\"PHONE\"],\"input\":\"REDACT\",\"output\":\"MASK\"}");
        String weaker = rule("answer.pii", "Pii", "ROOT", "REDACT",
                "{\"types\":[\"EMAIL\"],\"input\":\"MASK\",\"output\":\"ALLOW\"}");
        assertThat(SpecDiff.compare(doc("1", before), doc("2", stricter))).extracting(Change::kind)
                .containsExactly(Kind.CHANGED);
        assertThat(SpecDiff.compare(doc("1", before), doc("2", weaker))).singleElement()
                .satisfies(c -> assertThat(c.detail()).isEqualTo("personal data type IBAN dropped; output MASK -> ALLOW"));
    }
}
