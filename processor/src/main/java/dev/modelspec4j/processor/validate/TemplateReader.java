package dev.modelspec4j.processor.validate;

import dev.modelspec4j.processor.diag.Diagnostics;
import dev.modelspec4j.processor.diag.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Reads LangChain4j's {@code @SystemMessage} and {@code @UserMessage} templates: the lines of {@code value}
 * joined with {@code delimiter}, or the text of {@code fromResource}, read at compile time, so that its
 * variables are checked and the text is part of the generated class.
 */
final class TemplateReader {

    /** A template's text and where it is written, for diagnostics. */
    record Template(String text, Element element, AnnotationMirror mirror, AnnotationValue value) {
    }

    /** A token of a template: literal text, or a variable name. */
    record Token(String text, boolean variable) {
    }

    private final Mirrors mirrors;
    private final Filer filer;
    private final Diagnostics diagnostics;

    TemplateReader(Mirrors mirrors, Filer filer, Diagnostics diagnostics) {
        this.mirrors = mirrors;
        this.filer = filer;
        this.diagnostics = diagnostics;
    }

    /** The template of the annotation {@code mirror} on {@code element}, or empty after an error. */
    Optional<Template> read(Element element, AnnotationMirror mirror, String packageName) {
        String resource = mirrors.string(mirror, "fromResource");
        if (!resource.isEmpty()) {
            AnnotationValue position = Mirrors.explicit(mirror, "fromResource");
            Optional<String> text = load(resource, packageName);
            if (text.isEmpty()) {
                diagnostics.report(Message.TEMPLATE_RESOURCE_NOT_FOUND, element, mirror, position, resource,
                        packageName.isEmpty() ? "(default)" : packageName);
                return Optional.empty();
            }
            return Optional.of(new Template(text.get(), element, mirror, position));
        }
        String delimiter = mirrors.string(mirror, "delimiter");
        String text = String.join(delimiter, mirrors.strings(mirror, "value"));
        return Optional.of(new Template(text, element, mirror, Mirrors.explicit(mirror, "value")));
    }

    /** Splits a template into literal text and {@code {{variable}}} tokens; empty after an error. */
    Optional<List<Token>> tokens(Template template, String methodName) {
        List<Token> tokens = new ArrayList<>();
        String text = template.text();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("{{", at);
            if (open < 0) {
                tokens.add(new Token(text.substring(at), false));
                break;
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                diagnostics.report(Message.MALFORMED_TEMPLATE, template.element(), template.mirror(),
                        template.value(), methodName, "\"{{\" at position " + open + " is never closed by \"}}\"");
                return Optional.empty();
            }
            String name = text.substring(open + 2, close).strip();
            if (!isVariableName(name)) {
                diagnostics.report(Message.MALFORMED_TEMPLATE, template.element(), template.mirror(),
                        template.value(), methodName, "\"{{" + name + "}}\" is not a variable name");
                return Optional.empty();
            }
            if (open > at) {
                tokens.add(new Token(text.substring(at, open), false));
            }
            tokens.add(new Token(name, true));
            at = close + 2;
        }
        return Optional.of(tokens);
    }

    private static boolean isVariableName(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isJavaIdentifierPart(c) && c != '.') {
                return false;
            }
        }
        return true;
    }

    private Optional<String> load(String resource, String packageName) {
        List<String[]> candidates = new ArrayList<>();
        if (resource.startsWith("/")) {
            candidates.add(new String[] {"", resource.substring(1)});
        } else {
            candidates.add(new String[] {packageName, resource});
            candidates.add(new String[] {"", resource});
        }
        StandardLocation[] locations = {
            StandardLocation.CLASS_OUTPUT, StandardLocation.SOURCE_PATH, StandardLocation.CLASS_PATH
        };
        for (String[] candidate : candidates) {
            for (StandardLocation location : locations) {
                try {
                    FileObject file = filer.getResource(location, candidate[0], candidate[1]);
                    try (InputStream in = file.openInputStream()) {
                        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                } catch (IOException | IllegalArgumentException | IllegalStateException
                        | UnsupportedOperationException e) {
                    // not in this location: try the next
                }
            }
        }
        return Optional.empty();
    }
}
