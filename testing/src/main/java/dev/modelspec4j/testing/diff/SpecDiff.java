package dev.modelspec4j.testing.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.internal.spec.SpecKind;
import dev.modelspec4j.testing.spec.SpecDocument;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two spec documents and lists the rules added, removed, weakened and otherwise changed. A rule is
 * weakened when its action is less severe ({@link Action#severity()}), its level lower, or its parameters weaker
 * as its kind judges them ({@link SpecKind#weakenings}, the table the processor's rule kinds point to: e.g. a
 * length maximum raised, a forbidden pattern or a personal data type dropped). A parameter change of a kind that
 * ranks none is reported as a weakening to review by hand. Rules are matched by method and id; a rule whose kind
 * changed counts as removed and added.
 *
 * <p>As a command: {@code SpecDiff old.json new.json} prints the changes and exits with 1 when a rule was
 * weakened or removed, 2 on a usage error, and 0 otherwise — fit for a release check in CI.
 */
public final class SpecDiff {

    /** What happened to a rule. */
    public enum Kind {
        ADDED, REMOVED, WEAKENED, CHANGED
    }

    /** One change of one rule of one method. */
    public record Change(Kind kind, String method, String ruleId, String detail) {
        @Override
        public String toString() {
            return kind + " " + method + "/" + ruleId + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    private SpecDiff() {
    }

    /** The changes from {@code before} to {@code after}: removed first, then weakened, changed, added. */
    public static List<Change> compare(SpecDocument before, SpecDocument after) {
        Map<String, JsonNode> old = rules(before);
        Map<String, JsonNode> current = rules(after);
        List<Change> removed = new ArrayList<>();
        List<Change> weakened = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        List<Change> added = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : old.entrySet()) {
            JsonNode was = e.getValue();
            JsonNode now = current.get(e.getKey());
            String method = e.getKey().substring(0, e.getKey().indexOf('/'));
            String id = was.path("id").asText();
            if (now == null || !now.path("kind").asText().equals(was.path("kind").asText())) {
                removed.add(new Change(Kind.REMOVED, method, id, "@" + was.path("kind").asText() + ", "
                        + was.path("level").asText() + ", " + was.path("action").asText()));
                continue;
            }
            List<String> weaker = weakenings(was, now);
            if (!weaker.isEmpty()) {
                weakened.add(new Change(Kind.WEAKENED, method, id, String.join("; ", weaker)));
            } else if (!was.path("parameters").equals(now.path("parameters"))
                    || !was.path("action").equals(now.path("action")) || !was.path("level").equals(now.path("level"))) {
                changed.add(new Change(Kind.CHANGED, method, id, "stricter or equivalent"));
            }
        }
        for (Map.Entry<String, JsonNode> e : current.entrySet()) {
            JsonNode now = e.getValue();
            JsonNode was = old.get(e.getKey());
            if (was == null || !now.path("kind").asText().equals(was.path("kind").asText())) {
                added.add(new Change(Kind.ADDED, e.getKey().substring(0, e.getKey().indexOf('/')),
                        now.path("id").asText(), "@" + now.path("kind").asText() + ", " + now.path("level").asText()
                                + ", " + now.path("action").asText()));
            }
        }
        List<Change> all = new ArrayList<>(removed);
        all.addAll(weakened);
        all.addAll(changed);
        all.addAll(added);
        return all;
    }

    /** Whether the changes make the spec weaker: a rule removed or weakened. */
    public static boolean weakens(List<Change> changes) {
        return changes.stream().anyMatch(c -> c.kind() == Kind.REMOVED || c.kind() == Kind.WEAKENED);
    }

    private static List<String> weakenings(JsonNode was, JsonNode now) {
        List<String> found = new ArrayList<>();
        Action oldAction = Action.valueOf(was.path("action").asText());
        Action newAction = Action.valueOf(now.path("action").asText());
        if (newAction.severity() < oldAction.severity()) {
            found.add("action " + oldAction + " -> " + newAction);
        }
        Level oldLevel = Level.valueOf(was.path("level").asText());
        Level newLevel = Level.valueOf(now.path("level").asText());
        if (!newLevel.isAtLeast(oldLevel)) {
            found.add("level " + oldLevel + " -> " + newLevel);
        }
        JsonNode before = was.path("parameters");
        JsonNode after = now.path("parameters");
        String kind = was.path("kind").asText();
        found.addAll(SpecKind.named(kind).map(k -> k.weakenings(before, after))
                .orElseGet(() -> SpecKind.unrankedWeakenings(before, after)));
        return found;
    }

    /** Every rule of every method, by {@code method/id}, in document order. */
    private static Map<String, JsonNode> rules(SpecDocument document) {
        Map<String, JsonNode> rules = new LinkedHashMap<>();
        for (JsonNode method : document.methods()) {
            for (JsonNode rule : method.path("rules")) {
                rules.put(method.path("name").asText() + "/" + rule.path("id").asText(), rule);
            }
        }
        return rules;
    }

    /** Runs the command; returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: SpecDiff <old spec document .json> <new spec document .json>");
            return 2;
        }
        for (String arg : args) {
            if (!Files.isRegularFile(Path.of(arg))) {
                err.println("SpecDiff: no such file: " + arg);
                return 2;
            }
        }
        SpecDocument before = SpecDocument.read(Path.of(args[0]));
        SpecDocument after = SpecDocument.read(Path.of(args[1]));
        List<Change> changes = compare(before, after);
        out.println("spec " + before.specId() + " " + before.specVersion() + " -> " + after.specId() + " "
                + after.specVersion());
        if (changes.isEmpty()) {
            out.println("no rule changed");
        }
        changes.forEach(out::println);
        boolean weaker = weakens(changes);
        out.println(weaker ? "the new spec is WEAKER: a rule was removed or weakened" : "no rule was removed or weakened");
        return weaker ? 1 : 0;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
