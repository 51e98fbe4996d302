package dev.modelspec4j.check.secrets;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Random-looking strings that are public by nature, which the entropy rule must let pass: what a string is can
 * often be read from the string itself (an SSH public key blob names its algorithm, a Bitcoin address carries its
 * checksum, base64 of prose decodes to prose) or from what stands just before it ({@code base64,} of a data URI,
 * {@code sha512-} of an integrity hash, a URL's path, the words {@code request id}).
 *
 * <p>Every test reads a bounded neighbourhood of the string or the string once, so judging the candidates of a text
 * stays linear in its length.
 */
final class PublicMaterial {

    /** Words that, just before a string on its line, say it is an identifier, a digest or an address. */
    private static final Set<String> PUBLIC_WORDS = Set.of("id", "ids", "uuid", "ulid", "nonce", "correlation",
            "trace", "traceparent", "span", "request", "req", "commit", "sha", "digest", "hash", "checksum",
            "fingerprint", "etag", "integrity", "address", "addr", "wallet", "btc", "bitcoin", "solana", "sol", "eth",
            "cid", "ipfs", "order", "ticket", "build", "version", "revision", "tracking", "reference", "ref");
    /** Words that say a secret follows; they win over {@link #PUBLIC_WORDS}. */
    private static final String[] SECRET_STEMS = {"key", "token", "secret", "pass", "pwd", "credential", "auth",
        "bearer", "cookie", "session", "private", "signature", "sig"};
    /** How far before a string its label is looked for, on the same line. */
    private static final int LABEL_WINDOW = 48;
    /** Longest string decoded as base64 or base58. */
    private static final int MAX_DECODED = 8192;
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private PublicMaterial() {
    }

    /** Whether the free-text string {@code text[start, end)} is public: its content, or its label, says so. */
    static boolean isPublicRun(String text, int start, int end) {
        return isPublicValue(text, start, end) || labelledPublic(text, start) || inUrlPath(text, start)
                || fileName(text, end) || Placeholders.isPlaceholder(text, start, end) || example(text, start, end);
    }

    /**
     * Whether the string {@code text[start, end)} is public by its content or by what immediately precedes it:
     * the payload of a data URI, an integrity hash, an SSH public key blob, a Bitcoin address or IPFS content id
     * that passes its checksum, base64 of text, identifier words, or an alphabet listing.
     */
    static boolean isPublicValue(String text, int start, int end) {
        return dataUriPayload(text, start) || integrityHash(text, start, end) || sshKeyBlob(text, start, end)
                || base58Address(text, start, end) || identifierWords(text, start, end) || alphabet(text, start, end)
                || base64Text(text, start, end);
    }

    /** A string saying it is an example ({@code ...EXAMPLEKEY}); bounded: runs are judged once each. */
    private static boolean example(String text, int start, int end) {
        for (int i = start; i + 7 <= end; i++) {
            if (text.regionMatches(true, i, "example", 0, 7)) {
                return true;
            }
        }
        return false;
    }

    private static boolean dataUriPayload(String text, int start) {
        return start >= 7 && text.regionMatches(true, start - 7, "base64,", 0, 7);
    }

    /** {@code sha256-...}, {@code sha384-...}, {@code sha512-...}, {@code sha1-...}: subresource integrity. */
    private static boolean integrityHash(String text, int start, int end) {
        for (String prefix : new String[] {"sha256-", "sha384-", "sha512-", "sha1-"}) {
            if (end - start > prefix.length() + 20 && text.regionMatches(true, start, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    /** An SSH public key blob: base64 of a length-prefixed algorithm name ({@code AAAAB3NzaC1yc2E} = ssh-rsa). */
    private static boolean sshKeyBlob(String text, int start, int end) {
        if (end - start < 24 || !text.startsWith("AAAA", start)) {
            return false;
        }
        byte[] head = decode64(text.substring(start, start + 24));
        if (head == null) {
            return false;
        }
        int length = head[3] & 0xFF;
        String name = new String(head, 4, Math.min(14, head.length - 4), StandardCharsets.ISO_8859_1);
        return head[0] == 0 && head[1] == 0 && head[2] == 0 && length >= 7 && length <= 64
                && (name.startsWith("ssh-") || name.startsWith("ecdsa-") || name.startsWith("sk-")
                        || name.startsWith("rsa-"));
    }

    /**
     * A base58check Bitcoin address (version 0 or 5, or testnet 111 or 196: never a private key's 128 or 239) or a
     * CIDv0 IPFS content id ({@code Qm}, a SHA-256 multihash).
     */
    private static boolean base58Address(String text, int start, int end) {
        int length = end - start;
        if (length < 25 || length > 50) {
            return false;
        }
        BigInteger value = BigInteger.ZERO;
        BigInteger base = BigInteger.valueOf(58);
        int zeros = 0;
        for (int i = start; i < end; i++) {
            int digit = BASE58.indexOf(text.charAt(i));
            if (digit < 0) {
                return false;
            }
            if (digit == 0 && zeros == i - start) {
                zeros++;
            }
            value = value.multiply(base).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.toByteArray();
        int skip = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
        byte[] bytes = new byte[zeros + magnitude.length - skip];
        System.arraycopy(magnitude, skip, bytes, zeros, magnitude.length - skip);
        if (bytes.length == 34 && bytes[0] == 0x12 && bytes[1] == 0x20 && text.startsWith("Qm", start)) {
            return true;
        }
        if (bytes.length != 25) {
            return false;
        }
        int version = bytes[0] & 0xFF;
        if (version != 0 && version != 5 && version != 111 && version != 196) {
            return false;
        }
        byte[] check = sha256(sha256(Arrays.copyOf(bytes, 21)));
        return Arrays.equals(Arrays.copyOfRange(bytes, 21, 25), Arrays.copyOf(check, 4));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Names made of words, as in code and markup ({@code desktop-SponsoredProductsRemoteSearch}): at least 60 % of
     * the characters are in capitalised or lower-case words of four to sixteen letters (a longer run of lower-case
     * letters is no word of a name). Random strings have few such
     * words: three lower-case letters in a row are already unlikely.
     */
    static boolean identifierWords(String text, int start, int end) {
        int inWords = 0;
        int i = start;
        while (i < end) {
            int j = i;
            if (Character.isUpperCase(text.charAt(j)) && j + 1 < end && Character.isLowerCase(text.charAt(j + 1))) {
                j++;
            }
            while (j < end && text.charAt(j) >= 'a' && text.charAt(j) <= 'z') {
                j++;
            }
            if (j - i >= 4 && j - i <= 16) {
                inWords += j - i;
            }
            i = Math.max(j, i + 1);
        }
        return inWords * 10 >= (end - start) * 6;
    }

    /** An alphabet written out ({@code ABCDEFGHIJ...}): most neighbours are consecutive characters. */
    private static boolean alphabet(String text, int start, int end) {
        int consecutive = 0;
        for (int i = start + 1; i < end; i++) {
            if (text.charAt(i) == text.charAt(i - 1) + 1) {
                consecutive++;
            }
        }
        return consecutive * 2 > end - start;
    }

    /**
     * Base64 of text: it decodes to printable ASCII with at least two spaces and mostly letters, and the text names
     * no secret. Basic-auth credentials ({@code user:pass}) have no spaces and do not qualify.
     */
    private static boolean base64Text(String text, int start, int end) {
        if (end - start < 16 || end - start > MAX_DECODED) {
            return false;
        }
        byte[] bytes = decode64(text.substring(start, end));
        if (bytes == null || bytes.length < 12) {
            return false;
        }
        int spaces = 0;
        int letters = 0;
        for (byte b : bytes) {
            if (b == ' ') {
                spaces++;
            } else if (Character.isLetter(b)) {
                letters++;
            } else if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' || b >= 0x7F || b < 0) {
                return false;
            }
        }
        if (spaces < 2 || (letters + spaces) * 10 < bytes.length * 7) {
            return false;
        }
        String decoded = new String(bytes, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
        for (String word : new String[] {"password", "secret", "token", "private", "credential", "api_key", "apikey"}) {
            if (decoded.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Base64 or base64url, padded or not; null if it is neither. */
    private static byte[] decode64(String value) {
        String unpadded = value;
        while (unpadded.endsWith("=")) {
            unpadded = unpadded.substring(0, unpadded.length() - 1);
        }
        if (unpadded.length() % 4 == 1) {
            return null;
        }
        try {
            boolean url = unpadded.indexOf('-') >= 0 || unpadded.indexOf('_') >= 0;
            return (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(pad(unpadded));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static String pad(String unpadded) {
        int rest = unpadded.length() % 4;
        return rest == 0 ? unpadded : unpadded + "==".substring(0, 4 - rest);
    }

    /**
     * Whether the words on the string's line just before it label it public ({@code request id}, {@code BTC
     * address}) and none of them speaks of a secret ({@code key}, {@code token} ...).
     */
    private static boolean labelledPublic(String text, int start) {
        int from = start;
        while (from > 0 && start - from < LABEL_WINDOW && text.charAt(from - 1) != '\n') {
            from--;
        }
        boolean publicWord = false;
        int i = from;
        while (i < start) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < start && Character.isLetter(text.charAt(j))) {
                // camelCase and snake_case split into words
                if (j > i && Character.isUpperCase(text.charAt(j)) && Character.isLowerCase(text.charAt(j - 1))) {
                    break;
                }
                j++;
            }
            String word = text.substring(i, j).toLowerCase(Locale.ROOT);
            for (String stem : SECRET_STEMS) {
                if (word.startsWith(stem)) {
                    return false;
                }
            }
            publicWord |= PUBLIC_WORDS.contains(word);
            i = j;
        }
        return publicWord;
    }

    /**
     * Whether the string is a segment of a URL's path ({@code https://host/a/b/STRING}): identifiers of documents
     * and images, public by being in a link. A query's values follow {@code =} and are judged as assignments.
     */
    private static boolean inUrlPath(String text, int start) {
        int i = start;
        int limit = Math.max(0, start - 256);
        while (i > limit) {
            char c = text.charAt(i - 1);
            if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '(' || c == '<' || c == '?' || c == '='
                    || c == '&' || c == '@') {
                return false;
            }
            if (c == '/' && i >= 3 && text.charAt(i - 2) == '/' && text.charAt(i - 3) == ':') {
                return i < start; // the host follows "://": the string is further on
            }
            i--;
        }
        return false;
    }

    /** Whether a file extension follows the string ({@code name-9F3A...C.bfu}, {@code main-Xk92Lm.js}). */
    private static boolean fileName(String text, int end) {
        if (end >= text.length() || text.charAt(end) != '.') {
            return false;
        }
        int j = end + 1;
        while (j < text.length() && j - end <= 6 && text.charAt(j) >= 'a' && text.charAt(j) <= 'z') {
            j++;
        }
        return j - end >= 2 && j - end <= 5 && (j == text.length() || !Character.isLetterOrDigit(text.charAt(j)));
    }
}
