package dev.modelspec4j.check.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelspec4j.check.Finding;
import dev.modelspec4j.check.Span;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BuiltinChecksTest {

    private static ForbidCheck phrases(String... phrases) {
        List<Pattern> patterns = java.util.Arrays.stream(phrases).map(p -> Pattern.compile(ForbidCheck.phrase(p))).toList();
        return new ForbidCheck(patterns, List.of(phrases));
    }

    @Test
    void lengthCountsCharactersWordsAndSentences() {
        assertThat(new LengthCheck(10, 0, 0, 0).check("  0123456789  ")).isEmpty();
        assertThat(new LengthCheck(10, 0, 0, 0).check("0123456789A")).hasSize(1);
        assertThat(new LengthCheck(0, 3, 0, 0).check("one two, three!")).isEmpty();
        assertThat(new LengthCheck(0, 3, 0, 0).check("one two three four")).hasSize(1);
        assertThat(new LengthCheck(0, 0, 2, 0).check("One. Two! Three")).hasSize(1);
        assertThat(new LengthCheck(0, 0, 2, 0).check("Version 2.1 is out. Update now.")).isEmpty();
        assertThat(new LengthCheck(0, 0, 1, 0).check("Really?! Yes...")).hasSize(1);
        assertThat(new LengthCheck(0, 0, 0, 5).check("hey")).hasSize(1);
    }

    @Test
    void phrasesMatchWholeWordsWhateverTheCaseAndSpacing() {
        ForbidCheck check = phrases("as an AI language model");
        assertThat(check.check("As an  ai\nlanguage MODEL, I think")).hasSize(1);
        assertThat(check.check("as an AI language modeller")).isEmpty();
        assertThat(check.check("has an AI language model")).isEmpty();
    }

    @Test
    void invisibleAndFullWidthCharactersDoNotHideAPhrase() {
        ForbidCheck check = phrases("guaranteed refund");
        String answer = "You get a guaran\u200Bteed \uFF52efund today";
        List<Finding> findings = check.check(answer);
        assertThat(findings).hasSize(1);
        Span span = findings.get(0).spans().get(0);
        assertThat(answer.substring(span.start(), span.end())).isEqualTo("guaran\u200Bteed \uFF52efund");
    }

    @Test
    void evidenceNeverQuotesTheAnswer() {
        ForbidCheck check = new ForbidCheck(List.of(Pattern.compile("\\d{3}-\\d{4}")), List.of("pattern #1"));
        Finding finding = check.check("call 555-1234").get(0);
        assertThat(finding.evidence()).doesNotContain("555");
    }

    @Test
    void requireFindsThePatternAnywhere() {
        RequireCheck check = new RequireCheck(List.of(Pattern.compile("(?i)ticket #\\d+")));
        assertThat(check.check("Opened Ticket #12.")).isEmpty();
        assertThat(check.check("No ticket yet.")).hasSize(1);
    }
}
