package dev.modelspec4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The answer must match every one of the patterns (each somewhere in the answer, after Unicode normalisation).
 * REDACT does not apply.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Require {

    /** Java regular expressions, as written; checked at compile time. At least one. */
    String[] patterns();

    /**
     * Whether the end user may relax this rule for a call, through {@code SpecContext}: a default rather than a
     * hard rule. Not allowed on ROOT rules.
     */
    boolean userOverridable() default false;

    /** The rule's id; by default {@code require}, prefixed with the method name on a method. */
    String id() default "";
}
