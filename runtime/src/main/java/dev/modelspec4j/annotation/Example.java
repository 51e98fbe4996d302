package dev.modelspec4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A worked example of the spec: a user message, an answer that follows every rule and, optionally, an answer
 * that breaks the rule named by {@link #rule()}. Examples appear in the spec document and run as conformance
 * tests.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@Repeatable(Example.List.class)
public @interface Example {

    /** What the user says. */
    String user();

    /** An answer that passes every rule of the method. */
    String good();

    /** An answer that the rule named by {@link #rule()} must catch; empty for none. */
    String bad() default "";

    /** The id of the rule that catches {@link #bad()}. */
    String rule() default "";

    /** Container of repeated {@link Example}s. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.METHOD)
    @interface List {
        Example[] value();
    }
}
