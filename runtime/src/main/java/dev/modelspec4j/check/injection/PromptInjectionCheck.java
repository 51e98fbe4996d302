package dev.modelspec4j.check.injection;

import dev.modelspec4j.annotation.InjectionScope;
import dev.modelspec4j.check.CheckContext;
import dev.modelspec4j.check.Finding;
import dev.modelspec4j.check.InputCheck;
import dev.modelspec4j.check.Span;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code @PromptInjection}: scans the inputs in scope for instructions hidden in them. Untrusted blocks are
 * also checked for attempts to close or fake their boundary. Thread-safe.
 */
public final class PromptInjectionCheck implements InputCheck {

    private final PromptInjectionDetector detector;
    private final Set<InjectionScope> scope;

    public PromptInjectionCheck(PromptInjectionDetector detector, Set<InjectionScope> scope) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.scope = scope.isEmpty() ? EnumSet.noneOf(InjectionScope.class) : EnumSet.copyOf(scope);
    }

    /** The standard detector over the given scopes. */
    public static PromptInjectionCheck of(InjectionScope... scope) {
        return new PromptInjectionCheck(PromptInjectionDetector.standard(), Set.of(scope));
    }

    @Override
    public List<Finding> check(String text, InputPart part) {
        return check(text, part, CheckContext.NONE);
    }

    @Override
    public List<Finding> check(String text, InputPart part, CheckContext context) {
        List<InjectionFinding> found;
        if (part == InputPart.UNTRUSTED && scope.contains(InjectionScope.UNTRUSTED)) {
            found = context.boundary() == null ? detector.scan(text) : detector.scanUntrusted(text, context.boundary());
        } else if (part == InputPart.USER && scope.contains(InjectionScope.USER)) {
            found = detector.scan(text);
        } else {
            return List.of();
        }
        if (found.isEmpty()) {
            return List.of();
        }
        Set<String> techniques = new LinkedHashSet<>();
        List<Span> spans = new ArrayList<>(found.size());
        for (InjectionFinding f : found) {
            techniques.add(f.technique().name());
            spans.add(new Span(f.start(), f.end()));
        }
        String where = part == InputPart.USER ? "the user's message" : "untrusted data";
        return List.of(new Finding("Instructions were found in " + where + " (" + String.join(", ", techniques) + ").",
                where + ": " + String.join(", ", techniques) + " (" + found.get(0).evidence() + ")", spans));
    }
}
