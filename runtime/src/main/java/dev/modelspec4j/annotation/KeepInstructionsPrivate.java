package dev.modelspec4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The answer must not reveal the system or developer instructions, verbatim or nearly so. Each call plants an
 * unguessable canary in the instructions and compares the answer with them word by word, also decoded (base64,
 * hex, ROT13) and normalised (case, accents, look-alike letters, leetspeak, zero-width characters as spaces):
 * {@code dev.modelspec4j.check.leak.InstructionLeakDetector}. Paraphrases and translations need a semantic judge
 * ({@code dev.modelspec4j.check.leak.LeakJudge}).
 *
 * <p>Values that must never appear in an answer, not even on their own (a code word, a passphrase, an internal
 * host name), are declared confidential: template variables by name in {@link #confidential()}, and spans of the
 * instructions in place, with {@code [[confidential: value]]} in the {@code @SystemMessage} text. The marker is
 * removed from the text the model reads (the value stays), and the value is found in answers however it is
 * written (case, spacing, leetspeak, ROT13, base64).
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

    /**
     * Names of template variables ({@code {{name}}} in the system or user message) whose values of each call are
     * confidential. A name that is no template variable of the method is a compile error.
     */
    String[] confidential() default {};

    /** The rule id in audit records and spec documents; empty means one derived from the annotation. */
    String id() default "";
}
