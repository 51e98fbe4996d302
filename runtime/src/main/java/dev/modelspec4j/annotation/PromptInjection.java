package dev.modelspec4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Scans inputs for instructions that try to take over the assistant: overriding its instructions, giving it a
 * new role, posing as a system or developer message, asking for its hidden instructions, breaking out of the
 * delimiters around untrusted data, or hiding any of these in an encoded payload.
 *
 * <p>Untrusted parameters are scanned even without this annotation; put it on an interface or method to change
 * the action or to scan the user's message as well ({@code scope = {UNTRUSTED, USER}}). Detection is
 * deterministic and offline: {@code dev.modelspec4j.check.injection.PromptInjectionDetector}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PromptInjection {

    /** What happens when an injection is found. An input rule acts before the model is called. */
    Action action() default Action.BLOCK;

    /** Which inputs are scanned. */
    InjectionScope[] scope() default {InjectionScope.UNTRUSTED};

    /** The rule id in audit records and spec documents; empty means one derived from the annotation. */
    String id() default "";
}
