package dev.modelspec4j.check.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelspec4j.check.Finding;
import dev.modelspec4j.check.Span;
import dev.modelspec4j.check.text.NormalizedText;
import dev.modelspec4j.check.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link ForbidCheck} finds literals and phrases without running the regular expression everywhere; these
 * tests hold it to the plain {@code Matcher.find()} loop on adversarial text.
 */
class ForbidCheckEquivalenceTest {

    private static final List<String> LITERALS = List.of(
            "(?i)guaranteed refund", "internal use only", "(?i)Refund", "refund", "(?i)k", "(?i)s", "(?i)is",
            "ss", "(?i)aa", "(?i)ana", "a", "(?i)a-b_c", "(?i)\"quoted\" & 'single'", "(?i)x#y", "(?i)50% off!",
            "(?i)10:30 <now> = ok/~`,;@", "(?i)st", "(?i)I", "K");

    private static final List<String> PHRASES = List.of(
            "guaranteed refund", "as an AI language model", "internal use only", "refund", "kelvin scale",
            "is it", "st", "Straße", "σοφία ς", "ΣΑΣ", "#1 deal", "deal!", "!!", "c++ rocks", "ǅemal", "ﬁne",
            "mañana", "emoji 😀 ok", "a😀", "aa aa", "i", "K", "İstanbul", "ıi", "\u0301a", "ｒefund");

    /** Phrases that {@link ForbidCheck#phrase} makes but that the regular-expression engine must still scan. */
    private static final List<String> PHRASES_ON_THE_ENGINE = List.of("😀 smile", "𐐀𐐁 x", "a\\Eb");

