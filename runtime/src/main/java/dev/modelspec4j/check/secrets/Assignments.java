package dev.modelspec4j.check.secrets;

import java.util.List;
import java.util.Locale;

/**
 * Values assigned to keys: {@code key = value}, {@code key: value}, {@code "key": "value"}, {@code key := value},
 * {@code key => value}, with quoted or bare values, YAML tags ({@code !!binary}) and indented continuation lines
 * (INI). A value is reported as
 * <ul>
 *   <li>{@link SecretKind#AWS_SECRET_KEY} when the key names an AWS secret and the value is 40 base64 chars;</li>
 *   <li>{@link SecretKind#KEYWORD_SECRET} when the key names a secret (password, secret, token, api key, ...)
 *       and the value is not a placeholder, a reference or prose;</li>
 *   <li>{@link SecretKind#HIGH_ENTROPY} when the value is random-looking: see {@link EntropyRule}.</li>
 * </ul>
 * Keys that name an identifier ({@code id}, {@code *_id}, {@code uuid}) or a digest ({@code sha256},
 * {@code commit}, {@code checksum}, ...) are never secrets.
 */
final class Assignments {

    private static final String[] SECRET_WORDS = {"password", "passwd", "passphrase", "pwd", "secret", "token",
        "api_key", "apikey", "api-key", "access_key", "accesskey", "private_key", "privatekey", "credential",
        "auth_key", "client_secret"};
    private static final String[] DIGEST_WORDS = {"sha", "md5", "hash", "checksum", "digest", "commit", "etag",
        "integrity", "fingerprint", "revision", "crc"};
    private static final String[] PLACEHOLDERS = {"changeme", "change_me", "example", "placeholder", "redacted",
        "your_", "your-", "yourpassword", "dummy", "notset", "none", "null", "nil", "undefined", "true", "false",
        "password", "secret", "todo", "fixme"};
    private static final int MIN_KEYWORD_VALUE = 4;
    /** Longest value (or line) looked at: keeps the scan linear in the text's length. */
    private static final int MAX_VALUE = 4096;

    private final EntropyRule entropy;

    /**
     * What one scan has learnt about the values it read, so that values sharing their end or their lines are not
     * read again: without it, {@code a=a=a=...} or a stack of {@code a:} lines each indented under the one before
     * cost time quadratic in their length. Not thread-safe.
     */
    static final class Scan {
        /** Characters read for values, for tests of linearity. */
        long work;
        // the last bare value read: it runs from bareFrom to bareEnd
        private int bareFrom = -1;
        private int bareEnd = -1;
        private Suffixes suffixes;
        private String text;
        // the newlines of the last block of indented lines, and per key class the first line classified so
        private int[] newlines = new int[16];
        private int lines = -1;
        private int cursor;
        private final int[] doneFrom = new int[4];

        private void bare(int from, int end) {
            bareFrom = from;
            bareEnd = end;
            suffixes = null;
        }

        private Suffixes suffixes(String text) {
            if (suffixes == null) {
                work += bareEnd - bareFrom;
                suffixes = new Suffixes(text, bareFrom, bareEnd);
                suffixes.text = text;
            }
            return suffixes;
        }

        /**
         * Classifies the indented lines after the newline at {@code line} as values of {@code key}. A newline met
         * before as one of a block's is not followed again for a key of a class that has been through it.
         */
        private void continuationLines(Assignments rule, String text, String key, int line, List<SecretSpan> out,
                List<int[]> examined) {
            while (cursor < lines && newlines[cursor] < line) {
                cursor++;
            }
            int keyClass = keyClass(key);
            int first;
            if (cursor < lines && newlines[cursor] == line) {
                first = cursor;
            } else {
                lines = 0;
                cursor = 0;
                int at = line;
                add(at);
                while (continues(text, at)) {
                    at = continuationLine(text, at)[2];
                    add(at);
                }
                java.util.Arrays.fill(doneFrom, lines - 1);
                first = 0;
            }
            for (int k = first; k < doneFrom[keyClass]; k++) {
                int[] range = continuationLine(text, newlines[k]);
                work += range[2] - newlines[k];
                if (range[1] > range[0]) {
                    examined.add(new int[] {range[0], range[1]});
                    rule.classify(text, key, range[0], range[1], out);
                }
            }
            doneFrom[keyClass] = Math.min(doneFrom[keyClass], first);
        }

