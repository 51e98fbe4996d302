package dev.modelspec4j.check.injection;

import java.util.Objects;

/**
 * One suspected injection.
 *
 * @param technique what kind of injection
 * @param start     start of the evidence in the original text (UTF-16 index, inclusive)
 * @param end       end of the evidence in the original text (exclusive)
 * @param evidence  a description of the rule that matched; never the scanned text itself, so that findings can go
 *                  into audit records as they are
 */
public record InjectionFinding(InjectionTechnique technique, int start, int end, String evidence) {

    public InjectionFinding {
        Objects.requireNonNull(technique, "technique");
        Objects.requireNonNull(evidence, "evidence");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
