package dev.modelspec4j.check.injection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, in one pass, every position where a rule's trigger occurs: a bit set of first-two-character pairs
 * rejects almost every position with one memory access, and only the triggers that share the pair are compared.
 * Immutable after construction.
 */
final class TriggerIndex {

    /** A trigger and the rules (indices into the detector's rule list) it starts. */
    record Entry(String trigger, boolean wordStart, int[] rules) {
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
                if (trigger.length() < 2 || trigger.charAt(0) >= 0x80 || trigger.charAt(1) >= 0x80) {
                    throw new IllegalArgumentException("a trigger needs two leading ASCII characters: " + trigger);
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
            boolean wordStart = Character.isLetter(trigger.charAt(0));
            buckets.get(key).add(new Entry(trigger, wordStart,
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

    /** Calls {@code visitor} for each trigger occurrence in {@code text}, in order of position. */
    void forEachTrigger(String text, Visitor visitor) {
        int last = text.length() - 1;
        for (int i = 0; i < last; i++) {
            char c0 = text.charAt(i);
            char c1 = text.charAt(i + 1);
            if (c0 >= 0x80 || c1 >= 0x80) {
                continue;
            }
            int key = key(c0, c1);
            if ((pairBits[key >>> 6] & (1L << (key & 63))) == 0) {
                continue;
            }
            boolean atWordStart = i == 0 || !isWordChar(text.charAt(i - 1));
            for (Entry entry : byPair[key]) {
                if ((atWordStart || !entry.wordStart()) && text.startsWith(entry.trigger(), i)) {
                    visitor.visit(entry, i);
                }
            }
        }
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 0x80 && Character.isLetterOrDigit(c));
    }
}
