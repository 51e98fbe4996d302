package dev.modelspec4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits the length of the answer. At least one bound must be set; every bound that is set must be positive,
 * and a minimum may not exceed its maximum. The action comes from {@link OnViolation}; REDACT does not apply.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Length {

    /** Most characters (UTF-16 code units after trimming white space at both ends); 0 means no limit. */
    int maxChars() default 0;

    /** Most words (runs of letters or digits); 0 means no limit. */
    int maxWords() default 0;

    /** Most sentences: a sentence ends with . ! or ? followed by white space or the end of the answer; 0 means no limit. */
    int maxSentences() default 0;

    /** Fewest characters; 0 means no minimum. */
    int minChars() default 0;

    /**
     * Whether the end user may relax this rule for a call, through {@code SpecContext}: a default rather than a
     * hard rule. Not allowed on ROOT rules.
     */
    boolean userOverridable() default false;

    /** The rule's id; by default {@code length}, prefixed with the method name on a method. */
    String id() default "";
}
