package dev.modelspec4j.annotation;

import dev.modelspec4j.check.OutputCheck;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule checked by your own code: the answer is passed to a new instance of {@code value}, created once by the
 * generated class with its public no-argument constructor (no reflection). The class must be immutable and
 * thread-safe, as the instance serves every call. The action comes from {@link OnViolation}; REDACT needs a check
 * whose {@link OutputCheck#supportsRedaction()} is true.
 *
 * <pre>{@code
 * public final class NoCompetitorNames implements OutputCheck {
 *     public List<Finding> check(String answer) {
 *         return answer.contains("Globex") ? List.of(Finding.of("Do not name competitors.", "competitor named"))
 *                 : List.of();
 *     }
 * }
 *
 * @Check(NoCompetitorNames.class)
 * String answer(String question);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(Check.List.class)
public @interface Check {

    /** The check: a public, non-abstract class with a public no-argument constructor. */
    Class<? extends OutputCheck> value();

    /** The rule's id; by default {@code check} followed by the class's simple name, e.g. {@code checkNoCompetitorNames}. */
    String id() default "";

    /** Container of repeated {@link Check}s. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface List {
        Check[] value();
    }
}
