package dev.modelspec4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface as a modelspec4j assistant. The annotation processor validates its rules and generates
 * {@code Guarded<Name>}, an implementation that enforces them around every call to a LangChain4j
 * {@code ChatModel}.
 *
 * <pre>{@code
 * @ModelSpec(id = "acme.support", version = "2.1")
 * @SystemMessage("You are Acme's support assistant.")
 * public interface SupportAssistant {
 *     @Length(maxChars = 800)
 *     String answer(@UserMessage String question);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ModelSpec {

    /** The spec's identifier, dotted lower case, e.g. {@code acme.support}. It names the spec documents. */
    String id();

    /** The spec's version, e.g. {@code 2.1}; every audit record carries it. */
    String version() default "1.0";

    /** One or two sentences on what the assistant is for; shown in the spec document. */
    String description() default "";
}
