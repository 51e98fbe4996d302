package dev.modelspec4j.check.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The one pass of {@link SecretDetector} over normalised text.
 *
 * <p>Most of a text is <em>quiet</em>: lower-case letters, spaces and punctuation other than {@code :}. No rule
 * can find anything made of quiet characters alone: every token format has an upper-case letter, a digit,
 * {@code _}, {@code -} or {@code :} among its first seven characters, preceded only by letters; a free-text
 * entropy candidate needs digits and upper case; assignments and URL passwords start at {@code =} or {@code :}.
 * So the scan skips quiet characters in a tight loop, and at the next <em>loud</em> character it backs up to the
 * start of the base64 run that holds it and runs the exact per-character rules from there up to the next quiet
 * separator: {@link TokenFormats} at word starts whose first two characters begin an anchor, {@link Assignments}
 * at every {@code =} and {@code :}, {@link UrlPasswords} at every {@code ://}, Azure client secrets at a
 * {@code ~} (it follows a digit and a {@code Q}, both loud), AWS key ids glued after a lower-case letter, and the
 * delimiting of the base64 runs that {@link EntropyRule} judges at the end, when every assigned value is known.
 * Public PEM blocks that the token rule met are left out of that judgement.
 *
 * <p>The result is exactly that of one scan per rule over every character: the token rule resumes after a
 * finding at its own cursor, and the other rules look at every candidate.
 */
final class SecretScan {

    private static final int ALNUM = Entropy.DIGIT | Entropy.LOWER | Entropy.UPPER;
    /** ASCII characters that neither start nor continue anything a rule looks for; see the class comment. */
    private static final boolean[] QUIET = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            int cls = Entropy.classOf(c);
            QUIET[c] = cls == 0 ? c != ':' : c >= 'a' && c <= 'z';
        }
    }

    /** Counts of the rule calls of one scan; for tests of linearity (null in production). */
    static final class Counts {
        long loudStretches;
        /** Characters the exact rules looked at, backing up included; the quiet ones skipped are not counted. */
        long exactChars;
        long tokenChecks;
        /** Characters the token matchers read. */
        long tokenChars;
        /** Characters the assignment rule read for values. */
        long valueChars;
        long operators;
        long freeTextRuns;
        long assignedValues;

        long total() {
            return loudStretches + tokenChecks + tokenChars + valueChars + operators + freeTextRuns + assignedValues;
        }
    }

    private final String text;
    private final int n;
    private final Assignments assignments;
    private final List<SecretSpan> out;
    private final List<int[]> examined = new ArrayList<>();
    private final Counts counts;
    private int[] runs = new int[16];
    private int runCount;
    private int tokenNext;
    private TokenFormats.Scan tokens;
    private final Assignments.Scan values = new Assignments.Scan();

    private SecretScan(String text, Assignments assignments, List<SecretSpan> out, Counts counts) {
        this.text = text;
        this.n = text.length();
        this.assignments = assignments;
        this.out = out;
        this.counts = counts;
    }

    /** Adds the secrets in {@code text} to {@code out}, unsorted and possibly overlapping. */
    static void scan(String text, Assignments assignments, EntropyRule entropy, List<SecretSpan> out,
            Counts counts) {
        SecretScan scan = new SecretScan(text, assignments, out, counts);
        scan.run();
        if (scan.tokens != null) {
            scan.leavePublicBlocks(scan.tokens.publicBlocks());
        }
        scan.examined.sort(Comparator.comparingInt(range -> range[0]));
        entropy.judgeFreeText(text, scan.runs, scan.runCount, scan.examined, out);
        if (counts != null) {
            counts.tokenChars += scan.tokens == null ? 0 : scan.tokens.work();
            counts.valueChars += scan.values.work;
            counts.freeTextRuns += scan.runCount / 2;
            counts.assignedValues += scan.examined.size();
        }
    }

    /**
     * Invariant at {@code i}: everything before it has been looked at, no base64 run is open, and the character
     * before {@code i} (if any) is outside base64.
     */
    private void run() {
        int i = 0;
        while (i < n) {
            int loud = nextLoud(text, i);
            if (loud >= n) {
                return;
            }
            int start = loud;
            while (start > i && Entropy.classOf(text.charAt(start - 1)) != 0) {
                start--;
            }
            i = exact(start, loud);
            if (counts != null) {
                counts.loudStretches++;
                counts.exactChars += i - start;
            }
        }
    }

    /** The first position from {@code from} whose character is not quiet, or the text's length. */
    private static int nextLoud(String text, int from) {
        int n = text.length();
        int i = from;
        while (i < n) {
            char c = text.charAt(i);
            if (c < 128 && !QUIET[c]) {
                return i;
            }
            i++;
        }
        return n;
    }

    /**
     * Every rule at every character from {@code start} (outside base64 before it) through the first quiet
     * character outside base64 after {@code loud}; returns the position after that one.
     */
    private int exact(int start, int loud) {
        int runStart = -1;
        int any = 0;
        int all = 0;
        int previous = 0; // entropy class of the character before
        for (int i = start; i < n; i++) {
            char c = text.charAt(i);
            int cls = Entropy.classOf(c);
            if (cls != 0) {
                if (runStart < 0) {
                    runStart = i;
                    any = 0;
                    all = 0xFF;
                }
                any |= cls;
                all &= cls;
                if ((previous & ALNUM) == 0 && i >= tokenNext && i + 1 < n
                        && TokenFormats.startsAnchor(c, text.charAt(i + 1))) {
                    tokenNext = tokens().at(i, out);
                    if (counts != null) {
                        counts.tokenChecks++;
                    }
                } else if (c == 'A' && (previous & Entropy.LOWER) != 0 && i >= tokenNext) {
                    tokenNext = tokens().gluedAt(i, out); // keyAKIA...
                    if (counts != null) {
                        counts.tokenChecks++;
                    }
                }
                if (c == '=') {
                    operator(i);
                }
            } else {
                if (runStart >= 0) {
                    addRun(runStart, i, any, all);
                    runStart = -1;
                }
                if (c == ':') {
                    operator(i);
                } else if (c == '~') {
                    int end = TokenFormats.azureAt(text, i, out);
                    if (counts != null) {
                        counts.tokenChecks++;
                        counts.tokenChars += end < 0 ? 5 : end - i + 5;
                    }
                    if (i > loud) {
                        return i + 1;
                    }
                } else if (i > loud) {
                    return i + 1;
                }
            }
            previous = cls;
        }
        if (runStart >= 0) {
            addRun(runStart, n, any, all);
        }
        return n;
    }

    /**
     * Public PEM blocks (certificates, public keys): their lines are not judged by the entropy rule, and no token
     * found inside one is reported.
     */
    private void leavePublicBlocks(int[] blocks) {
        if (blocks.length == 0) {
            return;
        }
        for (int k = 0; k < blocks.length; k += 2) {
            examined.add(new int[] {blocks[k], blocks[k + 1]});
        }
        // blocks ascend strictly: the last bound at or before a span's start is a block's start iff it is inside
        out.removeIf(span -> {
            int k = Arrays.binarySearch(blocks, span.start());
            int last = k >= 0 ? k : -k - 2;
            return last >= 0 && (last & 1) == 0 && span.kind() != SecretKind.PRIVATE_KEY
                    && span.end() <= blocks[last + 1];
        });
    }

    private TokenFormats.Scan tokens() {
        if (tokens == null) {
            tokens = new TokenFormats.Scan(text);
        }
        return tokens;
    }

    private void operator(int i) {
        assignments.at(text, i, out, examined, values);
        if (text.charAt(i) == ':' && i + 2 < n && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') {
            UrlPasswords.at(text, i, out);
        }
        if (counts != null) {
            counts.operators++;
        }
    }

    private void addRun(int start, int end, int any, int all) {
        if (EntropyRule.freeTextCandidate(end - start, any, all)) {
            if (runCount + 2 > runs.length) {
                runs = Arrays.copyOf(runs, runs.length * 2);
            }
            runs[runCount++] = start;
            runs[runCount++] = end;
        }
    }
}
