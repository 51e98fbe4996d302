package dev.modelspec4j.check.injection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, in one pass, every position where a rule's trigger occurs. Triggers that start with a letter match only
 * at the start of a word, so positions inside words are skipped at once; bit sets of the first two (for two-letter
 * literals) and a hash of the first three characters (for longer ones) reject most of the rest, and only the few
 * literals in the same bucket are compared.
 * Immutable after construction.
 */
final class TriggerIndex {

    /**
     * A literal to look for: a trigger, with the rules (indices into the detector's rule list) it starts, and/or a
     * required word start, with the requirement classes ({@link #requirementOf(int)}) it satisfies, as a bit mask.
     */
    record Entry(String trigger, char[] chars, boolean wholeWord, int[] rules, long requirementClasses) {
    }

    /** Receives each occurrence. */
    interface Visitor {
        void visit(Entry entry, int position);
    }

    /** The requirement class of each rule: rules with the same list of required words share one; -1 for none. */
    private final int[] requirementOfRule;
    private final int requirementClasses;

    private static final int PAIRS = 1 << 14;

    private static final int TRIPLES = 1 << 16;

    /** Two-character literals, by their pair. */
    private final long[] shortPairBits = new long[PAIRS / 64];
    private final Entry[][] byShortPair = new Entry[PAIRS][];
    /** Longer literals, by a hash of their first three characters. */
    private final long[] tripleBits = new long[TRIPLES / 64];
    private final Entry[][] byTriple = new Entry[TRIPLES][];

    TriggerIndex(List<InjectionRule> rules) {
        Map<String, List<Integer>> rulesByTrigger = new LinkedHashMap<>();
        Map<List<String>, Integer> classes = new LinkedHashMap<>();
        Map<String, Long> classesByStem = new LinkedHashMap<>();
        requirementOfRule = new int[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            InjectionRule rule = rules.get(r);
            for (String trigger : rule.triggers()) {
                requireAsciiStart(trigger);
                List<Integer> list = rulesByTrigger.computeIfAbsent(trigger, t -> new ArrayList<>());
                if (!list.contains(r)) {
                    list.add(r);
                }
            }
            requirementOfRule[r] = -1;
            if (!rule.requires().isEmpty()) {
                int id = classes.computeIfAbsent(rule.requires(), k -> classes.size());
                if (id >= Long.SIZE) {
                    throw new IllegalArgumentException("at most 64 different lists of required words");
                }
                requirementOfRule[r] = id;
                for (String stem : rule.requires()) {
                    requireAsciiStart(stem);
                    classesByStem.merge(stem, 1L << id, (a, b) -> a | b);
                }
            }
        }
        requirementClasses = classes.size();
        Map<Integer, List<Entry>> shortBuckets = new LinkedHashMap<>();
        Map<Integer, List<Entry>> tripleBuckets = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        rulesByTrigger.forEach((trigger, ruleList) -> {
            boolean prefix = trigger.charAt(trigger.length() - 1) == InjectionRule.PREFIX_MARK;
            String literal = prefix ? trigger.substring(0, trigger.length() - 1) : trigger;
            boolean wholeWord = !prefix && isWordChar(literal.charAt(0))
                    && isWordChar(literal.charAt(literal.length() - 1));
            entries.add(new Entry(literal, literal.toCharArray(), wholeWord,
                    ruleList.stream().mapToInt(Integer::intValue).toArray(), 0L));
        });
        classesByStem.forEach((stem, mask) -> entries.add(new Entry(stem, stem.toCharArray(), false, new int[0],
                mask)));
        for (Entry entry : entries) {
            char[] c = entry.chars();
            int key = key(c[0], c[1]);
            if (c.length == 2) {
                shortPairBits[key >>> 6] |= 1L << (key & 63);
                shortBuckets.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
            } else {
                int triple = triple(key, c[2]);
                tripleBits[triple >>> 6] |= 1L << (triple & 63);
                tripleBuckets.computeIfAbsent(triple, k -> new ArrayList<>()).add(entry);
            }
        }
        shortBuckets.forEach((key, list) -> byShortPair[key] = list.toArray(Entry[]::new));
        tripleBuckets.forEach((key, list) -> byTriple[key] = list.toArray(Entry[]::new));
    }

    private static void requireAsciiStart(String literal) {
        if (literal.length() < 2 || literal.charAt(0) >= 0x80 || literal.charAt(1) >= 0x80
                || (literal.charAt(0) >= 'A' && literal.charAt(0) <= 'Z')) {
            throw new IllegalArgumentException("a trigger needs two leading lower-case ASCII characters: " + literal);
        }
    }

    /** The requirement class of rule {@code rule}, or -1 if it has no required words. */
    int requirementOf(int rule) {
        return requirementOfRule[rule];
    }

    /** How many requirement classes there are. */
    int requirementClasses() {
        return requirementClasses;
    }

    private static int key(char c0, char c1) {
        return (c0 & 0x7F) << 7 | (c1 & 0x7F);
    }

    private static int triple(int pairKey, char c2) {
        return (pairKey * 0x9E37 + c2) & (TRIPLES - 1);
    }

    private static boolean isSet(long[] bits, int key) {
        return (bits[key >>> 6] & (1L << (key & 63))) != 0;
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
            if (isSet(shortPairBits, key)) {
                visitMatches(byShortPair[key], text, length, i, visitor);
            }
            if (i + 2 < length) {
                int triple = triple(key, text[i + 2]);
                if (isSet(tripleBits, triple)) {
                    visitMatches(byTriple[triple], text, length, i, visitor);
                }
            }
        }
    }

    private static void visitMatches(Entry[] bucket, char[] text, int length, int i, Visitor visitor) {
        for (Entry entry : bucket) {
            char[] chars = entry.chars();
            if (startsWith(text, length, i, chars)
                    && !(entry.wholeWord() && i + chars.length < length && isWordChar(text[i + chars.length]))) {
                visitor.visit(entry, i);
            }
        }
    }

    private static boolean startsWith(char[] text, int length, int at, char[] prefix) {
        if (at + prefix.length > length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) { // a hashed bucket may hold other first characters
            if (text[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordChar(char c) {
        return c < 0x80 ? CharClasses.is(c, CharClasses.LOWER | CharClasses.DIGIT) : Character.isLetterOrDigit(c);
    }
}
