package dev.modelspec4j.check.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelspec4j.annotation.PiiMode;
import dev.modelspec4j.annotation.PiiType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiDetectorTest {

    private final PiiDetector detector = PiiDetector.all();

    /** The values found in {@code text}, as {@code TYPE:value}. */
    private List<String> found(String text) {
        return detector.detect(text).stream()
                .map(s -> s.type() + ":" + text.substring(s.start(), s.end()))
                .toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            write to jane.doe+work@example.co.uk today    | EMAIL:jane.doe+work@example.co.uk
            card 4111 1111 1111 1111 expires             | CREDIT_CARD:4111 1111 1111 1111
            card 4111-1111-1111-1111.                    | CREDIT_CARD:4111-1111-1111-1111
            amex 378282246310005                         | CREDIT_CARD:378282246310005
            pay to DE89 3704 0044 0532 0130 00 please    | IBAN:DE89 3704 0044 0532 0130 00
            pay to GB29NWBK60161331926819                | IBAN:GB29NWBK60161331926819
            ssn 536-22-1234 on file                      | US_SSN:536-22-1234
            SSN: 536221234                               | US_SSN:536221234
            call (415) 555-0132 now                      | PHONE:(415) 555-0132
            call +49 30 1234567                          | PHONE:+49 30 1234567
            E.164 +14155550132                           | PHONE:+14155550132
            host 10.20.30.40 is down                     | IP_ADDRESS:10.20.30.40
            route 2001:db8::/32                          | IP_ADDRESS:2001:db8::/32
            peer fe80::1%eth0 up                         | IP_ADDRESS:fe80::1%eth0
            send to 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2   | CRYPTO_WALLET:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2
            to bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4 | CRYPTO_WALLET:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4
            eth 0x52908400098527886E0F7030069857D2E4169EE7 | CRYPTO_WALLET:0x52908400098527886E0F7030069857D2E4169EE7
            see https://example.org/a?b=c.               | URL:https://example.org/a?b=c
            see www.example.com/docs                     | URL:www.example.com/docs
            visit example.com!                           | URL:example.com
            """)
    void findsPositives(String text, String expected) {
        assertThat(found(text)).containsExactly(expected);
    }

    /** The forms that people write in many countries, as the multinational data set has them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            call me on 467 3395 tonight                  | PHONE:467 3395
            call 555-0132                                | PHONE:555-0132
            Τηλέφωνο: 99 668472                          | PHONE:99 668472
            Ring til mig på 60-56-85-91.                 | PHONE:60-56-85-91
            Tel.: (11) 98456-5666                        | PHONE:(11) 98456-5666
            office (212) 555-0134 x4587, ask for Ann     | PHONE:(212) 555-0134 x4587
            desk 617-310-5920 ext. 204                   | PHONE:617-310-5920 ext. 204
            Phone: 212.231.4993                          | PHONE:212.231.4993
            Vous pouvez me joindre au 06.12.34.56.78     | PHONE:06.12.34.56.78
            Handy 0151 23456789                          | PHONE:0151 23456789
            from abroad 0044 20 7946 0321                | PHONE:0044 20 7946 0321
            電話番号は090-1234-5678です。                   | PHONE:090-1234-5678
            card 4111.1111.1111.1111 expires             | CREDIT_CARD:4111.1111.1111.1111
            card 4111–1111–1111–1111 expires             | CREDIT_CARD:4111–1111–1111–1111
            رقم البطاقة ٤١١١ ١١١١ ١١١١ ١١١١              | CREDIT_CARD:٤١١١ ١١١١ ١١١١ ١١١١
            ssn 536–22–1234 on file                      | US_SSN:536–22–1234
            my iban is de89 3704 0044 0532 0130 00       | IBAN:de89 3704 0044 0532 0130 00
            IBAN De89370400440532013000                  | IBAN:De89370400440532013000
            write to zoë.müller@example.de               | EMAIL:zoë.müller@example.de
            or to josé@correo.españa.es                  | EMAIL:josé@correo.españa.es
            mail jane at example dot com                 | EMAIL:jane at example dot com
            mail jane[at]example[dot]com                 | EMAIL:jane[at]example[dot]com
            mail jane (at) example (dot) co (dot) uk     | EMAIL:jane (at) example (dot) co (dot) uk
            MAIL JANE AT EXAMPLE DOT ORG                 | EMAIL:JANE AT EXAMPLE DOT ORG
            mail jane[at]example.com                     | EMAIL:jane[at]example.com
            """)
    void findsTheFormsOfManyCountries(String text, String expected) {
        assertThat(found(text)).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"she works at example corp now", "look at the dot at the end", "I'm at home dot",
        "meet at 10.30 dot on time", "number of visitors: 1 234 567", "Bestellnummer 300 456 789 12",
        "the meeting is on 25.04.2020", "call the function with 4686-750007 as its argument",
        "IBAN DE00 1234 5678 9012 3456 78 has wrong check digits", "LV80 bANK 0000 4351 9500 1"})
    void ignoresTheNewHardNegatives(String text) {
        assertThat(found(text)).isEmpty();
    }

    /** A stream holds back the longest value of a type: no phone span may be longer, extension included. */
    @ParameterizedTest
    @ValueSource(strings = {"call +44 (0) 20 7946 0321 ext. 123456 now", "tel 0044 (0) 20 7946 0321 x123456",
        "tel (212) 555-0134 - 555-0135 - 555-0136 ext. 2045", "+1 (212) 555 0134 555 0135 555 0136 x1"})
    void phoneValuesFitTheStreamHoldBack(String text) {
        for (PiiSpan span : PiiDetector.of(PiiType.PHONE).detect(text)) {
            assertThat(span.length()).isLessThanOrEqualTo(PiiDetector.longestValue(PiiType.PHONE));
        }
    }

    @Test
    void phoneRegionsAreConfigurable() {
        PiiDetector danish = PiiDetector.of(PiiType.PHONE).withPhoneRegions(List.of("dk"));
        assertThat(danish.phoneRegions()).containsExactly("DK");
        assertThat(danish.detect("Tlf.: 60 56 85 91")).hasSize(1);
        assertThat(PiiDetector.of(PiiType.PHONE).withPhoneRegions(List.of("US")).detect("Tlf.: 60 56 85 91"))
                .isEmpty();
        assertThat(PiiDetector.defaultPhoneRegions()).contains("US", "DE", "JP", "BR", "IN").hasSizeGreaterThan(15);
        assertThatThrownBy(() -> PiiDetector.all().withPhoneRegions(List.of("XX")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void masksEveryCharacterOfTheNewForms() {
        Pseudonymizer pseudonymizer = new Pseudonymizer(PiiDetector.all());
        String text = "zoë.müller@example.de, jane at example dot com, ٤١١١ ١١١١ ١١١١ ١١١١, 99 668472 (tel)";
        assertThat(pseudonymizer.apply(text, PiiMode.MASK).text())
                .isEqualTo("[EMAIL], [EMAIL], [CREDIT_CARD], [PHONE] (tel)");
    }

    @Test
    void aWrittenOutAddressIsTheSameValueAsItsPlainForm() {
        Pseudonymizer pseudonymizer = new Pseudonymizer(PiiDetector.of(PiiType.EMAIL));
        String text = "jane@example.co.uk, JANE AT EXAMPLE DOT CO DOT UK, jane[at]example[dot]co[dot]uk, bob@example.com";
        assertThat(pseudonymizer.apply(text, PiiMode.PSEUDONYMIZE).text())
                .isEqualTo("[EMAIL_1], [EMAIL_1], [EMAIL_1], [EMAIL_2]");
    }

    @Test
    void arabicIndicAndAsciiDigitsAreTheSameValue() {
        Pseudonymizer pseudonymizer = new Pseudonymizer(PiiDetector.all());
        String text = "cards 4111 1111 1111 1111 and ٤١١١ ١١١١ ١١١١ ١١١١, also 4012 8888 8888 1881";
        assertThat(pseudonymizer.apply(text, PiiMode.PSEUDONYMIZE).text())
                .isEqualTo("cards [CREDIT_CARD_1] and [CREDIT_CARD_1], also [CREDIT_CARD_2]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "order 4111 1111 1111 1112 shipped", // Luhn fails
        "invoice 1748503543012", // Luhn-valid but no card has 13 digits with this prefix
        "DE89 3704 0044 0532 0130 01", // mod-97 fails
        "GB29 NWBK 6016 1331 9268", // too short for GB
        "ssn 666-12-3456", "ssn 900-12-3456", "ssn 536-00-1234", "ssn 536-22-0000", "ssn 123-45-6789",
        "id 536221234", // nine bare digits without a word saying SSN
        "page 555-0132", "in 2023-01-15 at 12:34:56", "ISBN 978-3-16-148410-0", "total 1,234,567.89",
        "version 1.2.3", "256.1.1.1", "aa:bb:cc:dd:ee:ff", "std::vector<int>", "2001::db8::1",
        "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", // base58 checksum fails
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", // bech32 checksum fails
        "sha256 8f953371d3e85eddb89b05ed6b9e680791055315c73e1025ab5dba7bb2aee189",
        "run setup.py and read README.md", "e.g. this, i.e. that", "http://localhost:8080/x",
        "user@localhost", "not an email: a@b"
    })
    void ignoresHardNegatives(String text) {
        assertThat(found(text)).isEmpty();
    }

    @Test
    void invisibleCharactersAndFullWidthDigitsDoNotHideAValue() {
        String zeroWidth = "card 4111\u200B1111\u200B1111\u200B1111 ok";
        List<PiiSpan> spans = detector.detect(zeroWidth);
        assertThat(spans).hasSize(1);
        assertThat(zeroWidth.substring(spans.get(0).start(), spans.get(0).end()))
                .isEqualTo("4111\u200B1111\u200B1111\u200B1111");

        String fullWidth = "card \uFF14\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11 "
                + "\uFF11\uFF11\uFF11\uFF11 ok";
        spans = detector.detect(fullWidth);
        assertThat(spans).extracting(PiiSpan::type).containsExactly(PiiType.CREDIT_CARD);
        assertThat(spans.get(0).start()).isEqualTo(5);
        assertThat(spans.get(0).end()).isEqualTo(fullWidth.length() - 3);

        String softHyphen = "mail jo\u00ADhn@exam\u200Dple.com";
        assertThat(found(softHyphen)).containsExactly("EMAIL:jo\u00ADhn@exam\u200Dple.com");
    }

    @Test
    void offsetsAreUtf16IndicesOfTheOriginalText() {
        String text = "\uD83D\uDE00 mail a@example.com";
        assertThat(detector.detect(text)).containsExactly(new PiiSpan(PiiType.EMAIL, 8, text.length()));
    }

    @Test
    void overlapsKeepTheLongerFinding() {
        assertThat(found("mail info@presidio.site now")).containsExactly("EMAIL:info@presidio.site");
        assertThat(found("mapped ::ffff:192.0.2.1")).containsExactly("IP_ADDRESS:::ffff:192.0.2.1");
        assertThat(found("http://[2001:db8::1]/path")).containsExactly("IP_ADDRESS:2001:db8::1");
    }

    @Test
    void onlyTheConfiguredTypesAreReported() {
        PiiDetector cards = PiiDetector.of(PiiType.CREDIT_CARD);
        String text = "card 4111111111111111, mail a@example.com";
        assertThat(cards.detect(text)).extracting(PiiSpan::type).containsExactly(PiiType.CREDIT_CARD);
        assertThat(cards.types()).containsExactly(PiiType.CREDIT_CARD);
        assertThatThrownBy(() -> PiiDetector.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void severalValuesInOneText() {
        assertThat(found("IPs: 192.168.1.1, 10.0.0.1 and 4012888888881881 4012-8888-8888-1881"))
                .containsExactly("IP_ADDRESS:192.168.1.1", "IP_ADDRESS:10.0.0.1",
                        "CREDIT_CARD:4012888888881881", "CREDIT_CARD:4012-8888-8888-1881");
    }
}
