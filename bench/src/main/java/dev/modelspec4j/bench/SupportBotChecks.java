package dev.modelspec4j.bench;

import dev.modelspec4j.check.OutputCheck;
import dev.modelspec4j.check.builtin.ForbidCheck;
import dev.modelspec4j.check.builtin.LengthCheck;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The two rules of {@link SupportBot} as runtime check objects, configured as the generated class configures
 * its own: the LangChain4j guardrails and the hand-written call run exactly these, so that the three variants
 * of the per-call benchmark do the same checking work and differ only in what surrounds it.
 */
final class SupportBotChecks {

    static final int MAX_CHARS = 800;
    static final String FORBIDDEN = "(?i)guaranteed refund";

    static final OutputCheck LENGTH = new LengthCheck(MAX_CHARS, 0, 0, 0);
    static final OutputCheck FORBID = new ForbidCheck(
            List.of(Pattern.compile(FORBIDDEN)), List.of("the pattern " + FORBIDDEN));

    static final String SYSTEM_PREFIX = "You are the support assistant for ";
    static final String SYSTEM_SUFFIX = ". Answer briefly.";
    static final String USER_PREFIX = "Customer question: ";

    private SupportBotChecks() {
    }
}
