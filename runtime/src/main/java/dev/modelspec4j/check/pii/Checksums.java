package dev.modelspec4j.check.pii;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The check-digit algorithms that turn "looks like a number" into "is a number of this kind". */
final class Checksums {

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int BECH32_CONST = 1;
    private static final int BECH32M_CONST = 0x2bc830a3;
    private static final int[] BECH32_GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    private Checksums() {
    }

    /** Luhn (mod 10) over {@code count} digit values. */
    static boolean luhn(int[] digits, int count) {
        int sum = 0;
        boolean doubled = false;
        for (int i = count - 1; i >= 0; i--) {
            int d = digits[i];
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /**
     * ISO 13616 mod-97 check of an IBAN given as its upper-case alphanumeric characters: the first four moved to
     * the end, letters as 10..35, the whole number modulo 97 must be 1.
     */
    static boolean ibanMod97(CharSequence iban) {
        int n = iban.length();
        int remainder = 0;
        for (int k = 0; k < n; k++) {
            char c = iban.charAt((k + 4) % n);
            if (Chars.isDigit(c)) {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (Chars.isUpper(c)) {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return remainder == 1;
    }

    /**
     * Whether {@code address} is a base58check-encoded 25-byte payload (version byte + 20-byte hash + 4-byte
     * checksum) with one of the given version bytes and a checksum equal to the first four bytes of
     * SHA-256(SHA-256(version + hash)).
     */
    static boolean base58Check(CharSequence address, int... versions) {
        byte[] decoded = base58Decode(address, 25);
        if (decoded == null) {
            return false;
        }
        boolean versionOk = false;
        for (int v : versions) {
            versionOk |= (decoded[0] & 0xFF) == v;
        }
        if (!versionOk) {
            return false;
        }
        byte[] hash = doubleSha256(decoded, 21);
        for (int i = 0; i < 4; i++) {
            if (hash[i] != decoded[21 + i]) {
                return false;
            }
        }
        return true;
    }

    /** Base58 decoding into exactly {@code size} bytes (big-endian); null if the value does not fit or a char is invalid. */
    private static byte[] base58Decode(CharSequence s, int size) {
        int[] out = new int[size];
        int leadingOnes = 0;
        while (leadingOnes < s.length() && s.charAt(leadingOnes) == '1') {
            leadingOnes++;
        }
        for (int i = 0; i < s.length(); i++) {
            int carry = BASE58.indexOf(s.charAt(i));
            if (carry < 0) {
                return null;
            }
            for (int j = size - 1; j >= 0; j--) {
                carry += 58 * out[j];
                out[j] = carry & 0xFF;
                carry >>>= 8;
            }
            if (carry != 0) {
                return null;
            }
        }
        int leadingZeros = 0;
        while (leadingZeros < size && out[leadingZeros] == 0) {
            leadingZeros++;
        }
        if (leadingZeros != leadingOnes) {
            return null; // each leading '1' stands for exactly one leading zero byte
        }
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) out[i];
        }
        return bytes;
    }

    private static byte[] doubleSha256(byte[] data, int length) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(data, 0, length);
            return sha.digest(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * Verifies a segwit address in bech32 (witness version 0) or bech32m (versions 1 to 16) for the human-readable
     * part {@code hrp}; {@code address} is lower case, {@code hrp + "1" + data}.
     */
    static boolean segwit(CharSequence address, String hrp) {
        int dataStart = hrp.length() + 1;
        int dataLength = address.length() - dataStart;
        if (dataLength < 7) {
            return false;
        }
        int chk = 1;
        for (int i = 0; i < hrp.length(); i++) {
            chk = polymodStep(chk) ^ (hrp.charAt(i) >> 5);
        }
        chk = polymodStep(chk);
        for (int i = 0; i < hrp.length(); i++) {
            chk = polymodStep(chk) ^ (hrp.charAt(i) & 31);
        }
        int version = -1;
        for (int i = dataStart; i < address.length(); i++) {
            int v = BECH32.indexOf(address.charAt(i));
            if (v < 0) {
                return false;
            }
            if (i == dataStart) {
                version = v;
            }
            chk = polymodStep(chk) ^ v;
        }
        if (version > 16) {
            return false;
        }
        // 5-bit data after the version, without the 6 checksum characters, must hold a 2..40-byte program
        int programBits = (dataLength - 1 - 6) * 5;
        int programBytes = programBits / 8;
        if (programBytes < 2 || programBytes > 40 || (version == 0 && programBytes != 20 && programBytes != 32)) {
            return false;
        }
        return chk == (version == 0 ? BECH32_CONST : BECH32M_CONST);
    }

    private static int polymodStep(int chk) {
        int top = chk >>> 25;
        int next = (chk & 0x1ffffff) << 5;
        for (int i = 0; i < 5; i++) {
            if (((top >>> i) & 1) != 0) {
                next ^= BECH32_GENERATOR[i];
            }
        }
        return next;
    }
}
