package dev.modelspec4j.annotation;

/**
 * Levels of authority, highest first. A rule stated at a higher level cannot be disabled or weakened from a
 * lower one. Untrusted data (see {@link Untrusted}) has no level at all: it is never obeyed.
 */
public enum Level {
    /** Rules that nothing can override: a {@code @Policy(level = ROOT)}. */
    ROOT,
    /** Platform rules: a {@code @Policy(level = SYSTEM)}; the application developer cannot weaken them. */
    SYSTEM,
    /** Rules written on the assistant interface or its methods, or in a {@code @Policy(level = DEVELOPER)}. */
    DEVELOPER,
    /** What the end user may change at run time, only for rules marked user-overridable. */
    USER,
    /** Advisory rules: they are evaluated and recorded, never enforced. */
    GUIDELINE;

    /** Whether this level carries at least the authority of {@code other}. */
    public boolean isAtLeast(Level other) {
        return ordinal() <= other.ordinal();
    }
}
