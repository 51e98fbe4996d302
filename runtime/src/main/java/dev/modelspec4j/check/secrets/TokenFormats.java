package dev.modelspec4j.check.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets with a recognisable format: vendor tokens with a fixed prefix, JWTs and PEM private keys. Each format
 * has literal anchors; the scan ({@link SecretScan}) looks for them at word starts, and the pattern runs only where
 * an anchor is, anchored there and bounded, so ordinary text costs one table look-up per word.
 */
final class TokenFormats {

    private static final int MAX_TOKEN = 2048;

    private record Format(SecretKind kind, List<String> anchors, Pattern pattern, Predicate<String> valid) {
    }

    private static final List<Format> FORMATS = List.of(
            format(SecretKind.AWS_ACCESS_KEY,
                    List.of("AKIA", "ASIA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "ABIA", "ACCA"),
                    "A[A-Z]{3}[A-Z0-9]{16}(?![A-Za-z0-9])", v -> true),
            format(SecretKind.GITHUB_TOKEN, List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
                    "gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])", v -> true),
            format(SecretKind.GITHUB_TOKEN, List.of("github_pat_"), "github_pat_[A-Za-z0-9_]{22,244}", v -> true),
            format(SecretKind.GITLAB_TOKEN, List.of("glpat-"), "glpat-[A-Za-z0-9_-]{20,}", v -> true),
            format(SecretKind.SLACK_TOKEN, List.of("xoxa-", "xoxb-", "xoxp-", "xoxr-", "xoxs-"),
                    "xox[abprs]-[A-Za-z0-9-]{10,}", TokenFormats::hasDigit),
            format(SecretKind.SLACK_WEBHOOK, List.of("https://hooks.slack.com/"),
                    "https://hooks\\.slack\\.com/(?:services|workflows)/[A-Za-z0-9_/]{20,}", v -> true),
            format(SecretKind.STRIPE_KEY, List.of("sk_live_", "sk_test_", "rk_live_", "rk_test_", "pk_live_"),
                    "[srp]k_(?:live|test)_[A-Za-z0-9]{16,}", v -> true),
            format(SecretKind.OPENAI_KEY, List.of("sk-"),
                    "sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}", TokenFormats::looksRandom),
            format(SecretKind.GOOGLE_API_KEY, List.of("AIza"), "AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])", v -> true),
            format(SecretKind.JWT, List.of("eyJ"),
                    "eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*", TokenFormats::jwtHeader),
            format(SecretKind.PRIVATE_KEY, List.of("-----BEGIN "),
                    "-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----(?s:.{0,16384}?)"
                            + "(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|\\n\\s*\\n|\\z)", v -> true));

    private TokenFormats() {
    }

    private static Format format(SecretKind kind, List<String> anchors, String regex, Predicate<String> valid) {
        return new Format(kind, anchors, Pattern.compile(regex), valid);
    }

    /** For each ASCII character, the formats with an anchor starting with it, with that anchor. */
    private static final List<List<Map.Entry<String, Format>>> BY_FIRST_CHAR = byFirstChar();

    private static List<List<Map.Entry<String, Format>>> byFirstChar() {
        List<List<Map.Entry<String, Format>>> table = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            table.add(new ArrayList<>());
        }
        for (Format format : FORMATS) {
            for (String anchor : format.anchors()) {
                table.get(anchor.charAt(0)).add(Map.entry(anchor, format));
            }
        }
        List<List<Map.Entry<String, Format>>> frozen = new ArrayList<>();
        table.forEach(list -> frozen.add(list.isEmpty() ? null : List.copyOf(list)));
        return Collections.unmodifiableList(frozen);
    }

    /** The first two characters of every anchor, as bits {@code first * 128 + second}. */
    private static final long[] FIRST_TWO = firstTwo();

    private static long[] firstTwo() {
        long[] bits = new long[128 * 128 / 64];
        for (Format format : FORMATS) {
            for (String anchor : format.anchors()) {
                int index = anchor.charAt(0) * 128 + anchor.charAt(1);
                bits[index >>> 6] |= 1L << index;
            }
        }
        return bits;
    }

    /**
     * Whether some anchor starts with {@code first} and {@code second}: the only places {@link #at} needs to see,
     * and a cheap test that ordinary words fail.
     */
    static boolean startsAnchor(char first, char second) {
        int index = first * 128 + second;
        return first < 128 && second < 128 && (FIRST_TWO[index >>> 6] & (1L << index)) != 0;
    }

    /**
     * Tries the formats whose anchor is at {@code i}, a word start (the character before is not a letter or digit)
     * whose first two characters {@link #startsAnchor start an anchor}; the pattern runs only where an anchor
     * matches.
     * Returns where the scan goes on: past the token found, or {@code i + 1}.
     */
    static int at(String text, int i, List<SecretSpan> out) {
        for (Map.Entry<String, Format> candidate : BY_FIRST_CHAR.get(text.charAt(i))) {
            if (text.startsWith(candidate.getKey(), i)) {
                Format format = candidate.getValue();
                Matcher matcher = format.pattern().matcher(text);
                int n = text.length();
                int limit = format.kind() == SecretKind.PRIVATE_KEY ? n : Math.min(n, i + MAX_TOKEN);
                matcher.region(i, limit);
                if (matcher.lookingAt() && format.valid().test(matcher.group())) {
                    out.add(new SecretSpan(format.kind(), i, matcher.end()));
                    return matcher.end();
                }
            }
        }
        return i + 1;
    }

    private static boolean hasDigit(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isDigit(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Digits, lower and upper case letters all present after the prefix: a key, not a hyphenated name. */
    private static boolean looksRandom(String value) {
        boolean digit = false;
        boolean lower = false;
        boolean upper = false;
        for (int i = 3; i < value.length(); i++) {
            char c = value.charAt(i);
            digit |= c >= '0' && c <= '9';
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
        }
        return digit && lower && upper;
    }

    /** Whether the first part decodes (base64url) to a JSON object naming an {@code "alg"}. */
    private static boolean jwtHeader(String token) {
        String header = token.substring(0, token.indexOf('.'));
        try {
            String json = new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8).strip();
            return json.startsWith("{") && json.contains("\"alg\"");
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