        private void add(int newline) {
            if (lines == newlines.length) {
                newlines = java.util.Arrays.copyOf(newlines, lines * 2);
            }
            newlines[lines++] = newline;
        }
    }

    Assignments(EntropyRule entropy) {
        this.entropy = entropy;
    }

    /**
     * Looks at the operator ({@code =} or {@code :}) at {@code op}: adds the secrets among the values assigned
     * there to {@code out} and the range of every value it examined, secret or not, to {@code examined} (so the
     * free-text entropy rule leaves them to this rule's judgement). The scan calls it for every operator in order.
     */
    void at(String text, int op, List<SecretSpan> out, List<int[]> examined, Scan scan) {
        int n = text.length();
        int keyEnd = op;
        while (keyEnd > 0 && (text.charAt(keyEnd - 1) == ' ' || text.charAt(keyEnd - 1) == '\t')) {
            keyEnd--;
        }
        if (keyEnd > 0 && (text.charAt(keyEnd - 1) == '"' || text.charAt(keyEnd - 1) == '\'')) {
            keyEnd--;
        }
        int keyStart = keyEnd;
        while (keyStart > 0 && isKeyChar(text.charAt(keyStart - 1))) {
            keyStart--;
        }
        if (keyStart == keyEnd) {
            return;
        }
        int valueStart = op + 1;
        if (valueStart < n && (text.charAt(valueStart) == '>' || text.charAt(valueStart) == '=')) {
            valueStart++; // => and ==; := is handled by the ':' being the operator
        }
        if (text.charAt(op) == ':' && valueStart < n && text.charAt(valueStart) == '=') {
            valueStart++;
        }
        if (text.charAt(op) == ':' && valueStart < n && text.charAt(valueStart) == '/') {
            return; // a URL scheme, not an assignment
        }
        String key = text.substring(keyStart, keyEnd).toLowerCase(Locale.ROOT);
        values(text, key, valueStart, out, examined, scan);
    }

