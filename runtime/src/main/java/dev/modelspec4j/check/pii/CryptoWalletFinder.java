package dev.modelspec4j.check.pii;

import dev.modelspec4j.annotation.PiiType;
import java.util.List;

/**
 * Cryptocurrency addresses whose form can be verified:
 * <ul>
 *   <li>Bitcoin P2PKH and P2SH ({@code 1...}, {@code 3...}): 26-35 base58 characters decoding to version byte 0
 *       or 5, a 20-byte hash and a 4-byte double-SHA-256 checksum that must match;</li>
 *   <li>Bitcoin segwit ({@code bc1...}): bech32 for witness version 0, bech32m for versions 1-16, checksum
 *       verified, lower or upper case but not mixed;</li>
 *   <li>Ethereum: {@code 0x} and exactly 40 hex digits (the optional EIP-55 mixed-case checksum needs Keccak and
 *       is not verified).</li>
 * </ul>
 */
final class CryptoWalletFinder {

    /** Shortest base58 address. */
    static final int MIN_BASE58 = 26;

    private CryptoWalletFinder() {
    }

    /**
     * Looks for a base58 address at {@code i}: a {@code 1} or {@code 3} not preceded by a letter or digit, with
     * {@link #MIN_BASE58} characters left; returns the position from which to look again.
     */
    static int base58At(String text, int i, List<PiiSpan> out) {
        int n = text.length();
        int end = i;
        while (end < n && isBase58(text.charAt(end))) {
            end++;
        }
        int length = end - i;
        if (length >= MIN_BASE58 && length <= 35 && !Chars.wordAt(text, end)
                && Checksums.base58Check(text.substring(i, end), text.charAt(i) == '1' ? 0 : 5)) {
            out.add(new PiiSpan(PiiType.CRYPTO_WALLET, i, end));
        }
        return Math.max(i + 1, end);
    }

    private static boolean isBase58(char c) {
        return (c >= '1' && c <= '9') || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'O')
                || (c >= 'a' && c <= 'z' && c != 'l');
    }

    /** Looks for a segwit address at {@code i}, where {@code bc1} or {@code BC1} is; returns where to look again. */
    static int segwitAt(String text, int i, List<PiiSpan> out) {
        int n = text.length();
        int end = i + 3;
        while (end < n && Chars.isWordChar(text.charAt(end))) {
            end++;
        }
        int length = end - i;
        if (!Chars.wordBefore(text, i) && length >= 14 && length <= 90) {
            String candidate = text.substring(i, end);
            String folded = candidate.toLowerCase(java.util.Locale.ROOT);
            boolean oneCase = folded.equals(candidate) || candidate.toUpperCase(java.util.Locale.ROOT).equals(candidate);
            if (oneCase && Checksums.segwit(folded, "bc")) {
                out.add(new PiiSpan(PiiType.CRYPTO_WALLET, i, end));
            }
        }
        return end;
    }

    /** Looks for an Ethereum address at {@code i}, where {@code 0x} is; returns where to look again. */
    static int ethereumAt(String text, int i, List<PiiSpan> out) {
        int end = i + 2;
        while (end < text.length() && Chars.isHex(text.charAt(end))) {
            end++;
        }
        if (end - i == 42 && !Chars.wordBefore(text, i) && !Chars.wordAt(text, end)) {
            out.add(new PiiSpan(PiiType.CRYPTO_WALLET, i, end));
        }
        return Math.max(end, i + 2);
    }
}