    private static final List<Pattern> ON_THE_ENGINE = List.of(
            Pattern.compile("(?i)refund.*"), Pattern.compile("\\d{3}"), Pattern.compile("(?iu)guaranteed refund"),
            Pattern.compile("(?i)guaranteed\\s+refund"), Pattern.compile(""), Pattern.compile("(?i)"),
            Pattern.compile("x*"), Pattern.compile("(?<=a)b"), Pattern.compile("(?i)é"), Pattern.compile("(?i)a|b"),
            Pattern.compile("(?x)a b"), Pattern.compile("refund", Pattern.CASE_INSENSITIVE),
            Pattern.compile("(?i)a.c"), Pattern.compile("a\tb"), Pattern.compile("(?iu)\\Qrefund\\E"),
            Pattern.compile(ForbidCheck.phrase("guaranteed refund"), Pattern.COMMENTS),
            Pattern.compile(ForbidCheck.phrase("refund") + "x"), Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])\\Q\\E"));

    private static final String[] SPECIALS = {
        "ſ", "\u212A", "İ", "ı", "ß", "ẞ", "σ", "ς", "Σ", "\u0301", "\u0307", "\u200B", "\u200D", "\uFEFF", "\u00AD",
        "ｒ", "Ｒ", "ｆ", "😀", "👍🏽", "\uD83D", "\uDE00", "\u00A0", "\u3000", "ﬁ", "ﬅ", "ǅ", "ǆ", "Ǆ", "𐐀", "𐐨",
        "é", "É", "ñ", "\u2028", "\u000B", "\f", "\r", "µ", "Μ", "ÿ", "Ÿ", "ﬀ", "①", "²", "Å", "\u212B"
    };

    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    @Test
    void literalsAndPhrasesTakeTheFastPathsAndTheRestTheEngine() {
        for (String literal : LITERALS) {
            assertThat(ForbiddenPattern.of(Pattern.compile(literal))).as(literal).isInstanceOf(LiteralPattern.class);
        }
        for (String phrase : PHRASES) {
            assertThat(ForbiddenPattern.of(Pattern.compile(ForbidCheck.phrase(phrase)))).as(phrase)
                    .isInstanceOf(PhrasePattern.class);
        }
        for (Pattern pattern : engineScanned()) {
            assertThat(ForbiddenPattern.of(pattern)).as(pattern.pattern())
                    .isNotInstanceOf(LiteralPattern.class).isNotInstanceOf(PhrasePattern.class);
        }
    }

    @Test
    void sameFindingsAsTheFindLoopOnAdversarialText() {
        List<Pattern> patterns = allPatterns();
        List<String> descriptions = new ArrayList<>();
        for (int p = 0; p < patterns.size(); p++) {
            descriptions.add("pattern #" + (p + 1));
        }
        ForbidCheck check = new ForbidCheck(patterns, descriptions);
        List<String> words = words();
        Random random = new Random(20240611L);
        int texts = 120_000;
        int withFindings = 0;
        for (int t = 0; t < texts; t++) {
            String text = t % 2 == 0 ? wordText(random, words) : tokenText(random, words);
            List<Finding> expected = reference(patterns, descriptions, text);
            assertThat(check.check(text)).as("text %d: %s", t, escape(text)).isEqualTo(expected);
            if (expected.stream().anyMatch(f -> isFast(patterns.get(descriptions.indexOf(description(f)))))) {
                withFindings++;
            }
        }
        // the texts must exercise the fast paths with matches, not only without
        assertThat(withFindings).isGreaterThan(texts / 4);
    }

    @Test
    void longTextsWithManyMatchesAgreeToo() {
        List<Pattern> patterns = allPatterns();
        List<String> descriptions = patterns.stream().map(Pattern::pattern).toList();
        ForbidCheck check = new ForbidCheck(patterns, descriptions);
        List<String> words = words();
        Random random = new Random(7L);
        for (int t = 0; t < 300; t++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 5_000) {
                text.append(random.nextBoolean() ? wordText(random, words) : tokenText(random, words));
            }
            assertThat(check.check(text.toString())).isEqualTo(reference(patterns, descriptions, text.toString()));
        }
    }

    /**
     * The prefilter of phrases must accept every character the engine finds equal under {@code (?iu)}, alone
     * (a one-character word) or in a longer word, for every BMP character and the supplementary planes 1 and 2.
     */
    @Test
    void phrasePrefilterAcceptsEveryCharacterTheEngineFindsEqual() {
        StringBuilder firsts = new StringBuilder();
        for (char c = '!'; c < 127; c++) {
            firsts.append(c);
        }
        firsts.append("ſ\u212AİıßẞσςΣéÉñǅǆǄµΜÿŸÅ\u212BΩ\u2126ϐβϑθϕφϰκϱρϵεᲀвᲈꙋẛṡΐ\u1FD3ΰ\u1FE3ﬅﬆ");
        for (int f = 0; f < firsts.length(); f++) {
            char p = firsts.charAt(f);
            Matcher single = Pattern.compile("(?iu)" + Pattern.quote(String.valueOf(p))).matcher("");
            Matcher slice = Pattern.compile("(?iu)" + Pattern.quote(p + "x")).matcher("");
            Matcher supplementarySlice = Pattern.compile("(?iu)" + Pattern.quote(p + "x😀")).matcher("");
            List<Character> accepted = new ArrayList<>();
            for (char c : PhrasePattern.CaseFolds.nonAsciiMayEqual(p)) {
                accepted.add(c);
            }
            for (int c = 0; c <= 0x2FFFF; c++) {
                String s = new String(Character.toChars(c));
                boolean equal = single.reset(s).matches() || slice.reset(s + "x").matches()
                        || supplementarySlice.reset(s + "x😀").matches();
                if (!equal) {
                    continue;
                }
                assertThat(PhrasePattern.mayEqual(p, c)).as("%04X ~ %04X", (int) p, c).isTrue();
                if (c >= 128 && c <= Character.MAX_VALUE) {
                    assertThat(accepted).as("%04X ~ %04X", (int) p, c).contains((char) c);
                }
            }
        }
    }

    /** Exactly what {@code ForbidCheck.check} did before the fast paths: a {@code find()} loop per pattern. */
    private static List<Finding> reference(List<Pattern> patterns, List<String> descriptions, String answer) {
        NormalizedText normalized = TextNormalizer.normalize(answer);
        List<Finding> findings = new ArrayList<>(0);
        for (int p = 0; p < patterns.size(); p++) {
            Matcher m = patterns.get(p).matcher(normalized.text());
            List<Span> spans = null;
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                if (spans == null) {
                    spans = new ArrayList<>(2);
                }
                spans.add(new Span(normalized.originalStart(m.start()), normalized.originalEnd(m.end())));
            }
            if (spans != null) {
                findings.add(new Finding(
                        "The answer must not contain " + descriptions.get(p) + ".",
                        descriptions.get(p) + " matched " + spans.size() + (spans.size() == 1 ? " time" : " times"),
                        spans));
            }
        }
        return findings;
    }

    private static List<Pattern> allPatterns() {
        List<Pattern> patterns = new ArrayList<>();
        LITERALS.forEach(literal -> patterns.add(Pattern.compile(literal)));
        PHRASES.forEach(phrase -> patterns.add(Pattern.compile(ForbidCheck.phrase(phrase))));
        patterns.addAll(engineScanned());
        return patterns;
    }

    private static List<Pattern> engineScanned() {
        List<Pattern> patterns = new ArrayList<>(ON_THE_ENGINE);
        PHRASES_ON_THE_ENGINE.forEach(phrase -> patterns.add(Pattern.compile(ForbidCheck.phrase(phrase))));
        return patterns;
    }

    private static boolean isFast(Pattern pattern) {
        ForbiddenPattern scan = ForbiddenPattern.of(pattern);
        return scan instanceof LiteralPattern || scan instanceof PhrasePattern;
    }

    private static String description(Finding finding) {
        return finding.evidence().substring(0, finding.evidence().indexOf(" matched "));
    }

    /** The words of all patterns, with their pieces. */
    private static List<String> words() {
        List<String> words = new ArrayList<>();
        List<String> sources = new ArrayList<>(PHRASES);
        sources.addAll(PHRASES_ON_THE_ENGINE);
        LITERALS.forEach(literal -> sources.add(literal.replace("(?i)", "")));
        for (String source : sources) {
            for (String word : source.split("\\s+")) {
                words.add(word);
                for (int cut = 1; cut < word.length(); cut++) {
                    words.add(word.substring(0, cut));
                    words.add(word.substring(cut));
                }
            }
        }
        return words;
    }

    /** Pattern words, their case changed and letters swapped for look-alikes, between separators. */
    private static String wordText(Random random, List<String> words) {
        StringBuilder text = new StringBuilder();
        int count = random.nextInt(8);
        for (int w = 0; w < count; w++) {
            if (random.nextInt(4) > 0 || w > 0) {
                text.append(separator(random));
            }
            disguise(random, words.get(random.nextInt(words.size())), text);
        }
        if (random.nextBoolean()) {
            text.append(separator(random));
        }
        return text.toString();
    }

    private static String separator(Random random) {
        switch (random.nextInt(12)) {
            case 0: return "";
            case 1: return "  ";
            case 2: return "\t";
            case 3: return "\n";
            case 4: return " \u200B ";
            case 5: return "\u00A0";
            case 6: return String.valueOf(ASCII_PUNCTUATION.charAt(random.nextInt(ASCII_PUNCTUATION.length())));
            case 7: return SPECIALS[random.nextInt(SPECIALS.length)];
            case 8: return " " + (char) ('a' + random.nextInt(26));
            default: return " ";
        }
    }

    private static void disguise(Random random, String word, StringBuilder out) {
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            switch (random.nextInt(14)) {
                case 0: out.append(Character.toUpperCase(c)); break;
                case 1: out.append(Character.toLowerCase(c)); break;
                case 2: out.append(lookAlike(random, c)); break;
                case 3: out.append(c).append(SPECIALS[random.nextInt(SPECIALS.length)]); break;
                default: out.append(c);
            }
        }
    }

    private static String lookAlike(Random random, char c) {
        switch (Character.toLowerCase(c)) {
            case 's': return random.nextBoolean() ? "ſ" : "ß";
            case 'k': return "\u212A";
            case 'i': return random.nextBoolean() ? "İ" : "ı";
            case 'r': return random.nextBoolean() ? "ｒ" : "Ｒ";
            case 'f': return random.nextBoolean() ? "ﬁ" : "ｆ";
            case 'σ': case 'ς': return random.nextBoolean() ? "ς" : "Σ";
            default: return String.valueOf(c);
        }
    }

    /** Random characters and pieces of pattern words. */
    private static String tokenText(Random random, List<String> words) {
        StringBuilder text = new StringBuilder();
        int count = random.nextInt(40);
        for (int t = 0; t < count; t++) {
            switch (random.nextInt(8)) {
                case 0: text.append((char) ('a' + random.nextInt(26))); break;
                case 1: text.append((char) ('A' + random.nextInt(26))); break;
                case 2: text.append(" \t\n ".charAt(random.nextInt(4))); break;
                case 3: text.append((char) ('0' + random.nextInt(10))); break;
                case 4: text.append(ASCII_PUNCTUATION.charAt(random.nextInt(ASCII_PUNCTUATION.length()))); break;
                case 5: text.append(SPECIALS[random.nextInt(SPECIALS.length)]); break;
                default: disguise(random, words.get(random.nextInt(words.size())), text);
            }
        }
        return text.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return out.toString();
    }
}