    /** End of the line containing {@code from}, looking at most {@link #MAX_VALUE} characters ahead. */
    private static int lineEnd(String text, int from) {
        int limit = Math.min(text.length(), from + MAX_VALUE);
        for (int i = from; i < limit; i++) {
            if (text.charAt(i) == '\n') {
                return i;
            }
        }
        return limit;
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    /** Reads the value(s) after an operator: one on the same line, or indented continuation lines. */
    private void values(String text, String key, int from, List<SecretSpan> out, List<int[]> examined,
            Scan scan) {
        int n = text.length();
        int pos = skipBlanks(text, from);
        if (text.startsWith("!!", pos)) {
            int tagEnd = pos;
            while (tagEnd < n && !Character.isWhitespace(text.charAt(tagEnd))) {
                tagEnd++;
            }
            pos = skipBlanks(text, tagEnd);
        }
        if (pos >= n || text.charAt(pos) == '\n' || text.charAt(pos) == '\r') {
            int line = pos;
            while (line + 1 < n && text.charAt(line) == '\r') {
                line++;
            }
            scan.continuationLines(this, text, key, line, out, examined);
            return;
        }
        char quote = text.charAt(pos);
        while (quote == '"' || quote == '\'' || quote == '`') {
            int close = closingQuote(text, pos, quote, scan);
            if (close <= pos + 1) {
                return;
            }
            examined.add(new int[] {pos + 1, close});
            classify(text, key, pos + 1, close, out);
            // a list of quoted values: 'a', 'b'
            int next = skipBlanks(text, close + 1);
            if (next >= n || text.charAt(next) != ',') {
                return;
            }
            pos = skipBlanks(text, next + 1);
            quote = pos < n ? text.charAt(pos) : 0;
        }
        if (scan.bareFrom >= 0 && pos > scan.bareFrom && pos < scan.bareEnd) {
            // a value inside the previous bare value: it ends where that one does
            examined.add(new int[] {pos, scan.bareEnd});
            classifySuffix(text, key, pos, scan.bareEnd, out, scan);
            return;
        }
        int end = pos;
        while (end < n && !Character.isWhitespace(text.charAt(end)) && ",;)}]\"'".indexOf(text.charAt(end)) < 0) {
            if (end == scan.bareFrom) {
                end = scan.bareEnd;
                break;
            }
            end++;
        }
        scan.work += end - pos + 1;
        if (end > pos) {
            scan.bare(pos, end);
            examined.add(new int[] {pos, end});
            classify(text, key, pos, end, out);
        }
    }

    /**
     * The closing quote of the value whose opening {@code quote} is at {@code open}, on the same line and within
     * {@link #MAX_VALUE} characters; or -1. Reads only up to the closing quote or the line's end.
     */
    private static int closingQuote(String text, int open, char quote, Scan scan) {
        int limit = Math.min(text.length(), open + 1 + MAX_VALUE);
        for (int i = open + 1; i < limit; i++) {
            char c = text.charAt(i);
            if (c == quote || c == '\n') {
                scan.work += i - open;
                return c == quote ? i : -1;
            }
        }
        scan.work += limit - open;
        return -1;
    }

    /** The line of an indented value after the newline at {@code line}: {@code [start, end, rawEnd]}. */
    private static int[] continuationLine(String text, int line) {
        int start = skipBlanks(text, line + 1);
        int end = lineEnd(text, start);
        int rawEnd = end;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new int[] {start, end, rawEnd};
    }

    /** Whether an indented line follows the newline at {@code line}. */
    private static boolean continues(String text, int line) {
        return line + 1 < text.length() && text.charAt(line) == '\n'
                && (text.charAt(line + 1) == ' ' || text.charAt(line + 1) == '\t');
    }

    /** What {@link #classify} makes of a key: 0 nothing, 1 an AWS secret, 2 a secret word, 3 entropy only. */
    private static int keyClass(String key) {
        if (isIdentifierKey(key) || containsAny(key, DIGEST_WORDS)) {
            return 0;
        }
        if (key.contains("aws") && key.contains("secret")) {
            return 1;
        }
        return containsAny(key, SECRET_WORDS) ? 2 : 3;
    }

    /**
     * {@link #classify} for {@code text[start, end)}, a suffix of the bare value {@code [scan.bareFrom, end)}:
     * long suffixes are judged from what {@link Suffixes} knows of the value, in constant time.
     */
    private void classifySuffix(String text, String key, int start, int end, List<SecretSpan> out, Scan scan) {
        Suffixes value = end - start <= SHORT_SUFFIX ? null : scan.suffixes(text);
        if (value == null || value.unsafe) {
            scan.work += end - start;
            classify(text, key, start, end, out);
            return;
        }
        int keyClass = keyClass(key);
        if (keyClass == 0) {
            return;
        }
        // longer than 40: never an AWS secret key
        if (keyClass != 3 && value.literal(text, start)) {
            out.add(new SecretSpan(SecretKind.KEYWORD_SECRET, start, end));
        } else if (value.random(entropy, start, scan)) {
            out.add(new SecretSpan(SecretKind.HIGH_ENTROPY, start, end));
        }
    }

    /** Suffixes shorter than this are classified directly. */
    private static final int SHORT_SUFFIX = 64;

    /**
     * What the suffixes of one bare value {@code [from, end)} need for {@link #classify}, from one pass over it.
     * Its lower-case form is per character unless it holds a capital sigma, a dotted capital I or a surrogate:
     * then it is {@code unsafe} and suffixes are classified directly.
     */
    private static final class Suffixes {
        final int from;
        final int end;
        final boolean unsafe;
        int lastNotBase64 = -1;
        int lastNotHex = -1;
        int lastNotDigit = -1;
        int lastParen = -1;
        int lastExample = -1;
        /** Last k with {@code k + 1 < end} whose character lower-cased differs from the next one's. */
        int lastChange = -1;
        final int[] counts = new int[128];
        int countsFrom;

        Suffixes(String text, int from, int end) {
            this.from = from;
            this.end = end;
            this.countsFrom = from;
            boolean odd = false;
            for (int k = from; k < end; k++) {
                char c = text.charAt(k);
                odd |= c == '\u03a3' || c == '\u0130' || Character.isSurrogate(c);
                if (!Entropy.isBase64(c)) {
                    lastNotBase64 = k;
                }
                if (!Entropy.isHex(c)) {
                    lastNotHex = k;
                }
                if (c < '0' || c > '9') {
                    lastNotDigit = k;
                }
                if (c == '(') {
                    lastParen = k;
                }
                if (k + 7 <= end && text.regionMatches(true, k, "example", 0, 7)) {
                    lastExample = k;
                }
                if (k + 1 < end && Character.toLowerCase(c) != Character.toLowerCase(text.charAt(k + 1))) {
                    lastChange = k;
                }
                counts[c < 128 ? c : 0]++;
            }
            unsafe = odd;
        }

        /** {@link #isLiteralSecret} of the suffix from {@code start}, longer than {@link #SHORT_SUFFIX}. */
        boolean literal(String text, int start) {
            String head = text.substring(start, start + 11).toLowerCase(Locale.ROOT);
            if (head.startsWith("<") || head.startsWith("$") || head.startsWith("{{") || head.startsWith("%(")
                    || head.startsWith("os.") || head.startsWith("process.env") || lastParen >= start
                    || head.startsWith("your_") || head.startsWith("your-") || head.startsWith("xxxx")
                    || lastExample >= start) {
                return false;
            }
            return lastChange >= start;
        }

        /** {@link EntropyRule#randomInAssignment} of the suffix from {@code start}; starts ascend. */
        boolean random(EntropyRule entropy, int start, Scan scan) {
            if (lastNotBase64 >= start) {
                return false;
            }
            scan.work += start - countsFrom;
            while (countsFrom < start) {
                char c = text(countsFrom);
                counts[c]--;
                countsFrom++;
            }
            return entropy.randomByCounts(counts, end - start, lastNotHex < start, lastNotDigit < start);
        }

        private String text;

        private char text(int k) {
            char c = text.charAt(k);
            return c < 128 ? c : 0;
        }
    }

    private static int skipBlanks(String text, int from) {
        int pos = from;
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
        return pos;
    }

    private void classify(String text, String key, int start, int end, List<SecretSpan> out) {
        if (isIdentifierKey(key) || containsAny(key, DIGEST_WORDS)) {
            return;
        }
        String value = text.substring(start, end);
        if (key.contains("aws") && key.contains("secret") && value.length() == 40 && allBase64(value)) {
            out.add(new SecretSpan(SecretKind.AWS_SECRET_KEY, start, end));
        } else if (containsAny(key, SECRET_WORDS) && isLiteralSecret(value)) {
            out.add(new SecretSpan(SecretKind.KEYWORD_SECRET, start, end));
        } else if (entropy.randomInAssignment(text, start, end)) {
            out.add(new SecretSpan(SecretKind.HIGH_ENTROPY, start, end));
        }
    }

    private static boolean isIdentifierKey(String key) {
        return key.equals("id") || key.endsWith("_id") || key.endsWith("-id") || key.endsWith(".id")
                || key.endsWith("uuid") || key.endsWith("_ids");
    }

    /** A literal value, not a placeholder, a reference to somewhere else, or prose. */
    static boolean isLiteralSecret(String value) {
        if (value.length() < MIN_KEYWORD_VALUE || value.indexOf(' ') >= 0) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<") || lower.startsWith("$") || lower.startsWith("{{") || lower.startsWith("%(")
                || lower.startsWith("os.") || lower.startsWith("process.env") || lower.endsWith("()")
                || lower.contains("(") || isPlaceholder(lower)) {
            return false;
        }
        return !repeatsOneChar(lower);
    }

    private static boolean isPlaceholder(String lower) {
        for (String placeholder : PLACEHOLDERS) {
            if (lower.equals(placeholder) || (placeholder.endsWith("_") || placeholder.endsWith("-"))
                    && lower.startsWith(placeholder)) {
                return true;
            }
        }
        return lower.equals("xxx") || lower.startsWith("xxxx") || lower.contains("example");
    }

    /** {@code ****}, {@code xxxxxxxx}, {@code ........}: masks, not values. */
    private static boolean repeatsOneChar(String value) {
        char first = value.charAt(0);
        for (int i = 1; i < value.length(); i++) {
            if (value.charAt(i) != first) {
                return false;
            }
        }
        return true;
    }

    private static boolean allBase64(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!Entropy.isBase64(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsAny(String key, String[] words) {
        for (String word : words) {
            if (key.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
