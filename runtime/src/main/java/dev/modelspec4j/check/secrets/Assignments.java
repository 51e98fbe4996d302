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

    Assignments(EntropyRule entropy) {
        this.entropy = entropy;
    }

    /**
     * Looks at the operator ({@code =} or {@code :}) at {@code op}: adds the secrets among the values assigned
     * there to {@code out} and the range of every value it examined, secret or not, to {@code examined} (so the
     * free-text entropy rule leaves them to this rule's judgement). The scan calls it for every operator in order.
     */
    void at(String text, int op, List<SecretSpan> out, List<int[]> examined) {
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
        values(text, key, valueStart, out, examined);
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
    private void values(String text, String key, int from, List<SecretSpan> out, List<int[]> examined) {
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
            while (line + 1 < n && text.charAt(line) == '\n'
                    && (text.charAt(line + 1) == ' ' || text.charAt(line + 1) == '\t')) {
                int start = skipBlanks(text, line + 1);
                int end = lineEnd(text, start);
                line = end;
                while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                if (end > start) {
                    examined.add(new int[] {start, end});
                    classify(text, key, start, end, out);
                }
            }
            return;
        }
        char quote = text.charAt(pos);
        while (quote == '"' || quote == '\'' || quote == '`') {
            int lineEnd = lineEnd(text, pos + 1);
            int close = text.indexOf(quote, pos + 1);
            if (close <= pos + 1 || close >= lineEnd) {
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
        int end = pos;
        while (end < n && !Character.isWhitespace(text.charAt(end)) && ",;)}]\"'".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        if (end > pos) {
            examined.add(new int[] {pos, end});
            classify(text, key, pos, end, out);
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
