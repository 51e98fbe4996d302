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
 * Keys that name an identifier ({@code id}, {@code *_id}, {@code uuid}), a digest ({@code sha256},
 * {@code commit}, {@code checksum}, ...), something about a secret rather than the secret ({@code secret_name},
 * {@code token_url}), a public key or a public member of a JSON Web Key are never secrets. The credential of an
 * {@code Authorization} header follows its scheme; the value of {@code curl -u user:value} is a password; a bare
 * value is judged without the punctuation that closes a sentence.
 */
final class Assignments {

    private static final String[] SECRET_WORDS = {"password", "passwd", "passphrase", "pwd", "secret", "token",
        "api_key", "apikey", "api-key", "access_key", "accesskey", "private_key", "privatekey", "credential",
        "auth_key", "client_secret"};
    private static final String[] DIGEST_WORDS = {"sha", "md5", "hash", "checksum", "digest", "commit", "etag",
        "integrity", "fingerprint", "revision", "crc"};
    private static final String[] PLACEHOLDERS = {"changeme", "change_me", "example", "placeholder", "redacted",
        "your_", "your-", "yourpassword", "dummy", "notset", "none", "null", "nil", "undefined", "true", "false",
        "password", "secret", "todo", "fixme", "pass", "test", "token", "user", "username"};
    /**
     * Last words of a key that name something about a secret, not the secret: {@code secret_name},
     * {@code token_url}, {@code password_file}, {@code secret_length}, {@code credentialsId}.
     */
    private static final java.util.Set<String> NON_SECRET_TAILS = java.util.Set.of("id", "ids", "uuid", "name",
        "names", "url", "uri", "urls", "href", "src", "host", "hostname", "endpoint", "path", "file", "filename",
        "dir", "length", "len", "size", "type", "version", "count", "format", "mode", "enabled", "label", "field",
        "header", "param", "policy", "rotation", "ttl", "expiry", "expires", "expiration", "timeout", "store",
        "vault", "ref", "arn", "algorithm", "alg", "location", "prefix", "hint", "scope", "scopes");
    /** Words of a key that say its value is public (unless the key also names a secret). */
    private static final String[] PUBLIC_WORDS = {"public", "pubkey", "nonce", "trace", "correlation", "request",
        "address", "wallet", "mapping", "sourcemap"};
    /** Authorization schemes: the credential follows the scheme word. */
    private static final String[] SCHEMES = {"bearer", "basic", "token", "api-token", "apikey", "digest", "bot",
        "jwt", "oauth", "sso-key", "key"};
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
        // the last bare value read: it runs from bareFrom to bareEnd, and is judged up to bareJudged
        private int bareFrom = -1;
        private int bareEnd = -1;
        private int bareJudged = -1;
        private Suffixes suffixes;
        private String text;
        // the newlines of the last block of indented lines, and per key class the first line classified so
        private int[] newlines = new int[16];
        private int lines = -1;
        private int cursor;
        private final int[] doneFrom = new int[4];

        private void bare(int from, int end, int judged) {
            bareFrom = from;
            bareEnd = end;
            bareJudged = judged;
            suffixes = null;
        }

