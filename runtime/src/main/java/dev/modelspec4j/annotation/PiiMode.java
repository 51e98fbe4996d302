package dev.modelspec4j.annotation;

/** What happens to personal data found on the way to the model ({@code input}) or back ({@code output}). */
public enum PiiMode {
    /** Leave the data as it is; nothing is recorded. */
    ALLOW,
    /** Replace every value by a placeholder naming its type, e.g. {@code [EMAIL]}. Not reversible. */
    MASK,
    /** Remove every value from the text. Not reversible. */
    REDACT,
    /**
     * Replace every value by a numbered placeholder, e.g. {@code [EMAIL_1]}; the same value gets the same
     * placeholder within one call. The model sees only placeholders and the user gets the originals back in the
     * answer; personal data in the answer that the user never sent is masked.
     */
    PSEUDONYMIZE,
    /** Refuse the text: the call is stopped and the violation is recorded with placeholders, never values. */
    BLOCK
}
