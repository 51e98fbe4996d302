package dev.modelspec4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bounds a recursive record for structured output: the JSON schema unfolds this component at most
 * {@code value} times along one path, and leaves it out below that depth (the component is then {@code null}).
 * A record that refers to itself with no {@code @MaxDepth} on the way has no finite schema and is a compile
 * error.
 *
 * <pre>{@code
 * record Category(String name, @MaxDepth(3) List<Category> children) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface MaxDepth {

    /** How many times the component is unfolded along one path; at least 1. */
    int value();
}