        private Suffixes suffixes(String text) {
            if (suffixes == null) {
                work += bareJudged - bareFrom;
                suffixes = new Suffixes(text, bareFrom, bareJudged);
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
        String key = userFlagBefore(text, keyStart) ? "password"
                : jwkPublicMember(text, keyStart, keyEnd) ? "~" : keyName(text.substring(keyStart, keyEnd));
        values(text, key, valueStart, out, examined, scan);
    }

    /**
     * The key as the rules read it: lower case, and when its last word names something about a secret rather
     * than the secret ({@link #NON_SECRET_TAILS}), the marker {@code "~"} that no rule treats as a secret's key.
     * Words split at {@code _ - .} and at camelCase humps.
     */
    private static String keyName(String key) {
        int tail = key.length();
        while (tail > 0 && Character.isLetterOrDigit(key.charAt(tail - 1))
                && !(tail < key.length() && Character.isUpperCase(key.charAt(tail))
                        && Character.isLowerCase(key.charAt(tail - 1)))) {
            tail--;
        }
        String last = key.substring(tail).toLowerCase(Locale.ROOT);
        String lower = key.toLowerCase(Locale.ROOT);
        if (NON_SECRET_TAILS.contains(last) || lower.equals("h1")) {
            return "~";
        }
        return lower;
    }

    /** Public members of a JSON Web Key; the private ones ({@code d}, {@code p}, {@code q} ...) are not here. */
    private static final java.util.Set<String> JWK_PUBLIC = java.util.Set.of("x", "y", "n", "e", "x5c", "x5t",
            "kid");

    /**
     * Whether the key {@code text[keyStart, keyEnd)} is a public member of a JSON Web Key: its name is one, and
     * {@code "kty"} stands within the 160 characters before it.
     */
    private static boolean jwkPublicMember(String text, int keyStart, int keyEnd) {
        if (keyEnd - keyStart > 3 || !JWK_PUBLIC.contains(text.substring(keyStart, keyEnd))) {
            return false;
        }
        int from = Math.max(0, keyStart - 160);
        for (int i = keyStart - 5; i >= from; i--) {
            if (text.startsWith("\"kty\"", i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the {@code user:password} whose user starts at {@code keyStart} is the argument of a
     * {@code -u}/{@code --user} option ({@code curl -u admin:S3cret}): then the value is a password.
     */
    private static boolean userFlagBefore(String text, int keyStart) {
        int i = keyStart;
        int limit = Math.max(0, keyStart - 128);
        while (i > limit && !Character.isWhitespace(text.charAt(i - 1)) && text.charAt(i - 1) != '=') {
            i--; // to the start of the user (it may hold @ and other characters)
        }
        if (i > 0 && text.charAt(i - 1) == '=') {
            return text.startsWith("--user", i - 7) && i >= 7;
        }
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
            i--;
        }
        return i >= 2 && text.startsWith("-u", i - 2) && (i == 2 || Character.isWhitespace(text.charAt(i - 3)))
                || i >= 6 && text.startsWith("--user", i - 6);
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
        if (pos + 1 < n && text.charAt(pos) == '!' && (text.charAt(pos + 1) == '!'
                || Character.isLetter(text.charAt(pos + 1)))) {
            int tagEnd = pos;
            while (tagEnd < n && !Character.isWhitespace(text.charAt(tagEnd))) {
                tagEnd++;
            }
            pos = skipBlanks(text, tagEnd);
        }
        pos = afterBlockIndicator(text, pos);
        if (pos >= n || text.charAt(pos) == '\n' || text.charAt(pos) == '\r') {
            int line = pos;
            while (line + 1 < n && text.charAt(line) == '\r') {
                line++;
            }
            scan.continuationLines(this, text, key, line, out, examined);
            return;
        }
        if (isAuthorization(key)) {
            pos = afterScheme(text, pos);
        }
        char quote = text.charAt(pos);
        while (quote == '"' || quote == '\'' || quote == '`') {
            int close = closingQuote(text, pos, quote, scan);
            if (close <= pos + 1) {
                return;
            }
            int valueFrom = isAuthorization(key) ? afterScheme(text, pos + 1) : pos + 1;
            int valueTo = isAuthorization(key) ? credentialEnd(text, valueFrom, close) : close;
            examined.add(new int[] {valueFrom, valueTo});
            classify(text, key, valueFrom, valueTo, out);
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
            int judged = Math.max(pos, scan.bareJudged);
            examined.add(new int[] {pos, judged});
            classifySuffix(text, key, pos, judged, out, scan);
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
            scan.bare(pos, end, withoutClosingPunctuation(text, pos, end));
            examined.add(new int[] {pos, scan.bareJudged});
            classify(text, key, pos, scan.bareJudged, out);
        }
    }

    /**
     * The end of a bare value without the punctuation that closes a sentence ({@code my key: Zq8r...Ui8Ro.}):
     * the value is judged without it, so that a token ending a sentence is still one.
     */
    private static int withoutClosingPunctuation(String text, int start, int end) {
        int judged = end;
        while (judged > start && ".!?:".indexOf(text.charAt(judged - 1)) >= 0) {
            judged--;
        }
        return judged;
    }

    /** Past a YAML block scalar indicator ({@code |}, {@code >}, {@code |-}, {@code >+}) that ends its line. */
    private static int afterBlockIndicator(String text, int pos) {
        int n = text.length();
        if (pos >= n || text.charAt(pos) != '|' && text.charAt(pos) != '>') {
            return pos;
        }
        int q = pos + 1;
        if (q < n && (text.charAt(q) == '-' || text.charAt(q) == '+')) {
            q++;
        }
        q = skipBlanks(text, q);
        return q >= n || text.charAt(q) == '\n' || text.charAt(q) == '\r' ? q : pos;
    }

    /** Whether {@code key} is an HTTP authorization header, whose value is a scheme and a credential. */
    private static boolean isAuthorization(String key) {
        return key.endsWith("authorization");
    }

    /** Past the scheme word of an authorization value ({@code Bearer }, {@code Basic } ...), if there is one. */
    private static int afterScheme(String text, int pos) {
        for (String scheme : SCHEMES) {
            int after = pos + scheme.length();
            if (text.regionMatches(true, pos, scheme, 0, scheme.length()) && after < text.length()
                    && text.charAt(after) == ' ') {
                return skipBlanks(text, after);
            }
        }
        return pos;
    }

    /** End of the credential from {@code from} within a quoted header value ending at {@code close}. */
    private static int credentialEnd(String text, int from, int close) {
        int end = from;
        while (end < close && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return end;
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
        if (key.equals("~") || isIdentifierKey(key) || containsAny(key, DIGEST_WORDS)
                || (key.contains("public") || key.contains("pubkey")) && !key.contains("private")
                        && !key.contains("secret")) {
            return 0;
        }
        if (key.contains("aws") && key.contains("secret")) {
            return 1;
        }
        if (containsAny(key, SECRET_WORDS) || isAuthorization(key) || isBundlerCredential(key)) {
            return 2;
        }
        return containsAny(key, PUBLIC_WORDS) ? 0 : 3;
    }

    /** Bundler's credentials for a gem source: {@code BUNDLE_GEMS__EXAMPLE__COM=user:password}. */
    private static boolean isBundlerCredential(String key) {
        return key.startsWith("bundle_") && key.indexOf("__") > 0;
    }

    /**
     * {@link #classify} for {@code text[start, end)}, a suffix of the bare value {@code [scan.bareFrom, end)}:
     * long suffixes are judged from what {@link Suffixes} knows of the value, in constant time. One difference:
     * whether a long suffix is public material ({@link PublicMaterial#isPublicValue}) is what the whole value is.
     */
    private void classifySuffix(String text, String key, int start, int end, List<SecretSpan> out, Scan scan) {
        if (end - start <= SHORT_SUFFIX) {
            scan.work += end - start;
            classify(text, key, start, end, out);
            return;
        }
        Suffixes value = scan.suffixes(text);
        int keyClass = keyClass(key);
        if (keyClass == 0) {
            return;
        }
        // longer than 40: never an AWS secret key
        value.advance(start, scan);
        if (keyClass != 3 && value.literal(start)) {
            out.add(new SecretSpan(SecretKind.KEYWORD_SECRET, start, end));
        } else if (value.random(entropy, start)) {
            out.add(new SecretSpan(SecretKind.HIGH_ENTROPY, start, end));
        }
    }

    /** Suffixes shorter than this are classified directly. */
    private static final int SHORT_SUFFIX = 64;

    /**
     * What the suffixes of one bare value {@code [from, end)} need for {@link #classify}, from one pass over it:
     * for each test of {@link #isLiteralSecret} and {@link Placeholders}, the last position where what it looks
     * for starts, and the character counts of the current suffix. Letters are compared one by one, ignoring case,
     * as {@link #isLiteralSecret} does.
     */
    private static final class Suffixes {
        final String text;
        final int from;
        final int end;
        int lastNotBase64 = -1;
        int lastNotHex = -1;
        int lastNotDigit = -1;
        int lastParen = -1;
        /** Last start of a placeholder word, {@code example}, {@code xxxx}, {@code ****}, {@code ...} or {@code …}. */
        int lastPlaceholder = -1;
        /** Last k with {@code k + 1 < end} whose character lower-cased differs from the next one's. */
        int lastChange = -1;
        final int[] counts = new int[128];
        int countsFrom;
        private Boolean publicValue;

        Suffixes(String text, int from, int end) {
            this.text = text;
            this.from = from;
            this.end = end;
            this.countsFrom = from;
            int masks = 0;
            int dots = 0;
            for (int k = from; k < end; k++) {
                char c = text.charAt(k);
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
                masks = Placeholders.isMaskChar(c) ? masks + 1 : 0;
                dots = c == '.' ? dots + 1 : 0;
                if (masks >= 4) {
                    lastPlaceholder = k - 3;
                } else if (dots >= 3) {
                    lastPlaceholder = k - 2;
                } else if (c == '\u2026' || Placeholders.wordAt(text, k, end)
                        || k + 7 <= end && text.regionMatches(true, k, "example", 0, 7)) {
                    lastPlaceholder = k;
                }
                if (k + 1 < end && Character.toLowerCase(c) != Character.toLowerCase(text.charAt(k + 1))) {
                    lastChange = k;
                }
                counts[c < 128 ? c : 0]++;
            }
        }

        private Boolean versionTail;

        /** {@link #endsWithVersion} of the suffix from {@code start}: the same for every long suffix. */
        private boolean versionTail(int start) {
            if (versionTail == null) {
                versionTail = endsWithVersion(text, start, end);
            }
            return versionTail;
        }

        /** Moves the counts to the suffix from {@code start}; starts ascend. */
        void advance(int start, Scan scan) {
            scan.work += start - countsFrom;
            while (countsFrom < start) {
                char c = text.charAt(countsFrom);
                counts[c < 128 ? c : 0]--;
                countsFrom++;
            }
        }

        /** {@link #isLiteralSecret} of the suffix from {@code start} (the counts moved there), long as it is. */
        boolean literal(int start) {
            if (startsLikeReference(text, start, end) || lastParen >= start || lastPlaceholder >= start
                    || Placeholders.isSlot(text, start, end) || Placeholders.isMask(counts, end - start)
                    || versionTail(start)) {
                return false;
            }
            return lastChange >= start;
        }

        /** {@link EntropyRule#randomInAssignment} of the suffix from {@code start} (the counts moved there). */
        boolean random(EntropyRule entropy, int start) {
            if (lastNotBase64 >= start || !entropy.randomByCounts(counts, end - start, lastNotHex < start,
                    lastNotDigit < start)) {
                return false;
            }
            if (publicValue == null) {
                publicValue = PublicMaterial.isPublicValue(text, from, end);
            }
            return !publicValue;
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
        int keyClass = keyClass(key);
        if (keyClass == 0 || end <= start) {
            return;
        }
        if (keyClass == 1 && end - start == 40 && allBase64(text, start, end)) {
            out.add(new SecretSpan(SecretKind.AWS_SECRET_KEY, start, end));
        } else if (keyClass != 3 && isLiteralSecret(text, start, end, key)) {
            out.add(new SecretSpan(SecretKind.KEYWORD_SECRET, start, end));
        } else if (entropy.randomInAssignment(text, start, end)) {
            out.add(new SecretSpan(SecretKind.HIGH_ENTROPY, start, end));
        }
    }

    private static boolean isIdentifierKey(String key) {
        return key.equals("id") || key.endsWith("_id") || key.endsWith("-id") || key.endsWith(".id")
                || key.endsWith("uuid") || key.endsWith("_ids");
    }

    /**
     * A literal value, not a placeholder ({@link Placeholders}), a reference to somewhere else
     * ({@code os.environ[...]}, {@code X25519.secret_length}, the key's own name), or prose. Letters are compared
     * one by one, ignoring case ({@link String#regionMatches(boolean, int, String, int, int)}), so that the
     * suffixes of a value are judged alike from what is known of the whole ({@link Suffixes}).
     */
    static boolean isLiteralSecret(String text, int start, int end, String key) {
        int length = end - start;
        if (length < MIN_KEYWORD_VALUE || holds(text, start, end, ' ')) {
            return false;
        }
        if (startsLikeReference(text, start, end) || holds(text, start, end, '(')
                || isPlaceholder(text, start, end) || Placeholders.isPlaceholder(text, start, end)) {
            return false;
        }
        if (length <= SHORT_SUFFIX && (length == key.length() && text.regionMatches(true, start, key, 0, length)
                || length > key.length() && key.length() >= 4 && containsIgnoreCase(text, start, end, key))) {
            return false; // access_token=ACCESS_TOKEN, secret_length = X25519.secret_length
        }
        return !repeatsOneChar(text, start, end) && !endsWithVersion(text, start, end);
    }

    /** {@code jjwt-jackson-0.11.2}, {@code app_v1.4}: a name with a version, not a secret. */
    private static boolean endsWithVersion(String text, int start, int end) {
        int i = end;
        int dots = 0;
        while (i > start && (Character.isDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '.')) {
            dots += text.charAt(i - 1) == '.' ? 1 : 0;
            i--;
        }
        if (i > start && text.charAt(i - 1) == 'v') {
            i--;
        }
        return dots >= 1 && i < end && i > start && (text.charAt(i - 1) == '-' || text.charAt(i - 1) == '_')
                && Character.isDigit(text.charAt(end - 1));
    }

    private static boolean holds(String text, int start, int end, char c) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsLikeReference(String text, int start, int end) {
        for (String head : new String[] {"<", "$", "{{", "%(", "os.", "process.env"}) {
            if (end - start >= head.length() && text.regionMatches(true, start, head, 0, head.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsIgnoreCase(String text, int start, int end, String word) {
        for (int i = start; i + word.length() <= end; i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPlaceholder(String text, int start, int end) {
        int length = end - start;
        for (String placeholder : PLACEHOLDERS) {
            boolean prefix = placeholder.endsWith("_") || placeholder.endsWith("-");
            if ((prefix ? length >= placeholder.length() : length == placeholder.length())
                    && text.regionMatches(true, start, placeholder, 0, placeholder.length())) {
                return true;
            }
        }
        return length == 3 && text.regionMatches(true, start, "xxx", 0, 3)
                || containsIgnoreCase(text, start, end, "xxxx") || containsIgnoreCase(text, start, end, "example");
    }

    /** {@code ****}, {@code xxxxxxxx}, {@code ........}: masks, not values. Case-insensitive, letter by letter. */
    private static boolean repeatsOneChar(String text, int start, int end) {
        char first = Character.toLowerCase(text.charAt(start));
        for (int i = start + 1; i < end; i++) {
            if (Character.toLowerCase(text.charAt(i)) != first) {
                return false;
            }
        }
        return true;
    }

    private static boolean allBase64(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Entropy.isBase64(text.charAt(i))) {
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
