package dev.modelspec4j.annotation;

/**
 * Kinds of personal data that the deterministic detectors of {@code dev.modelspec4j.check.pii} find. Every type
 * is matched on the normalised text (see {@code TextNormalizer}), so full-width digits and invisible characters
 * do not hide a value. What each type covers, and what it deliberately does not, is listed in
 * {@code docs/privacy.md}.
 */
public enum PiiType {
    /** An e-mail address ({@code local@domain.tld}, including punycode domains). */
    EMAIL,
    /**
     * A telephone number: international ({@code +} and country code, E.164 up to 15 digits), North-American
     * ({@code (415) 555-0132}) and national numbers with a trunk {@code 0}; bare digit runs only next to a word
     * such as "phone" or "number".
     */
    PHONE,
    /** A payment card number of 12 to 19 digits that passes the Luhn check, optionally grouped by spaces or dashes. */
    CREDIT_CARD,
    /** An international bank account number with the length of its country and a valid mod-97 check. */
    IBAN,
    /** A US social security number in a grouped form, outside the ranges the SSA never issues. */
    US_SSN,
    /** An IPv4 address (each octet 0-255) or an IPv6 address, including compressed and IPv4-mapped forms. */
    IP_ADDRESS,
    /** A Bitcoin address (base58check or bech32/bech32m, checksum verified) or an Ethereum address. */
    CRYPTO_WALLET,
    /** A web address: a URL with a scheme, or a bare domain name with a well-known top-level domain. */
    URL
}
