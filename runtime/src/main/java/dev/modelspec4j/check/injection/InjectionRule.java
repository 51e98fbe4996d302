package dev.modelspec4j.check.injection;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One heuristic: a phrase family, compiled once, and the literal words (triggers) at least one of which occurs
 * in every text it matches. The detector only runs the pattern near a trigger.
 *
 * @param language    the language of the phrases, or null for language-neutral markers
 * @param technique   what a match means
 * @param description what the rule recognises; used as the finding's evidence
 * @param pattern     the phrase family, over {@link ScanText#text()}
 * @param triggers    lower-case literals, each matched at the start of a word when it starts with a letter, and as
 *                    a whole word when it ends with one, unless it is marked as a prefix ({@code "ignor*"}). Every
 *                    match starts with a trigger, so the pattern is tried once at each trigger, never searched
 *                    for; what must come before (a line start, a qualifier) is written as a bounded look-behind
 * @param requires    word starts of which at least one occurs in every match (empty: no such list); the detector
 *                    skips the pattern when none occurs within {@link #AFTER} characters after the trigger
 */
record InjectionRule(InjectionLanguage language, InjectionTechnique technique, String description,
                     Pattern pattern, List<String> triggers, List<String> requires) {

    /** Marks a trigger that may be followed by more letters ({@code "ignor*"} for ignore, ignoring, ignorer). */
    static final char PREFIX_MARK = '*';

    /** How far after its trigger a match may end, in scan characters. */
    static final int AFTER = 240;

    /**
     * A rule whose every match starts with one of its triggers. In {@code regex} a space stands for the single
     * white-space character (space or line break) that the scan text has between words; write no spaces inside
     * character classes.
     */
    static InjectionRule of(InjectionLanguage language, InjectionTechnique technique, String description,
                            String regex, String... triggers) {
        if (triggers.length == 0) {
            throw new IllegalArgumentException("a rule needs at least one trigger: " + description);
        }
        Pattern pattern = Pattern.compile(regex.replace(" ", "[ \\n]"), Pattern.MULTILINE);
        return new InjectionRule(language, technique, description, pattern, List.of(triggers), List.of());
    }

    /**
     * This rule, tried only where one of {@code stems} starts a word within reach of the trigger: a cheap test
     * that spares the pattern for most triggers. Every match must contain one of them.
     */
    InjectionRule requiring(List<String> stems) {
        return new InjectionRule(language, technique, description, pattern, triggers, List.copyOf(stems));
    }

    /** An e-mail address or the start of a web address: where exfiltrated data would go. */
    static final String EMAIL_OR_URL = "(?:[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}|https?://)";

    /** A list of alternative words (regex fragments), as one alternation and as the triggers it yields. */
    record Words(String regex, String[] triggers) {
    }

    /** The alternation of {@code alternatives}, with their literal starts as triggers (see {@link #heads}). */
    static Words words(String... alternatives) {
        List<String> list = List.of(alternatives);
        return new Words(any(list), heads(list));
    }

    /** {@code (?:a|b|c)}: an alternation of regex fragments. */
    static String any(String... alternatives) {
        return "(?:" + String.join("|", alternatives) + ")";
    }

    /** {@code (?:a|b|c)} over a list. */
    static String any(List<String> alternatives) {
        return "(?:" + String.join("|", alternatives) + ")";
    }

    /**
     * The literal start of each alternative (up to its first regex operator): triggers for a list of verbs. A start
     * that is not the whole alternative is marked as a prefix ({@code "ignor*"}).
     */
    static String[] heads(List<String> alternatives) {
        return alternatives.stream()
                .map(a -> {
                    String prefix = literalPrefix(a);
                    return prefix.equals(a) ? prefix : prefix + PREFIX_MARK;
                })
                .distinct()
                .toArray(String[]::new);
    }

    private static String literalPrefix(String regex) {
        int end = 0;
        while (end < regex.length() && "([?*+{|\\.^$".indexOf(regex.charAt(end)) < 0) {
            end++;
        }
        if (end < regex.length() && end > 0 && "?*{".indexOf(regex.charAt(end)) >= 0) {
            end--; // the quantifier makes the last literal character optional
        }
        String prefix = regex.substring(0, end).strip();
        if (prefix.length() < 2) {
            throw new IllegalArgumentException("no literal start in " + regex);
        }
        return prefix;
    }
}
