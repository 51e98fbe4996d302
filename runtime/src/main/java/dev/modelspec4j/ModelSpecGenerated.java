package dev.modelspec4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a class that the modelspec4j processor generated. Do not edit such a class. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ModelSpecGenerated {

    /** The spec id the class enforces. */
    String specId();

    /** The spec version the class enforces. */
    String specVersion();
}
