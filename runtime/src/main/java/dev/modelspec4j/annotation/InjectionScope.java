package dev.modelspec4j.annotation;

/** Which inputs {@link PromptInjection} scans for hidden instructions. */
public enum InjectionScope {
    /** Parameters marked {@code @Untrusted}: documents, tool output, e-mails, web pages. They carry no authority. */
    UNTRUSTED,
    /** The end user's own message. */
    USER
}
