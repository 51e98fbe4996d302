package dev.modelspec4j.check.builtin;

import dev.modelspec4j.check.Finding;
import dev.modelspec4j.check.OutputCheck;
import dev.modelspec4j.check.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The answer must match every pattern somewhere, after normalisation. */
public final class RequireCheck implements OutputCheck {

    private final List<Pattern> patterns;

    public RequireCheck(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /**
     * The form generated classes use: regular expressions, compiled here once.
     *
     * @param patterns regular expressions, flags inline; the answer must match each
     */
    public RequireCheck(String... patterns) {
        this(ForbidCheck.compile(patterns));
    }

    @Override
    public List<Finding> check(String answer) {
        String text = TextNormalizer.normalize(answer).text();
        List<Finding> findings = new ArrayList<>(0);
        for (int p = 0; p < patterns.size(); p++) {
            Pattern pattern = patterns.get(p);
            if (!pattern.matcher(text).find()) {
                findings.add(Finding.of(
                        "The answer must match the pattern " + pattern.pattern() + ".",
                        "required pattern #" + (p + 1) + " not found"));
            }
        }
        return findings;
    }

    /** A required pattern may appear anywhere, up to the last character: only the whole answer can be judged. */
    @Override
    public int lookAhead() {
        return WHOLE_ANSWER;
    }
}
