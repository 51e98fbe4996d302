package dev.modelspec4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a parameter as data with no authority: a retrieved document, tool output, an e-mail, order notes. The
 * argument is sent in its own block, delimited by a boundary that is random for every call, and the
 * instructions tell the model that the block is data to use, never instructions to follow. An untrusted
 * parameter cannot appear in a prompt template.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Untrusted {

    /** What the data is, shown to the model as the block's label, e.g. {@code "order notes"}. */
    String value() default "";
}
