package dev.modelspec4j.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelspec4j.annotation.PiiMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every kind of rule a spec document holds: the name it has in the document's {@code kind} field and what makes a
 * later version of a rule of the kind weaker than an earlier one, judged on the rule's {@code parameters}. The
 * processor's descriptor of each kind points to its entry here, so that the compiler and the spec diff agree on
 * both. A kind that ranks no parameter change says so: such a change is left to a human reviewer.
 */
public enum SpecKind {

    /** {@code @Length}: a maximum raised or removed, or a minimum lowered or removed, weakens it. */
    LENGTH("Length") {
        @Override
        void weakenings(JsonNode before, JsonNode after, List<String> found) {
            for (String bound : List.of("maxChars", "maxWords", "maxSentences")) {
                if (before.has(bound) && !after.has(bound)) {
                    found.add(bound + " " + before.get(bound).asInt() + " removed");
                } else if (before.has(bound) && after.get(bound).asInt() > before.get(bound).asInt()) {
                    found.add(bound + " " + before.get(bound).asInt() + " -> " + after.get(bound).asInt());
                }
            }
            if (before.has("minChars") && (!after.has("minChars")
                    || after.get("minChars").asInt() < before.get("minChars").asInt())) {
                found.add("minChars " + before.get("minChars").asInt() + " -> "
                        + (after.has("minChars") ? after.get("minChars").asInt() : "removed"));
            }
        }
    },
    /** {@code @Forbid}: a forbidden pattern or phrase dropped weakens it. */
    FORBID("Forbid") {
        @Override
        void weakenings(JsonNode before, JsonNode after, List<String> found) {
            dropped(before, after, "forbidden", found);
        }
    },
    /** {@code @Require}: a required pattern dropped weakens it. */
    REQUIRE("Require") {
        @Override
        void weakenings(JsonNode before, JsonNode after, List<String> found) {
            dropped(before, after, "required", found);
        }
    },
    /** {@code @Pii}: a personal data type dropped, or an input or output mode less protective, weakens it. */
    PII("Pii") {
        @Override
        void weakenings(JsonNode before, JsonNode after, List<String> found) {
            Set<String> kept = texts(after.path("types"));
            for (String type : texts(before.path("types"))) {
                if (!kept.contains(type)) {
                    found.add("personal data type " + type + " dropped");
                }
            }
            for (String direction : List.of("input", "output")) {
                Optional<PiiMode> was = mode(before.path(direction));
                Optional<PiiMode> now = mode(after.path(direction));
                if (was.isPresent() && now.isPresent() && piiStrength(now.get()) < piiStrength(was.get())) {
                    found.add(direction + " " + was.get() + " -> " + now.get());
                }
            }
        }
    },
    /** {@code @Secrets}: it has no parameter to weaken. */
    SECRETS("Secrets"),
    /** {@code @PromptInjection}: an input scope no longer scanned weakens it. */
    PROMPT_INJECTION("PromptInjection") {
        @Override
        void weakenings(JsonNode before, JsonNode after, List<String> found) {
            Set<String> kept = texts(after.path("scope"));
            for (String scope : texts(before.path("scope"))) {
                if (!kept.contains(scope)) {
                    found.add("scope " + scope + " no longer scanned");
                }
            }
        }
    },
    /** {@code @KeepInstructionsPrivate}: a document holds it only while it is on. */
    KEEP_INSTRUCTIONS_PRIVATE("KeepInstructionsPrivate"),
    /** {@code @Check}: the check class is the user's; another class cannot be ranked. */
    CHECK("Check"),
    /** LangChain4j's {@code @Moderate}. */
    MODERATE("Moderate"),
    /** A guardrail of LangChain4j's {@code @InputGuardrails}. */
    INPUT_GUARDRAILS("InputGuardrails"),
    /** A guardrail of LangChain4j's {@code @OutputGuardrails}. */
    OUTPUT_GUARDRAILS("OutputGuardrails");

    private final String documentName;

    SpecKind(String documentName) {
        this.documentName = documentName;
    }

    /** The kind's name in a spec document, its ids and its messages: the annotation's simple name. */
    public String documentName() {
        return documentName;
    }

    /** The kind named {@code documentName} in a spec document; empty for a kind this version does not know. */
    public static Optional<SpecKind> named(String documentName) {
        for (SpecKind kind : values()) {
            if (kind.documentName.equals(documentName)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * How the parameters {@code after} of a later version of a rule are weaker than {@code before}, in words;
     * empty when they are at least as strict.
     */
    public List<String> weakenings(JsonNode beforeParameters, JsonNode afterParameters) {
        List<String> found = new ArrayList<>();
        weakenings(beforeParameters, afterParameters, found);
        return found;
    }

    /** The kinds that rank no change: any change of parameters is for a human to judge. */
    void weakenings(JsonNode before, JsonNode after, List<String> found) {
        unranked(before, after, found);
    }

    /** What a spec diff reports for parameters of a kind that it cannot rank, also of a kind it does not know. */
    public static List<String> unrankedWeakenings(JsonNode before, JsonNode after) {
        List<String> found = new ArrayList<>();
        unranked(before, after, found);
        return found;
    }

    private static void unranked(JsonNode before, JsonNode after, List<String> found) {
        if (!before.equals(after)) {
            found.add("parameters changed in a way this tool cannot rank: review by hand");
        }
    }

    /** How protective a personal data mode is: ALLOW &lt; PSEUDONYMIZE &lt; MASK &lt; REDACT &lt; BLOCK. */
    public static int piiStrength(PiiMode mode) {
        return switch (mode) {
            case ALLOW -> 0;
            case PSEUDONYMIZE -> 1;
            case MASK -> 2;
            case REDACT -> 3;
            case BLOCK -> 4;
        };
    }

    private static Optional<PiiMode> mode(JsonNode node) {
        if (!node.isTextual()) {
            return Optional.empty();
        }
        for (PiiMode mode : PiiMode.values()) {
            if (mode.name().equals(node.asText())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new LinkedHashSet<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    private static void dropped(JsonNode before, JsonNode after, String what, List<String> found) {
        Set<String> kept = texts(after.path("patterns"));
        List<JsonNode> descriptions = new ArrayList<>();
        before.path("descriptions").forEach(descriptions::add);
        JsonNode patterns = before.path("patterns");
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i).asText();
            if (!kept.contains(pattern)) {
                String shown = i < descriptions.size() ? descriptions.get(i).asText() : "the pattern " + pattern;
                found.add(what + " " + shown + " dropped");
            }
        }
    }
}
