package dev.modelspec4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Secret rule: API keys, access tokens, private keys, passwords in URLs or assignments and other high-entropy
 * credentials must not reach the model nor come back from it. When one is found, {@link #action()} is taken;
 * with {@link Action#REDACT} the secret is masked and the call goes on. On an interface it applies to every
 * method; on a method it replaces the interface's rule for that method. Audit records name the kind of secret,
 * never its value.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Secrets {

    /** What happens when a secret is found; by default the call is stopped. */
    Action action() default Action.BLOCK;

    /** The rule's id in audit records and spec documents; empty means a generated id. */
    String id() default "";
}
