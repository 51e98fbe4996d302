package dev.modelspec4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes an annotation type a reusable policy: the rule annotations placed on it apply to every assistant the
 * policy is applied to, at the policy's level of authority.
 *
 * <pre>{@code
 * @Policy(level = Level.ROOT)
 * @Length(maxChars = 2000)
 * @Retention(RetentionPolicy.CLASS) @Target(ElementType.TYPE)
 * public @interface AcmeBaseline {}
 * }</pre>
 *
 * Give the policy type {@code CLASS} (or {@code RUNTIME}) retention, so that a policy compiled into a jar keeps
 * its rules.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Policy {

    /** The authority of the policy's rules: {@link Level#ROOT}, {@link Level#SYSTEM} or {@link Level#DEVELOPER}. */
    Level level();
}
