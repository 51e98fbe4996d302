package dev.modelspec4j;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the caller knows about one call: who the end user is, for the audit trail, and which rules the end user
 * has relaxed. Pass it as a parameter of type {@code SpecContext} of the assistant method.
 *
 * <p>Only rules marked {@code userOverridable = true} may be relaxed: those are defaults, written at developer
 * level, that the spec lets the user change (the USER level of the chain of command). Asking to relax any
 * other rule ends the call with a {@link SpecOverrideException}, and the attempt is audited.
 *
 * <pre>{@code
 * String answer = assistant.answer(question, SpecContext.builder()
 *         .userId("u-42")
 *         .relax("answer.length")      // the user asked for a detailed answer
 *         .build());
 * }</pre>
 */
public final class SpecContext {

    private static final SpecContext EMPTY = new SpecContext(null, null, null, Set.of());

    private final String userId;
    private final String sessionId;
    private final Locale locale;
    private final Set<String> relaxedRules;

    private SpecContext(String userId, String sessionId, Locale locale, Set<String> relaxedRules) {
        this.userId = userId;
        this.sessionId = sessionId;
        this.locale = locale;
        this.relaxedRules = Set.copyOf(relaxedRules);
    }

    /** A context with nothing in it. */
    public static SpecContext empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The end user's id, recorded in the audit trail; null when unknown. */
    public String userId() {
        return userId;
    }

    /** The session's id, recorded in the audit trail; null when unknown. */
    public String sessionId() {
        return sessionId;
    }

    /** The end user's locale; null when unknown. */
    public Locale locale() {
        return locale;
    }

    /** The ids of the rules the end user has relaxed for this call. */
    public Set<String> relaxedRules() {
        return relaxedRules;
    }

    /** Builds a {@link SpecContext}. */
    public static final class Builder {

        private String userId;
        private String sessionId;
        private Locale locale;
        private final Set<String> relaxed = new LinkedHashSet<>();

        private Builder() {
        }

        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        public Builder sessionId(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        public Builder locale(Locale locale) {
            this.locale = locale;
            return this;
        }

        /** Relaxes (turns off, for this call) the user-overridable rules with these ids. */
        public Builder relax(String... ruleIds) {
            for (String id : ruleIds) {
                relaxed.add(Objects.requireNonNull(id, "rule id"));
            }
            return this;
        }

        public SpecContext build() {
            return new SpecContext(userId, sessionId, locale, relaxed);
        }
    }
}
