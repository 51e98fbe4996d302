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
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * {@code @PromptInjection}: scans the inputs in scope for instructions hidden in them. Untrusted blocks are
 * also checked for attempts to close or fake their boundary. When the deterministic detector finds nothing, the
 * {@link SemanticInjectionLayer}s in use (none unless one is installed or given) may still report the text, with
 * their score and threshold in the finding. Thread-safe.
 */
public final class PromptInjectionCheck implements InputCheck {

    private final PromptInjectionDetector detector;
    private final Set<InjectionScope> scope;
    private final List<SemanticInjectionLayer> semantic;

    /** The given detector alone, over the given scopes. */
    public PromptInjectionCheck(PromptInjectionDetector detector, Set<InjectionScope> scope) {
        this(detector, List.of(), scope);
    }

    /**
     * The given detector, then (when it finds nothing) the given semantic layers in order, over the given scopes.
     */
    public PromptInjectionCheck(PromptInjectionDetector detector, List<SemanticInjectionLayer> semantic,
            Set<InjectionScope> scope) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.semantic = List.copyOf(semantic);
        this.scope = scope.isEmpty() ? EnumSet.noneOf(InjectionScope.class) : EnumSet.copyOf(scope);
    }

    /**
     * The standard detector over the given scopes, with the {@linkplain SemanticInjectionLayer#installed() installed}
     * semantic layers.
     */
    public static PromptInjectionCheck of(InjectionScope... scope) {
        return new PromptInjectionCheck(PromptInjectionDetector.standard(), SemanticInjectionLayer.installed(),
                Set.of(scope));
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
        String where = part == InputPart.USER ? "the user's message" : "untrusted data";
        if (found.isEmpty()) {
            return semanticFindings(text, where);
        }
        Set<String> techniques = new LinkedHashSet<>();
        List<Span> spans = new ArrayList<>(found.size());
        for (InjectionFinding f : found) {
            techniques.add(f.technique().name());
            spans.add(new Span(f.start(), f.end()));
        }
        return List.of(new Finding("Instructions were found in " + where + " (" + String.join(", ", techniques) + ").",
                where + ": " + String.join(", ", techniques) + " (" + found.get(0).evidence() + ")", spans));
    }

    private List<Finding> semanticFindings(String text, String where) {
        for (SemanticInjectionLayer layer : semantic) {
            SemanticInjectionFinding f = layer.assess(text);
            if (f != null) {
                String score = String.format(Locale.ROOT, "semantic score %.3f >= threshold %.3f", f.score(),
                        f.threshold());
                return List.of(new Finding("Instructions were found in " + where + " (" + score + ").",
                        where + ": " + score + " (" + f.evidence() + ")", List.of(new Span(f.start(), f.end()))));
            }
        }
        return List.of();
    }
}
