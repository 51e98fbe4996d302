package dev.modelspec4j.processor.kind;

import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.processor.diag.Diagnostics;
import dev.modelspec4j.processor.diag.Message;
import dev.modelspec4j.processor.validate.Mirrors;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/** What the descriptors read annotations with: the mirrors, the diagnostics, and the checks several kinds share. */
public final class KindReader {

    private final Mirrors mirrors;
    private final Diagnostics diagnostics;

    public KindReader(Mirrors mirrors, Diagnostics diagnostics) {
        this.mirrors = mirrors;
        this.diagnostics = diagnostics;
    }

    public Mirrors mirrors() {
        return mirrors;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** The {@code id} attribute: empty for the default id. */
    String id(AnnotationMirror m) {
        return mirrors.string(m, "id");
    }

    boolean overridable(AnnotationMirror m) {
        return mirrors.bool(m, "userOverridable");
    }

    /** The {@code action} attribute when it is written, else null. */
    Action ownAction(AnnotationMirror m) {
        return Mirrors.explicit(m, "action") == null ? null : action(m);
    }

    /** The {@code action} attribute, written or default. */
    Action action(AnnotationMirror m) {
        return Action.valueOf(mirrors.enumConstant(m, "action"));
    }

    /** The annotation {@code single} and those in its container {@code container}, in that order. */
    List<AnnotationMirror> repeated(Element element, String single, String container) {
        List<AnnotationMirror> found = new ArrayList<>();
        mirrors.find(element, single).ifPresent(found::add);
        mirrors.find(element, container).ifPresent(
                c -> mirrors.array(c, "value").forEach(v -> found.add((AnnotationMirror) v.getValue())));
        return found;
    }

    /** Adds the regexes of {@code attribute} to {@code out}; reports those that do not compile. */
    boolean regexes(Element element, AnnotationMirror m, String attribute, String kind, List<String> out) {
        boolean ok = true;
        for (AnnotationValue v : mirrors.array(m, attribute)) {
            String regex = (String) v.getValue();
            try {
                Pattern.compile(regex);
                out.add(regex);
            } catch (PatternSyntaxException e) {
                diagnostics.report(Message.INVALID_REGEX, element, m, v, kind,
                        e.getDescription() + " near index " + e.getIndex() + " of \"" + regex + "\"");
                ok = false;
            } catch (StackOverflowError e) {
                diagnostics.report(Message.INVALID_REGEX, element, m, v, kind,
                        "it is nested too deeply to compile (" + regex.length() + " characters)");
                ok = false;
            }
        }
        return ok;
    }
}
