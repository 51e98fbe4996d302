package dev.modelspec4j.processor.model;

import java.util.Map;

/**
 * Which section of the Model Spec (the 2025-12-18 release) each kind of rule serves, by the section's title and
 * anchor. The spec documents link every rule to its section, so that a reader can see which public principle a
 * rule puts into practice. The table is listed in {@code docs/transparency.md}.
 */
public final class SpecSections {

    /** A section of the Model Spec: its title and its anchor in the published document. */
    public record Section(String title, String anchor) {
    }

    private static final Section CHAIN_OF_COMMAND = new Section("The chain of command", "chain_of_command");

    private static final Map<String, Section> BY_KIND = Map.ofEntries(
            // An answer-length bound: be thorough but efficient, within the limits the developer sets.
            Map.entry("Length", new Section("Be thorough but efficient, while respecting length limits",
                    "be_thorough_but_efficient")),
            // Phrases and patterns the developer rules out: the bounds of what may be said.
            Map.entry("Forbid", new Section("Stay in bounds", "stay_in_bounds")),
            // A required shape of the answer, usually for a program that reads it.
            Map.entry("Require", new Section("Support the different needs of interactive chat and programmatic use",
                    "support_programmatic_use")),
            Map.entry("PromptInjection", new Section("Ignore untrusted data by default", "ignore_untrusted_data")),
            Map.entry("Untrusted", new Section("Ignore untrusted data by default", "ignore_untrusted_data")),
            Map.entry("KeepInstructionsPrivate", new Section("Do not reveal privileged information",
                    "protect_privileged_information")),
            Map.entry("Secrets", new Section("Do not reveal privileged information", "protect_privileged_information")),
            Map.entry("Pii", new Section("Protect people's privacy", "protect_privacy")),
            Map.entry("Topics", new Section("Act within an agreed-upon scope of autonomy", "scope_of_autonomy")),
            Map.entry("RegulatedAdvice", new Section("Provide information without giving regulated advice",
                    "avoid_regulated_advice")),
            Map.entry("SelfHarmSafety", new Section("Do not encourage self-harm, delusions, or mania",
                    "do_not_encourage_self_harm")),
            Map.entry("Judge", new Section("Respect the letter and spirit of instructions", "letter_and_spirit")));

    private SpecSections() {
    }

    /** The section a rule of {@code kind} serves; the chain of command for kinds with no closer section. */
    public static Section of(String kind) {
        return BY_KIND.getOrDefault(kind, CHAIN_OF_COMMAND);
    }
}
