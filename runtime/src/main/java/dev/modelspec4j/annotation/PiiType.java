package dev.modelspec4j.annotation;

/**
 * Kinds of personal data that the deterministic detectors of {@code dev.modelspec4j.check.pii} find. Every type
 * is matched on the normalised text (see {@code TextNormalizer}), so full-width digits and invisible characters
 * do not hide a value. What each type covers, and what it deliberately does not, is listed in
 * {@code docs/privacy.md}.
 */
public enum PiiType {
    /**
     * An e-mail address ({@code local@domain.tld}, including punycode and internationalised names such as
     * {@code zoë.müller@bücher.ch}), also written out: {@code jane at example dot com}, {@code jane[at]example[dot]com}.
     */
    EMAIL,
    /**
     * A telephone number, checked against the numbering plans of libphonenumber: international ({@code +} or
     * {@code 00} and a country code), national numbers of the configured regions in the shapes only telephone
     * numbers have (trunk prefix, area code in parentheses, North-American groups), with an extension if any;
     * other national numbers, and short ones such as {@code 467 3395}, only next to a word such as "phone", "tel",
     * "Handy" or "電話".
     */
    PHONE,
    /** A payment card number of 12 to 19 digits that passes the Luhn check, optionally grouped by spaces, dashes or dots. */
    CREDIT_CARD,
    /** An international bank account number with the length of its country and a valid mod-97 check, in either case. */
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
