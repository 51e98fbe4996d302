package dev.modelspec4j.check.injection;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds every term of the lexicon ({@link ConceptTerms}) in a scan text, in one pass: a trie walked from each word
 * start (from every character in scripts written without spaces), so the work per character is bounded by the
 * longest term. Key words misspelt by one or two letters ("instrucitons", "everthing", "previuos") are matched by
 * edit distance. Immutable after construction; {@link #scan} allocates only its result.
 */
final class ConceptIndex {

    /** Terms that must be followed by punctuation or the end of the text. */
    private static final char BEFORE_PUNCTUATION = '!';

    private static final class Node {
        char[] keys = new char[0];
        Node[] next = new Node[0];
        Node[] ascii; // the children by ASCII character, for nodes with many children (built by seal())
        int wordMask; // concepts of whole-word terms that end here
        int stemMask; // concepts of stem terms (a word start) that end here
        int punctuationMask; // concepts of terms that end here before punctuation
        boolean anywhere; // the term needs no word boundaries

        Node child(char c) {
            if (ascii != null && c < 0x80) {
                return ascii[c];
            }
            char[] k = keys;
            for (int i = 0; i < k.length; i++) {
                if (k[i] == c) {
                    return next[i];
                }
            }
            return null;
        }

        /** Gives nodes with several ASCII children a direct table, recursively. */
        void seal() {
            int asciiChildren = 0;
            for (char c : keys) {
                asciiChildren += c < 0x80 ? 1 : 0;
            }
            if (asciiChildren >= 3) {
                ascii = new Node[0x80];
                for (int i = 0; i < keys.length; i++) {
                    if (keys[i] < 0x80) {
                        ascii[keys[i]] = next[i];
                    }
                }
            }
            for (Node n : next) {
                n.seal();
            }
        }

        Node add(char c) {
            Node n = child(c);
            if (n == null) {
                n = new Node();
                keys = Arrays.copyOf(keys, keys.length + 1);
                next = Arrays.copyOf(next, next.length + 1);
                keys[keys.length - 1] = c;
                next[next.length - 1] = n;
            }
            return n;
        }
    }

    /** A key word for the edit-distance match: its letters, the concepts it stands for, its letter set. */
    private record Fuzzy(char[] word, int mask, int letters) {
    }

    private final Node[] roots = new Node[1 << 16];
    private final Map<String, Integer> labels = new HashMap<>();
    private final Fuzzy[][] fuzzyByFirst = new Fuzzy[26][];

    ConceptIndex(Set<InjectionLanguage> languages) {
        Map<Concept, List<String>> english = new EnumMap<>(Concept.class);
        for (InjectionLanguage language : languages) {
            ConceptTerms.add(language, (concept, terms) -> {
                for (String term : terms.split("\\|")) {
                    if (concept == Concept.USER_LABEL || concept == Concept.ASSISTANT_LABEL) {
                        labels.merge(fold(term), concept.bit(), (a, b) -> a | b);
                        continue;
                    }
                    addTerm(term, concept.bit());
                    if (language == InjectionLanguage.ENGLISH) {
                        english.computeIfAbsent(concept, c -> new ArrayList<>()).add(term);
                    }
                }
            });
            for (Concept cue : List.of(Concept.IGNORE, Concept.PRIOR, Concept.INSTRUCTIONS, Concept.OWN_PROMPT,
                    Concept.REVEAL, Concept.ALL)) {
                ConceptTerms.add(language, (concept, terms) -> {
                    if (concept != cue) {
                        return;
                    }
                    for (String term : terms.split("\\|")) {
                        if (!isStem(term) && term.length() >= (isUnspaced(term.charAt(0)) ? 2 : 3)) {
                            addTerm(new StringBuilder(fold(term)).reverse().toString(), Concept.REVERSED_CUE.bit());
                        }
                    }
                });
            }
        }
        List<String> rot13 = new ArrayList<>();
        for (Concept c : List.of(Concept.IGNORE, Concept.PRIOR, Concept.INSTRUCTIONS, Concept.OWN_PROMPT)) {
            for (String term : english.getOrDefault(c, List.of())) {
                if (!isStem(term) && term.length() >= 4 && term.chars().allMatch(ch -> ch < 0x80)) {
                    rot13.add(rot13(term.toLowerCase(Locale.ROOT)));
                }
            }
        }
        rot13.forEach(t -> addTerm(t, Concept.ROT13_CUE.bit()));
        for (Node root : roots) {
            if (root != null) {
                root.seal();
            }
        }
        if (languages.contains(InjectionLanguage.ENGLISH)) {
            addFuzzy("ignore|ignoring|disregard|forget|overlook|neglect|instructions|instruction|previous"
                    + "|everything|directions|directives|guidelines|preceding|earlier|original|instructed"
                    + "|regardless|reveal|repeat", english);
        }
    }

    private static boolean isStem(String term) {
        return term.endsWith("*");
    }

    private void addTerm(String raw, int mask) {
        boolean stem = raw.endsWith("*");
        boolean punctuation = raw.endsWith(String.valueOf(BEFORE_PUNCTUATION));
        String term = fold(stem || punctuation ? raw.substring(0, raw.length() - 1) : raw);
        if (term.isEmpty()) {
            return;
        }
        Node node = roots[term.charAt(0)];
        if (node == null) {
            node = new Node();
            roots[term.charAt(0)] = node;
        }
        for (int i = 1; i < term.length(); i++) {
            node = node.add(term.charAt(i));
        }
        if (stem) {
            node.stemMask |= mask;
        } else if (punctuation) {
            node.punctuationMask |= mask;
        } else {
            node.wordMask |= mask;
        }
        node.anywhere |= isUnspaced(term.charAt(0));
    }

    private void addFuzzy(String words, Map<Concept, List<String>> english) {
        List<List<Fuzzy>> lists = new ArrayList<>();
        for (int k = 0; k < 26; k++) {
            lists.add(new ArrayList<>());
        }
        for (String w : words.split("\\|")) {
            int mask = 0;
            for (Map.Entry<Concept, List<String>> e : english.entrySet()) {
                for (String term : e.getValue()) {
                    String t = term.endsWith("*") ? term.substring(0, term.length() - 1) : term;
                    if (term.endsWith("*") ? w.startsWith(t) : w.equals(t)) {
                        mask |= e.getKey().bit();
                    }
                }
            }
            if (mask != 0) {
                lists.get(w.charAt(0) - 'a').add(new Fuzzy(w.toCharArray(), mask, letterSet(w.toCharArray(), 0,
                        w.length())));
            }
        }
        for (int k = 0; k < 26; k++) {
            fuzzyByFirst[k] = lists.get(k).isEmpty() ? null : lists.get(k).toArray(Fuzzy[]::new);
        }
    }

    /** A term as the scan text would show it: NFKC, then the injection fold, one space between words. */
    static String fold(String term) {
        String nfkc = Normalizer.normalize(term, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            String expansion = InjectionNormalizer.expansion(c);
            if (expansion != null) {
                out.append(expansion);
            } else {
                out.append(InjectionNormalizer.fold(c));
            }
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static String rot13(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= 'a' && c[i] <= 'z') {
                c[i] = (char) ('a' + (c[i] - 'a' + 13) % 26);
            }
        }
        return new String(c);
    }

    /** Scripts written without spaces between words (and Arabic, whose words take attached prefixes). */
    static boolean isUnspaced(char c) {
        return (c >= 0x3040 && c <= 0x30FF) // hiragana, katakana
                || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) // CJK ideographs
                || (c >= 0xAC00 && c <= 0xD7AF) // Hangul syllables
                || (c >= 0x0600 && c <= 0x06FF); // Arabic
    }

    static boolean isWordChar(char c) {
        return c < 0x80 ? CharClasses.is(c, CharClasses.LOWER | CharClasses.DIGIT | CharClasses.UPPER)
                : Character.isLetterOrDigit(c);
    }

    private static boolean isPunctuationOrEnd(char[] text, int length, int at) {
        if (at >= length) {
            return true;
        }
        char c = text[at];
        return c == '.' || c == '!' || c == ',' || c == ';' || c == ':' || c == ')' || c == '\n' || c == '"'
                || c == '\'';
    }

    /** The concept label of a line label ("user", "assistant", ...), or 0. */
    int label(String folded) {
        return labels.getOrDefault(folded, 0);
    }

    /** Every term occurrence in the first {@code length} characters of {@code text}. */
    ConceptHits scan(char[] text, int length) {
        ConceptHits hits = new ConceptHits();
        boolean previousIsWord = false;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            boolean wordStart = !previousIsWord;
            boolean isWord = isWordChar(c);
            previousIsWord = isWord;
            if (!wordStart && isWord && (c < 0x80 || !isUnspaced(c))) {
                continue; // inside a word: terms start at word starts, except in unspaced scripts
            }
            Node node = roots[c];
            boolean found = node != null && walk(text, length, i, node, hits);
            if (!found && wordStart && c >= 'a' && c <= 'z' && fuzzyByFirst[c - 'a'] != null) {
                fuzzy(text, length, i, hits);
            }
        }
        return hits;
    }

    private static boolean walk(char[] text, int length, int start, Node node, ConceptHits hits) {
        boolean found = false;
        int j = start;
        while (true) {
            int end = j + 1;
            if (node.stemMask != 0) {
                hits.add(node.stemMask, start, end);
                found = true;
            }
            if (node.wordMask != 0 && (node.anywhere || end >= length || !isWordChar(text[end])
                    || !isWordChar(text[j]))) {
                hits.add(node.wordMask, start, end);
                found = true;
            }
            if (node.punctuationMask != 0 && isPunctuationOrEnd(text, length, end)) {
                hits.add(node.punctuationMask, start, end);
                found = true;
            }
            if (end >= length || node.keys.length == 0) {
                return found;
            }
            char c = text[end];
            node = node.child(c == '\n' ? ' ' : c);
            if (node == null) {
                return found;
            }
            j = end;
        }
    }

    private void fuzzy(char[] text, int length, int start, ConceptHits hits) {
        int end = start;
        while (end < length && text[end] >= 'a' && text[end] <= 'z') {
            end++;
        }
        int n = end - start;
        if (n < 5 || n > 16 || (end < length && isWordChar(text[end]))) {
            return;
        }
        int letters = letterSet(text, start, end);
        for (Fuzzy f : fuzzyByFirst[text[start] - 'a']) {
            int budget = f.word().length >= 8 ? 2 : 1;
            char[] key = f.word();
            if (text[start + 1] != key[1] && text[start + 2] != key[2]) {
                continue; // a typo rarely spares neither the second nor the third letter
            }
            if (Math.abs(key.length - n) <= budget && Integer.bitCount(f.letters() ^ letters) <= 2 * budget
                    && withinDistance(text, start, n, f.word(), budget)) {
                hits.add(f.mask(), start, end);
                return;
            }
        }
    }

    private static int letterSet(char[] s, int from, int to) {
        int set = 0;
        for (int i = from; i < to; i++) {
            set |= 1 << (s[i] - 'a');
        }
        return set;
    }

    /** Optimal string alignment distance (edits and adjacent transpositions) of a word and a key, at most budget. */
    private static boolean withinDistance(char[] text, int start, int n, char[] key, int budget) {
        int m = key.length;
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = i;
            char a = text[start + i - 1];
            for (int j = 1; j <= m; j++) {
                int cost = a == key[j - 1] ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a == key[j - 2] && text[start + i - 2] == key[j - 1]) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > budget) {
                return false;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m] <= budget;
    }
}
