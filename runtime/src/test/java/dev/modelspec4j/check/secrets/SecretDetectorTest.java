package dev.modelspec4j.check.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretDetectorTest {

    private final SecretDetector detector = SecretDetector.defaults();

    private List<String> found(String text) {
        return detector.detect(text).stream()
                .map(s -> s.kind() + ":" + text.substring(s.start(), s.end()))
                .toList();
    }

    // Values below are synthetic: right shape, made up for this test.
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            key AKIAZ3MQ7XK2PL9RT4BN in the config          | AWS_ACCESS_KEY:AKIAZ3MQ7XK2PL9RT4BN
            temp ASIAY7TQ2MN4KD8WX1PL used                   | AWS_ACCESS_KEY:ASIAY7TQ2MN4KD8WX1PL
            aws_secret_access_key = Zq8r2Lx0Vb7Nd4Kp1Tw9Ys3Mh6Jc5Fg0Ae2Ui8Ro | AWS_SECRET_KEY:Zq8r2Lx0Vb7Nd4Kp1Tw9Ys3Mh6Jc5Fg0Ae2Ui8Ro
            token ghp_Q7w9E2r4T6y8U0i1O3p5A7s9D2f4G6h8J0k2 ok  | GITHUB_TOKEN:ghp_Q7w9E2r4T6y8U0i1O3p5A7s9D2f4G6h8J0k2
            github_pat_11ABCDEFG0123456789_abcdefghijKLMNOPQRST | GITHUB_TOKEN:github_pat_11ABCDEFG0123456789_abcdefghijKLMNOPQRST
            use glpat-x7Yq2Wm9Rt4Kp8Ln3Vb6 now                | GITLAB_TOKEN:glpat-x7Yq2Wm9Rt4Kp8Ln3Vb6
            bot xoxb-2718281828-3141592653-Zk9Xq7Wm2Rt4   | SLACK_TOKEN:xoxb-2718281828-3141592653-Zk9Xq7Wm2Rt4
            hook https://hooks.slack.com/services/T0FAKE123/B0FAKE456/q7W9e2R4t6Y8u0I1o3P5a7S9 | SLACK_WEBHOOK:https://hooks.slack.com/services/T0FAKE123/B0FAKE456/q7W9e2R4t6Y8u0I1o3P5a7S9
            charge with sk_live_4eC39HqLyjWDarjtT1zdp7dc    | STRIPE_KEY:sk_live_4eC39HqLyjWDarjtT1zdp7dc
            OPENAI sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z | OPENAI_KEY:sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z
            maps AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q   | GOOGLE_API_KEY:AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q
            db postgres://admin:S3cr3tPw@db.internal:5432/app | URL_PASSWORD:S3cr3tPw
            password = hunter2                               | KEYWORD_SECRET:hunter2
            "api_key": "a1b2c3d4e5f6g7h8"                    | KEYWORD_SECRET:a1b2c3d4e5f6g7h8
            mimi=gX7kP2qL9vB4nR8tW1zY6cF3hJ5mD0sA            | HIGH_ENTROPY:gX7kP2qL9vB4nR8tW1zY6cF3hJ5mD0sA
            the blob Vq3Xz8Lk1Pw7Rt5Yn2Bm9Hc4Jd6Fs0Ga in the log | HIGH_ENTROPY:Vq3Xz8Lk1Pw7Rt5Yn2Bm9Hc4Jd6Fs0Ga
            """)
    void findsPositives(String text, String expected) {
        assertThat(found(text)).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "commit 3f786850e387550fdab836ed7e6dc881de23001b fixed the build",
        "sha256: 8f953371d3e85eddb89b05ed6b9e680791055315c73e1025ab5dba7bb2aee189",
        "request_id = 203db13e-70c7-462b-9a3d-bf32640cb0be",
        "trace 203db13e-70c7-462b-9a3d-bf32640cb0be failed",
        "password = <your-password>", "api_key: xxxxxxxxxxxx", "password=changeme", "secret: ${DB_SECRET}",
        "token = os.environ['TOKEN']", "password: ********",
        "SUPER_SECRET_VALUE = 'this is just a long string, like a user facing error message'",
        "see https://example.com/internationalization/guide for details",
        "the scikit sk-learn-compatible-estimator-wrapper is fine",
        "eyJhbGciOiJIUzI1NiJ9 is not a whole JWT",
        "foreign_key_id = vh987tyw9ehy8ghis7vwyhiwbwitefy7w3ASDGYDGUASDG",
        "Ordinary prose, with punctuation: nothing secret here; no keys = none."
    })
    void ignoresHardNegatives(String text) {
        assertThat(found(text)).isEmpty();
    }

    @Test
    void jwtNeedsAHeaderWithAlg() {
        String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXBhcnQ";
        assertThat(found("Bearer " + jwt)).containsExactly("JWT:" + jwt);
        String noAlg = "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXBhcnQ";
        assertThat(detector.detect(noAlg)).extracting(SecretSpan::kind).doesNotContain(SecretKind.JWT);
    }

    @Test
    void privateKeyBlockIsOneSpan() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA1b2c3\nd4e5f6==\n-----END RSA PRIVATE KEY-----";
        String text = "key:\n" + pem + "\nthanks";
        assertThat(found(text)).containsExactly("PRIVATE_KEY:" + pem);
    }

    @Test
    void zeroWidthCharactersInsideATokenDoNotHideIt() {
        String text = "token ghp_Q7w9E2r4T6y8U0i1\u200BO3p5A7s9D2f4G6h8J0k2 end";
        List<SecretSpan> spans = detector.detect(text);
        assertThat(spans).extracting(SecretSpan::kind).containsExactly(SecretKind.GITHUB_TOKEN);
        assertThat(text.substring(spans.get(0).start(), spans.get(0).end())).startsWith("ghp_").endsWith("J0k2");
    }

    @Test
    void awsDocumentationExamplesAreReported() {
        assertThat(found("AKIAIOSFODNN7EXAMPLE")).containsExactly("AWS_ACCESS_KEY:AKIAIOSFODNN7EXAMPLE");
    }

    @Test
    void entropyThresholdDecides() {
        String text = "value: Vq3Xz8Lk1Pw7Rt5Yn2Bm9Hc4Jd6Fs0Ga";
        assertThat(SecretDetector.withEntropyThresholds(6.0, 6.0).detect(text)).isEmpty();
        assertThat(SecretDetector.withEntropyThresholds(3.0, 3.0).detect(text)).hasSize(1);
    }

    @Test
    void placeholderNamesTheKindOnly() {
        assertThat(new SecretSpan(SecretKind.JWT, 3, 9).placeholder()).isEqualTo("[SECRET:JWT]");
    }
}
