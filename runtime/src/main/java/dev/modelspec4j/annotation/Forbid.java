package dev.modelspec4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The answer must not contain any of the patterns or phrases. Matching runs on the answer after Unicode
 * normalisation (NFKC, invisible characters removed), so zero-width characters or full-width letters do not
 * hide a forbidden phrase. With REDACT the matched spans are masked.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Forbid {

    /** Java regular expressions, as written (flags inline, e.g. {@code (?i)}); checked at compile time. */
    String[] patterns() default {};

    /** Literal phrases, matched case-insensitively, whatever the white space between words, as whole words. */
    String[] phrases() default {};

    /**
     * Whether the end user may relax this rule for a call, through {@code SpecContext}: a default rather than a
     * hard rule. Not allowed on ROOT rules.
     */
    boolean userOverridable() default false;

    /**
     * On a streaming method: the longest text, in characters after normalisation, that one match of a pattern
     * can span, with the characters its look-arounds read. The stream holds back that much text. Phrases need
     * none (their look-ahead is computed); 0, the default, means unbounded for patterns, which a streaming
     * method accepts only with {@code @Streaming(buffer = true)}.
     */
    int lookAhead() default 0;

    /** The rule's id; by default {@code forbid}, prefixed with the method name on a method. */
    String id() default "";
}
