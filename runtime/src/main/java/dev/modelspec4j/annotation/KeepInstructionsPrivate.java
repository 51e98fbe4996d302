package dev.modelspec4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The answer must not reveal the system or developer instructions, verbatim or nearly so. Each call plants an
 * unguessable canary in the instructions and compares the answer with them word by word:
 * {@code dev.modelspec4j.check.leak.InstructionLeakDetector}.
 *
 * <p>On by default at root level; {@code @KeepInstructionsPrivate(false)} turns it off for an assistant whose
 * instructions are public, unless a policy states it explicitly.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface KeepInstructionsPrivate {

    /** Whether the instructions are kept private. */
    boolean value() default true;

    /** What happens when an answer reveals the instructions. */
    Action action() default Action.REFUSE;

    /** The rule id in audit records and spec documents; empty means one derived from the annotation. */
    String id() default "";
}
