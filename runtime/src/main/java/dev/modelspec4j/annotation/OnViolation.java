package dev.modelspec4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What happens when a rule that applies here is violated. On a method it covers every rule of the method,
 * inherited rules included; on the interface, every method that has no {@code @OnViolation} of its own. A
 * rule with no action in scope uses {@link Action#BLOCK}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface OnViolation {

    /** The action; see {@link Action}. */
    Action action() default Action.BLOCK;

    /**
     * With REASK: the most model calls in all, the first included; at least 1. After the last failing
     * attempt the answer is the {@link #refusal()} if one is given, otherwise a {@code SpecViolationException}.
     */
    int maxAttempts() default 2;

    /** The text returned instead of a violating answer (REFUSE, and REASK once attempts run out). */
    String refusal() default "";

    /**
     * With FALLBACK: the name of a default method of the interface, with the same parameter types and return
     * type, whose result is returned instead of a violating answer.
     */
    String fallback() default "";
}
