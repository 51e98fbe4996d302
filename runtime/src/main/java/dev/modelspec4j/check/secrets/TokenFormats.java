package dev.modelspec4j.check.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Secrets with a recognisable format: vendor tokens with a fixed prefix, JWTs and PEM private keys. Each format
 * has literal anchors; the scan ({@link SecretScan}) looks for them at word starts, and a hand-written matcher runs
 * only where an anchor is, so ordinary text costs one table look-up per word.
 *
 * <p>Each matcher does what the format's regular expression (in the comment beside it) would do anchored at the
 * anchor over a region of {@value #MAX_TOKEN} characters (the whole rest of the text for a private key), but reads
 * the token alphabet through {@link RunEnds}, which remembers the last run it measured: a text packed with anchors
 * whose match fails ({@code sk-sk-sk-...}) is read a bounded number of times in all, not up to {@value #MAX_TOKEN}
 * characters per anchor. The checks that look at a whole match (a digit in a Slack token, mixed case in an OpenAI
 * key, the JWT header) are answered from remembered positions too, and the private-key rule remembers how far it
 * looked for the end of a key.
 */
final class TokenFormats {

    static final int MAX_TOKEN = 2048;
    /** Longest private-key body, in code points. */
    static final int MAX_KEY_BODY = 16384;

    private enum Rule { AWS, GITHUB, GITHUB_PAT, GITLAB, SLACK, SLACK_WEBHOOK, STRIPE, OPENAI, GOOGLE, JWT, PEM, PREFIXED }

    /**
     * A format: its anchors and its rule; for {@link Rule#PREFIXED}, the token after the anchor is a run of
     * {@code body} characters whose length is within {@code [min, max]} (the run ends there: a longer run is no
     * such token).
     */
    private record Format(SecretKind kind, List<String> anchors, Rule rule, boolean[] body, int min, int max) {

        Format(SecretKind kind, List<String> anchors, Rule rule) {
            this(kind, anchors, rule, null, 0, 0);
        }

        static Format prefixed(SecretKind kind, List<String> anchors, boolean[] body, int min, int max) {
            return new Format(kind, anchors, Rule.PREFIXED, body, min, max);
        }
    }

    /**
     * What may follow a format's anchor while its token is still being written: the token's alphabet and its
     * longest length after the anchor (private keys, which have lines, are judged by {@link Scan#keyOpen}).
     */
    private record Growth(boolean[] alphabet, int maxLength) {
    }

    private static final boolean[] UPPER_DIGIT = RunEnds.table("AZ09");
    private static final boolean[] ALNUM = RunEnds.table("AZaz09");
    private static final boolean[] ALNUM_UNDERSCORE = RunEnds.table("AZaz09__");
    private static final boolean[] BASE64URL = RunEnds.table("AZaz09__--");
    private static final boolean[] LETTERS = RunEnds.table("AZaz");
    private static final boolean[] HEX = RunEnds.table("afAF09");
    private static final boolean[] UPPER_DIGIT_DASH = RunEnds.table("AZ09--");
    private static final boolean[] HEX_DASH = RunEnds.table("afAF09--");
    private static final boolean[] BASE64URL_DOT = RunEnds.table("AZaz09__--..");
    private static final boolean[] BASE64URL_PAD = RunEnds.table("AZaz09__--==");
    private static final boolean[] BASE64_PAD = RunEnds.table("AZaz09++//==");

    private static final java.util.Set<String> AWS_ANCHORS = java.util.Set.of("AKIA", "ASIA", "AGPA", "AIDA", "AROA",
            "AIPA", "ANPA", "ANVA", "ABIA", "ACCA");

    private static final List<Format> FORMATS = List.of(
            // A[A-Z]{3}[A-Z0-9]{16}(?![A-Za-z0-9])
            new Format(SecretKind.AWS_ACCESS_KEY, AWS_ANCHORS.stream().sorted().toList(), Rule.AWS),
            // gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])
            new Format(SecretKind.GITHUB_TOKEN, List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"), Rule.GITHUB),
            // github_pat_[A-Za-z0-9_]{22,244}
            new Format(SecretKind.GITHUB_TOKEN, List.of("github_pat_"), Rule.GITHUB_PAT),
            // glpat-[A-Za-z0-9_-]{20,}
            new Format(SecretKind.GITLAB_TOKEN, List.of("glpat-"), Rule.GITLAB),
            // xox[abeprs]-[A-Za-z0-9-]{20,} with a digit; xapp-: app-level tokens. xoxe.xoxp- (configuration
            // tokens) is found from its xoxp-
            new Format(SecretKind.SLACK_TOKEN, List.of("xoxa-", "xoxb-", "xoxe-", "xoxp-", "xoxr-", "xoxs-", "xapp-"),
                    Rule.SLACK),
            // https://hooks\.slack\.com/(?:services|workflows)/[A-Za-z0-9_/]{20,}
            new Format(SecretKind.SLACK_WEBHOOK, List.of("https://hooks.slack.com/", "http://hooks.slack.com/"),
                    Rule.SLACK_WEBHOOK),
            // [srp]k_(?:live|test)_[A-Za-z0-9]{16,}
            new Format(SecretKind.STRIPE_KEY, List.of("sk_live_", "sk_test_", "sk_prod_", "rk_live_", "rk_test_",
                    "rk_prod_", "pk_live_", "whsec_"), Rule.STRIPE),
            // sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{80,}: before OpenAI's sk-, which would also take it
            Format.prefixed(SecretKind.ANTHROPIC_KEY, List.of("sk-ant-"), BASE64URL, 40, MAX_TOKEN),
            // sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,} with digits, lower and upper case after "sk-"
            new Format(SecretKind.OPENAI_KEY, List.of("sk-"), Rule.OPENAI),
            // AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])
            new Format(SecretKind.GOOGLE_API_KEY, List.of("AIza"), Rule.GOOGLE),
            // npm_[A-Za-z0-9]{36}
            Format.prefixed(SecretKind.NPM_TOKEN, List.of("npm_"), ALNUM, 36, 36),
            // hf_[A-Za-z]{34}, api_org_[A-Za-z]{34}
            Format.prefixed(SecretKind.HUGGINGFACE_TOKEN, List.of("hf_", "api_org_"), LETTERS, 34, 34),
            // pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}: the macaroon's fixed start ("pypi.org")
            Format.prefixed(SecretKind.PYPI_TOKEN, List.of("pypi-AgEIcHlwaS5vcmc"), BASE64URL, 50, MAX_TOKEN),
            // SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}
            Format.prefixed(SecretKind.SENDGRID_KEY, List.of("SG."), BASE64URL_DOT, 66, 66),
            // other vendors' documented prefixes, each with its body's alphabet and length
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("ops_eyJ"), BASE64URL_PAD, 100, MAX_TOKEN), // 1Password
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("A3-"), UPPER_DIGIT_DASH, 33, 40), // 1Password
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("AGE-SECRET-KEY-1"), UPPER_DIGIT, 58, 58), // age
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("ABSKQmVkcm9ja0FQSUtleS"), BASE64_PAD, 100,
                    MAX_TOKEN), // Amazon Bedrock
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("ATATT3"), BASE64URL_PAD, 100, MAX_TOKEN), // Atlassian
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("CLOJARS_"), ALNUM, 40, 80), // Clojars
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("dop_v1_", "doo_v1_", "dor_v1_"), HEX, 64, 64),
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("fm1r_", "fm1a_", "fm2_"), BASE64_PAD, 60, MAX_TOKEN),
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("glrt-", "gldt-", "glptt-", "glft-", "glsoat-"),
                    BASE64URL, 20, MAX_TOKEN), // GitLab runner, deploy, trigger, feed, OAuth tokens
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("glc_"), BASE64URL_PAD, 32, MAX_TOKEN), // Grafana cloud
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("glsa_"), ALNUM_UNDERSCORE, 40, 48), // Grafana service
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("HRKU-"), BASE64URL, 60, 60), // Heroku
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("lin_api_"), ALNUM, 40, 40), // Linear
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("ntn_"), ALNUM, 40, 50), // Notion
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("PMAK-"), HEX_DASH, 55, 60), // Postman
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("pnu_"), ALNUM, 36, 36), // Prefect
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("pplx-"), ALNUM, 40, 56), // Perplexity
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("pul-"), HEX, 40, 40), // Pulumi
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("rdme_"), ALNUM, 70, 70), // ReadMe
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("s-s4t2ud-", "s-s4t2af-"), HEX, 64, 64), // 42 intra
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("sgp_"), ALNUM_UNDERSCORE, 40, 80), // Sourcegraph
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("sha256~"), BASE64URL, 43, 43), // OpenShift
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("shpat_", "shpca_", "shppa_", "shpss_"), HEX, 32, 32),
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("sntrys_"), BASE64URL_PAD, 60, MAX_TOKEN), // Sentry
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("sntryu_"), HEX, 64, 64), // Sentry user
            Format.prefixed(SecretKind.VENDOR_TOKEN, List.of("sq0atp-", "sq0csp-"), BASE64URL, 22, 60), // Square
            // eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*, the first part a JSON object naming "alg"
            new Format(SecretKind.JWT, List.of("eyJ"), Rule.JWT),
            // -----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----(?s:.{0,16384}?)
            //         (?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|\n\s*\n|\z)
            new Format(SecretKind.PRIVATE_KEY, List.of("-----BEGIN "), Rule.PEM));

    private TokenFormats() {
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

    /** Longest anchor, in characters. */
    static final int LONGEST_ANCHOR = FORMATS.stream().flatMap(f -> f.anchors().stream())
            .mapToInt(String::length).max().orElseThrow();

    /**
     * Whether a token of a known format starts at {@code i} in {@code text} and may still be growing: {@code text}
     * ends inside its anchor, or after the anchor with nothing but characters the token may hold, and no longer
     * than its longest form (a private key: inside its header, or in its body before an END line or blank line,
     * within {@value #MAX_KEY_BODY} code points). Characters that the normalisation drops (zero-width ones) do not
     * end a token. A stream holds such a token back from {@code i} until it ends.
     */
    static boolean openAt(String text, int i) {
        int n = text.length();
        char first = text.charAt(i);
        if (first >= 128 || BY_FIRST_CHAR.get(first) == null) {
            return false;
        }
        for (Map.Entry<String, Format> candidate : BY_FIRST_CHAR.get(first)) {
            String anchor = candidate.getKey();
            int seen = Math.min(anchor.length(), n - i);
            if (!text.regionMatches(i, anchor, 0, seen)) {
                continue;
            }
            if (seen < anchor.length()) {
                return true; // the text ends inside the anchor
            }
            Format format = candidate.getValue();
            if (format.rule() == Rule.PEM ? new Scan(text).keyOpen(i + anchor.length())
                    : grows(text, i, anchor.length(), format)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the token of {@code format} after its anchor at {@code i} runs to the end of the text, still short. */
    private static boolean grows(String text, int i, int anchor, Format format) {
        Growth growth = switch (format.rule()) {
            case PREFIXED -> new Growth(format.body(), format.max());
            case AWS -> new Growth(UPPER_DIGIT, 16);
            case GITHUB -> new Growth(ALNUM, 251);
            case GITHUB_PAT -> new Growth(ALNUM_UNDERSCORE, 244);
            case SLACK -> new Growth(ALNUM_DASH, MAX_TOKEN);
            case SLACK_WEBHOOK -> new Growth(WEBHOOK_PATH, MAX_TOKEN);
            case STRIPE -> new Growth(ALNUM, MAX_TOKEN);
            case GOOGLE -> new Growth(BASE64URL, 35);
            case JWT -> new Growth(JWT_CHARS, MAX_TOKEN);
            default -> new Growth(BASE64URL, MAX_TOKEN); // GitLab, OpenAI
        };
        int dots = 0;
        int length = 0;
        for (int q = i + anchor; q < text.length(); q++) {
            char c = text.charAt(q);
            if (Character.getType(c) == Character.FORMAT) {
                continue;
            }
            if (c >= 128 || !growth.alphabet()[c] || c == '.' && ++dots > 2 || ++length > growth.maxLength()
                    || q - i >= MAX_TOKEN) {
                return false;
            }
        }
        return true;
    }

    private static final boolean[] AZURE_CHARS = RunEnds.table("AZaz09__~~..--");

    /**
     * An Azure AD client secret around the {@code ~} at {@code t}: {@code [A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}}
     * standing alone (no letter or digit before or after it). Reads at most 40 characters; returns the span's end
     * or -1 and adds it to {@code out}.
     */
    static int azureAt(String text, int t, List<SecretSpan> out) {
        int n = text.length();
        int start = t - 5;
        if (start < 0 || text.charAt(t - 1) != 'Q' || !Character.isDigit(text.charAt(t - 2))
                || start > 0 && isAlnum(text.charAt(start - 1))) {
            return -1;
        }
        for (int k = start; k < t - 2; k++) {
            char c = text.charAt(k);
            if (c >= 128 || !AZURE_CHARS[c] || c == '-') {
                return -1;
            }
        }
        int end = t + 1;
        while (end < n && end - t <= 35 && text.charAt(end) < 128 && AZURE_CHARS[text.charAt(end)]) {
            end++;
        }
        int length = end - t - 1;
        if (length < 31 || length > 34 || end < n && isAlnum(text.charAt(end))
                || Placeholders.isPlaceholder(text, t + 1, end)) {
            return -1;
        }
        out.add(new SecretSpan(SecretKind.AZURE_CLIENT_SECRET, start, end));
        return end;
    }

    private static boolean isAlnum(char c) {
        return c < 128 && ALNUM[c];
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

    private static final boolean[] ALNUM_DASH = RunEnds.table("AZaz09--");
    private static final boolean[] JWT_CHARS = RunEnds.table("AZaz09__--..");
    private static final boolean[] WEBHOOK_PATH = RunEnds.table("AZaz09__//");
    private static final boolean[] KEY_LABEL = RunEnds.table("AZ09  ");
    private static final boolean[] NOT_DIGIT = RunEnds.not(RunEnds.table("09"));
    private static final boolean[] NOT_LOWER = RunEnds.not(RunEnds.table("az"));
    private static final boolean[] NOT_UPPER = RunEnds.not(RunEnds.table("AZ"));
    private static final byte[] ALG = "\"alg\"".getBytes(StandardCharsets.US_ASCII);

    /**
     * The token formats over one text, for one scan: {@link #at} is called at anchors in ascending order, and keeps
     * what it learnt about the text for the anchors after. Not thread-safe.
     */
    static final class Scan {

        private final String text;
        private final int n;
        /** Characters read by the matchers (the first element), for tests of linearity. */
        private final long[] work = new long[1];
        private final RunEnds aws;
        private final RunEnds github;
        private final RunEnds githubPat;
        private final RunEnds gitlab;
        private final RunEnds slack;
        private final RunEnds slackDigit;
        private final RunEnds webhook;
        private final RunEnds stripe;
        private final RunEnds openai;
        private final RunEnds openaiDigit;
        private final RunEnds openaiLower;
        private final RunEnds openaiUpper;
        private final RunEnds google;
        private final RunEnds jwtHeader;
        private final RunEnds jwtPayload;
        private final RunEnds jwtSignature;
        private final RunEnds keyLabel;
        /** Runs of each {@link Rule#PREFIXED} body alphabet, shared by the formats that use it. */
        private final java.util.IdentityHashMap<boolean[], RunEnds> bodies = new java.util.IdentityHashMap<>();
        /** Public PEM blocks (certificates, public keys ...) found so far, as start/end pairs in ascending order. */
        private int[] publicBlocks = new int[0];
        private int publicCount;
        // the next "-----END " at or after endSearchFrom, or -1 if there is none before endSearchTo
        private int endFound = -1;
        private int endSearchedTo;
        // JWT headers: whether the first part [start, jwtDot) names "alg", per start modulo 4
        private int jwtDot = -1;
        private final int[] jwtAlg = new int[4];
        // private keys: every position in [keyFrom, keyFrontier) ends no key body, and keyEnd (if >= 0) does
        private int keyFrontier;
        private int keyEnd = -1;
        private final CodePoints bodyStarts = new CodePoints();
        private final CodePoints bodyEnds = new CodePoints();

        Scan(String text) {
            this.text = text;
            this.n = text.length();
            aws = runs(UPPER_DIGIT, false);
            github = runs(ALNUM, false);
            githubPat = runs(ALNUM_UNDERSCORE, false);
            gitlab = runs(BASE64URL, false);
            slack = runs(ALNUM_DASH, false);
            slackDigit = runs(NOT_DIGIT, true);
            webhook = runs(WEBHOOK_PATH, false);
            stripe = runs(ALNUM, false);
            openai = runs(BASE64URL, false);
            openaiDigit = runs(NOT_DIGIT, true);
            openaiLower = runs(NOT_LOWER, true);
            openaiUpper = runs(NOT_UPPER, true);
            google = runs(BASE64URL, false);
            jwtHeader = runs(BASE64URL, false);
            jwtPayload = runs(BASE64URL, false);
            jwtSignature = runs(BASE64URL, false);
            keyLabel = runs(KEY_LABEL, false);
        }

        private RunEnds runs(boolean[] table, boolean nonAscii) {
            return new RunEnds(text, table, nonAscii, work);
        }

        /** The public PEM blocks found, as start/end pairs in ascending order. */
        int[] publicBlocks() {
            return java.util.Arrays.copyOf(publicBlocks, publicCount);
        }

        /** Characters the matchers have read so far. */
        long work() {
            return work[0];
        }

        /**
         * Tries the formats whose anchor is at {@code i}, a word start (the character before is not a letter or
         * digit) whose first two characters {@link #startsAnchor start an anchor}, at or after the previous call's
         * {@code i}. Returns where the scan goes on: past the token found, or {@code i + 1}.
         */
        int at(int i, List<SecretSpan> out) {
            for (Map.Entry<String, Format> candidate : BY_FIRST_CHAR.get(text.charAt(i))) {
                work[0]++;
                if (text.startsWith(candidate.getKey(), i)) {
                    Format format = candidate.getValue();
                    int anchor = candidate.getKey().length();
                    int end = match(format, i, anchor);
                    if (end >= 0 && format.rule() != Rule.PEM && (Placeholders.elidedAfter(text, end)
                            || (format.rule() == Rule.AWS ? Placeholders.hasMaskRun(text, i + anchor, end)
                                    : Placeholders.isPlaceholder(text, i + anchor, end)))) {
                        end = -1;
                    }
                    if (end >= 0) {
                        out.add(new SecretSpan(format.kind(), i, end));
                        return end;
                    }
                }
            }
            return i + 1;
        }

        /**
         * An AWS key id whose anchor is at {@code i} but glued to the text before it ({@code keyAKIA...}): the
         * character before is a letter or {@code _} but not an upper-case letter or a digit. Such a key id must hold
         * a digit, as every key id generated since 2012 does with near certainty, so that upper-case words do not
         * qualify. Returns where the scan goes on, as {@link #at} does.
         */
        int gluedAt(int i, List<SecretSpan> out) {
            work[0]++;
            if (i + 4 > n || !AWS_ANCHORS.contains(text.substring(i, i + 4))) {
                return i + 1;
            }
            int end = aws(i + 4, true);
            if (end < 0) {
                return i + 1;
            }
            if (Placeholders.hasMaskRun(text, i + 4, end)) {
                return i + 1;
            }
            out.add(new SecretSpan(SecretKind.AWS_ACCESS_KEY, i, end));
            return end;
        }

        /**
         * End of an AWS key id whose 16 characters start at {@code p}, or -1. Followed by a letter or digit, it
         * counts only when it holds a digit ({@code AKIA...EXAMPLEsecret}); {@code glued}: it must hold one anyway.
         */
        private int aws(int p, boolean glued) {
            if (aws.end(p) - p < 16) {
                return -1;
            }
            boolean digit = false;
            for (int k = p; k < p + 16; k++) {
                digit |= text.charAt(k) <= '9';
            }
            work[0] += 16;
            boolean followed = p + 16 < n && isAlnum(text.charAt(p + 16));
            return digit || !glued && !followed ? p + 16 : -1;
        }

        /** End of the token of {@code format} whose anchor, {@code anchor} long, is at {@code i}; or -1. */
        private int match(Format format, int i, int anchor) {
            int p = i + anchor;
            int limit = Math.min(n, i + MAX_TOKEN);
            return switch (format.rule()) {
                case AWS -> aws(p, false);
                case PREFIXED -> {
                    int r = bodies.computeIfAbsent(format.body(), table -> runs(table, false)).end(p);
                    yield r - p >= format.min() && r - p <= format.max() && r <= limit ? r : -1;
                }
                case GITHUB -> {
                    int r = Math.min(github.end(p), limit);
                    yield r - p >= 36 && r - p <= 251 && !(r < limit && text.charAt(r) == '_') ? r : -1;
                }
                case GITHUB_PAT -> {
                    int r = Math.min(githubPat.end(p), limit);
                    yield r - p >= 22 ? Math.min(r, p + 244) : -1;
                }
                case GITLAB -> atLeast(gitlab, p, limit, 20);
                case SLACK -> {
                    int r = atLeast(slack, p, limit, 20);
                    yield r >= 0 && slackDigit.end(p) < r ? r : -1;
                }
                case SLACK_WEBHOOK -> {
                    int q = text.startsWith("services/", p) ? p + 9 : text.startsWith("workflows/", p) ? p + 10 : -1;
                    yield q >= 0 && q <= limit ? atLeast(webhook, q, limit, 20) : -1;
                }
                case STRIPE -> atLeast(stripe, p, limit, 16);
                case OPENAI -> {
                    int r = atLeast(openai, p, limit, 20);
                    yield r >= 0 && openaiDigit.end(p) < r && openaiLower.end(p) < r && openaiUpper.end(p) < r
                            ? r : -1;
                }
                case GOOGLE -> Math.min(google.end(p), limit) - p == 35 ? p + 35 : -1;
                case JWT -> jwt(i, p, limit);
                case PEM -> privateKey(p);
            };
        }

        /** End of the run of {@code runs} from {@code p} within {@code limit} if it is {@code min} long, or -1. */
        private static int atLeast(RunEnds runs, int p, int limit, int min) {
            int r = Math.min(runs.end(p), limit);
            return r - p >= min ? r : -1;
        }

        private int jwt(int i, int p, int limit) {
            int dot1 = Math.min(jwtHeader.end(p), limit);
            if (dot1 - p < 5 || dot1 >= limit || text.charAt(dot1) != '.') {
                return -1;
            }
            int dot2 = Math.min(jwtPayload.end(dot1 + 1), limit);
            if (dot2 - dot1 - 1 < 5 || dot2 >= limit || text.charAt(dot2) != '.') {
                return -1;
            }
            int end = Math.min(jwtSignature.end(dot2 + 1), limit);
            return namesAlg(i, dot1) ? end : -1;
        }

        /**
         * Whether {@code text[start, dot)}, base64url starting with {@code eyJ}, decodes to a JSON object naming
         * {@code "alg"}: its first byte is then '{', and ASCII bytes stay themselves in UTF-8, so the test is
         * whether the bytes hold {@code "alg"}. Starts with the same {@code dot} and the same remainder modulo 4
         * decode to suffixes of one another; the last occurrence in the longest answers for all of them.
         */
        private boolean namesAlg(int start, int dot) {
            if (dot != jwtDot) {
                jwtDot = dot;
                java.util.Arrays.fill(jwtAlg, Integer.MIN_VALUE);
            }
            int phase = start & 3;
            if (jwtAlg[phase] == Integer.MIN_VALUE) {
                jwtAlg[phase] = lastAlg(start, dot);
            }
            return jwtAlg[phase] >= start;
        }

        /** Where the 4-character group holding the start of the last {@code "alg"} in the decoding starts, or -1. */
        private int lastAlg(int start, int dot) {
            work[0] += dot - start;
            byte[] bytes;
            try {
                bytes = Base64.getUrlDecoder().decode(text.substring(start, dot));
            } catch (IllegalArgumentException notBase64) {
                return -1;
            }
            outer:
            for (int k = bytes.length - ALG.length; k >= 0; k--) {
                for (int m = 0; m < ALG.length; m++) {
                    if (bytes[k + m] != ALG[m]) {
                        continue outer;
                    }
                }
                return start + 4 * (k / 3);
            }
            return -1;
        }

        /**
         * End of a private key whose label starts at {@code p}, after {@code -----BEGIN }; or -1. A header must be
         * followed by key material ({@link #keyMaterial}): a header named in prose is no key. A block of public
         * material (a certificate, a public key, a PGP public key block or signature: any label that is not a
         * private key's) is remembered up to its END line, so that the random-looking lines of its body are not
         * reported.
         */
        private int privateKey(int p) {
            int label = keyLabel.end(p);
            if (!text.startsWith("-----", label)) {
                return -1;
            }
            if (!endsPrivateKey(p, label)) {
                publicBlock(p - 11, label + 5);
                return -1;
            }
            int body = label + 5;
            if (keyMaterial(body) <= 0) {
                return -1;
            }
            int t = keyBodyEnd(body);
            return t < 0 ? -1 : keyEndAt(t);
        }

        /**
         * Whether key material follows a private-key header whose body starts at {@code body}: after white space
         * (or escaped line breaks, {@code \n}, as in JSON strings) either 16 base64 characters or an RFC 1421/4880
         * header line ({@code Proc-Type:}, {@code Version:} ...). 1 yes, -1 no, 0 not known yet (the text ends
         * first). Reads at most 80 characters.
         */
        int keyMaterial(int body) {
            int q = body;
            int limit = Math.min(n, body + 80);
            while (q < limit) {
                char c = text.charAt(q);
                if (c == '\\' && q + 1 < n && (text.charAt(q + 1) == 'n' || text.charAt(q + 1) == 'r')) {
                    q += 2;
                } else if (isSpace(c)) {
                    q++;
                } else {
                    break;
                }
            }
            int run = q;
            while (run < limit && (Entropy.isBase64(text.charAt(run)))) {
                run++;
            }
            work[0] += run - body;
            if (run - q >= 16) {
                return 1;
            }
            if (run > q && run < limit && text.charAt(run) == ':') {
                return 1; // a header line
            }
            return run == n ? 0 : -1;
        }

        /**
         * Remembers the public PEM block whose header starts at {@code start} and whose body starts at {@code body}
         * if its END line follows within {@value #MAX_KEY_BODY} characters.
         */
        private void publicBlock(int start, int body) {
            int end = nextEnd(body);
            if (end < 0 || end - body > 2 * MAX_KEY_BODY) {
                return;
            }
            int close = end + 9;
            while (close < n && close < end + 9 + MAX_TOKEN && text.charAt(close) != '\n') {
                close++;
            }
            work[0] += close - end;
            if (publicCount + 2 > publicBlocks.length) {
                publicBlocks = java.util.Arrays.copyOf(publicBlocks, Math.max(8, publicBlocks.length * 2));
            }
            if (publicCount > 0 && publicBlocks[publicCount - 1] >= start) {
                publicBlocks[publicCount - 1] = Math.max(publicBlocks[publicCount - 1], close);
            } else {
                publicBlocks[publicCount++] = start;
                publicBlocks[publicCount++] = close;
            }
        }

        /**
         * The first {@code -----END } at or after {@code from}, or -1 within {@value #MAX_KEY_BODY} * 2 characters.
         * Calls come with ascending {@code from}; no character is searched twice.
         */
        private int nextEnd(int from) {
            if (endFound >= from) {
                return endFound;
            }
            int q = Math.max(from, endSearchedTo);
            int last = (int) Math.min(n, from + 2L * MAX_KEY_BODY);
            endFound = -1;
            while (q < last) {
                if (text.charAt(q) == '-' && text.startsWith("-----END ", q)) {
                    endFound = q;
                    break;
                }
                q++;
            }
            work[0] += q - Math.max(from, endSearchedTo) + 1;
            endSearchedTo = Math.max(endSearchedTo, q);
            return endFound;
        }

        /**
         * Whether a private key whose label starts at {@code p}, after {@code -----BEGIN }, may still be being
         * written: the text ends inside its header, or inside its body (no END line or blank line yet, and no
         * longer than a key body can be).
         */
        boolean keyOpen(int p) {
            int label = keyLabel.end(p);
            if (label == n) {
                return label - p <= MAX_TOKEN;
            }
            int dashes = Math.min(5, n - label);
            if (!text.regionMatches(label, "-----", 0, dashes)) {
                return false;
            }
            if (!endsPrivateKey(p, label)) {
                return false;
            }
            if (dashes < 5) {
                return true; // inside the header's closing dashes
            }
            int body = label + 5;
            if (keyMaterial(body) < 0) {
                return false; // a header named in prose
            }
            if (n - body > 2L * MAX_KEY_BODY) {
                return false;
            }
            for (int q = body; q < n; q++) {
                if (endsKeyBody(q)) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the label {@code text[from, to)} ends with {@code PRIVATE KEY} or {@code PRIVATE KEY BLOCK}. */
        private boolean endsPrivateKey(int from, int to) {
            return to - 11 >= from && text.startsWith("PRIVATE KEY", to - 11)
                    || to - 17 >= from && text.startsWith("PRIVATE KEY BLOCK", to - 17);
        }

        /**
         * The first position from {@code body}, at most {@value #MAX_KEY_BODY} code points on, where a key body
         * ends ({@link #endsKeyBody}), or -1. Calls come with ascending {@code body}; the positions known to end
         * no body are not looked at again.
         */
        private int keyBodyEnd(int body) {
            int t;
            if (keyEnd >= body) {
                t = keyEnd;
            } else {
                int q = Math.max(body, keyFrontier);
                int last = (int) Math.min(n, body + 2L * MAX_KEY_BODY);
                t = -1;
                while (q <= last) {
                    if (endsKeyBody(q)) {
                        t = q;
                        break;
                    }
                    q++;
                }
                work[0] += q - Math.max(body, keyFrontier) + 1;
                keyFrontier = t >= 0 ? t : last + 1;
                keyEnd = t;
            }
            if (t < 0 || t - body > MAX_KEY_BODY && codePoints(body, t) > MAX_KEY_BODY) {
                return -1;
            }
            return t;
        }

        /** Code points in {@code text[from, to)}, where both ascend from call to call. */
        private int codePoints(int from, int to) {
            if (bodyStarts.at == 0 && bodyEnds.at == 0) {
                bodyStarts.at = from; // both count from the first body measured
                bodyEnds.at = from;
            }
            return bodyEnds.before(to) - bodyStarts.before(from);
        }

        /** Code points from a base to a position, for positions that ascend: each character is counted once. */
        private final class CodePoints {
            private int at;
            private int before;

            int before(int position) {
                work[0] += position - at;
                before += Character.codePointCount(text, at, position);
                at = position;
                return before;
            }
        }

        /** Whether a key body can end at {@code q}: an END line, a blank line or the end of the text. */
        private boolean endsKeyBody(int q) {
            if (q >= n) {
                return true;
            }
            char c = text.charAt(q);
            if (c == '-') {
                return endLine(q) >= 0;
            }
            if (c == '\n') {
                for (int j = q + 1; j < n && isSpace(text.charAt(j)); j++) {
                    work[0]++;
                    if (text.charAt(j) == '\n') {
                        return true;
                    }
                }
            }
            return false;
        }

        /** End of {@code -----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----} at {@code q}, or -1. */
        private int endLine(int q) {
            if (!text.startsWith("-----END ", q)) {
                return -1;
            }
            int from = q + 9;
            int label = from;
            while (label < n && text.charAt(label) < 128 && KEY_LABEL[text.charAt(label)]) {
                label++;
            }
            work[0] += label - from;
            return text.startsWith("-----", label) && endsPrivateKey(from, label) ? label + 5 : -1;
        }

        /** End of the match whose body ends at {@code t}, tried in the order of the pattern's alternatives. */
        private int keyEndAt(int t) {
            int end = endLine(t);
            if (end >= 0) {
                return end;
            }
            if (t < n && text.charAt(t) == '\n') {
                int lastNewline = -1;
                for (int j = t + 1; j < n && isSpace(text.charAt(j)); j++) {
                    if (text.charAt(j) == '\n') {
                        lastNewline = j;
                    }
                }
                work[0] += lastNewline - t;
                return lastNewline + 1;
            }
            return n;
        }

        /** {@code \s} of java.util.regex: {@code [ \t\n\x0B\f\r]}. */
        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
        }
    }
}
