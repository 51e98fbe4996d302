package dev.modelspec4j.check.injection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, in one pass, every position where a rule's trigger occurs. Triggers that start with a letter match only
 * at the start of a word, so positions inside words are skipped at once; a bit set of first-two-character pairs
 * rejects most of the rest with one memory access, and only the triggers that share the pair are compared.
 * Immutable after construction.
 */
final class TriggerIndex {

    /** A trigger and the rules (indices into the detector's rule list) it starts. */
    record Entry(String trigger, char[] chars, boolean wholeWord, int[] rules) {
    }

    /** Receives each trigger occurrence. */
    interface Visitor {
        void visit(Entry entry, int position);
    }

    private static final int PAIRS = 1 << 14;

    private final long[] pairBits = new long[PAIRS / 64];
    private final Entry[][] byPair = new Entry[PAIRS][];

    TriggerIndex(List<InjectionRule> rules) {
        Map<String, List<Integer>> rulesByTrigger = new LinkedHashMap<>();
        for (int r = 0; r < rules.size(); r++) {
            for (String trigger : rules.get(r).triggers()) {
                if (trigger.length() < 2 || trigger.charAt(0) >= 0x80 || trigger.charAt(1) >= 0x80
                        || (trigger.charAt(0) >= 'A' && trigger.charAt(0) <= 'Z')) {
                    throw new IllegalArgumentException("a trigger needs two leading lower-case ASCII characters: "
                            + trigger);
                }
                List<Integer> list = rulesByTrigger.computeIfAbsent(trigger, t -> new ArrayList<>());
                if (!list.contains(r)) {
                    list.add(r);
                }
            }
        }
        List<List<Entry>> buckets = new ArrayList<>(PAIRS);
        for (int k = 0; k < PAIRS; k++) {
            buckets.add(null);
        }
        rulesByTrigger.forEach((trigger, ruleList) -> {
            int key = key(trigger.charAt(0), trigger.charAt(1));
            pairBits[key >>> 6] |= 1L << (key & 63);
            if (buckets.get(key) == null) {
                buckets.set(key, new ArrayList<>());
            }
            boolean prefix = trigger.charAt(trigger.length() - 1) == InjectionRule.PREFIX_MARK;
            String literal = prefix ? trigger.substring(0, trigger.length() - 1) : trigger;
            boolean wholeWord = !prefix && isWordChar(literal.charAt(0))
                    && isWordChar(literal.charAt(literal.length() - 1));
            buckets.get(key).add(new Entry(literal, literal.toCharArray(), wholeWord,
                    ruleList.stream().mapToInt(Integer::intValue).toArray()));
        });
        for (int k = 0; k < PAIRS; k++) {
            if (buckets.get(k) != null) {
                byPair[k] = buckets.get(k).toArray(Entry[]::new);
            }
        }
    }

    private static int key(char c0, char c1) {
        return (c0 & 0x7F) << 7 | (c1 & 0x7F);
    }

    /** Calls {@code visitor} for each trigger occurrence in the first {@code length} characters of {@code text}. */
    void forEachTrigger(char[] text, int length, Visitor visitor) {
        int last = length - 1;
        boolean previousIsWordChar = false;
        for (int i = 0; i < last; i++) {
            char c0 = text[i];
            boolean wordStartBlocked = previousIsWordChar;
            previousIsWordChar = isWordChar(c0);
            if (c0 >= 0x80 || (wordStartBlocked && c0 >= 'a' && c0 <= 'z')) {
                continue; // letter triggers only match at the start of a word
            }
            char c1 = text[i + 1];
            if (c1 >= 0x80) {
                continue;
            }
            int key = key(c0, c1);
            if ((pairBits[key >>> 6] & (1L << (key & 63))) == 0) {
                continue;
            }
            for (Entry entry : byPair[key]) {
                char[] chars = entry.chars();
                if (startsWith(text, length, i, chars)
                        && !(entry.wholeWord() && i + chars.length < length && isWordChar(text[i + chars.length]))) {
                    visitor.visit(entry, i);
                }
            }
        }
    }

    private static boolean startsWith(char[] text, int length, int at, char[] prefix) {
        if (at + prefix.length > length) {
            return false;
        }
        for (int k = 2; k < prefix.length; k++) { // the first two are the pair already compared
            if (text[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 0x80 && Character.isLetterOrDigit(c));
    }
}
