package dev.modelspec4j.enforce;

/** Helpers for rendering prompt templates in generated code. */
public final class Templates {

    private Templates() {
    }

    /**
     * The text of a template variable's value. A {@code null} value is an error, as in LangChain4j: a prompt
     * with a silent "null" in it is never what was meant.
     */
    public static String value(String variable, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("The value of the template variable '" + variable + "' is null");
        }
        return String.valueOf(value);
    }
}
