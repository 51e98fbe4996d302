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

    // Synthetic, right shape: the formats and contexts of the public corpus that earlier versions missed.
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            key sk-ant-api03-Zq8r2Lx0Vb7Nd4Kp1Tw9Ys3Mh6Jc5Fg0Ae2Ui8RoQ7w9E2r4T6y8U0i1O3p5A7s9D2f4G6h8J0k2Lq-Wm_Xn3Bv5Cz7AA ok | ANTHROPIC_KEY:sk-ant-api03-Zq8r2Lx0Vb7Nd4Kp1Tw9Ys3Mh6Jc5Fg0Ae2Ui8RoQ7w9E2r4T6y8U0i1O3p5A7s9D2f4G6h8J0k2Lq-Wm_Xn3Bv5Cz7AA
            SLACK_APP_TOKEN=xapp-1-A0FAKE12345-1234567890123-0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9 | SLACK_TOKEN:xapp-1-A0FAKE12345-1234567890123-0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9
            refresh xoxe-1-My0xLTMxNzcwMjQ0MTcxMy01MTU4MTUyNjkxNzE0LTUxODE4 | SLACK_TOKEN:xoxe-1-My0xLTMxNzcwMjQ0MTcxMy01MTU4MTUyNjkxNzE0LTUxODE4
            //registry.npmjs.org/:_authToken=npm_Q7w9E2r4T6y8U0i1O3p5A7s9D2f4G6h8J0k2 | NPM_TOKEN:npm_Q7w9E2r4T6y8U0i1O3p5A7s9D2f4G6h8J0k2
            my key: Vq3Xz8Lk1Pw7Rt5Yn2Bm9Hc4Jd6Fs0Ga. | HIGH_ENTROPY:Vq3Xz8Lk1Pw7Rt5Yn2Bm9Hc4Jd6Fs0Ga
            curl -u deploy:Zq8r2Lx0Vb https://ci.example.test | KEYWORD_SECRET:Zq8r2Lx0Vb
            Authorization: Bearer Vq3Xz8Lk1Pw7Rt5Yn2Bm9Hc4Jd6Fs0Ga | KEYWORD_SECRET:Vq3Xz8Lk1Pw7Rt5Yn2Bm9Hc4Jd6Fs0Ga
            "client_secret": "Xh58Q~zNk8cL6j~5IXAAjlsHUq-JoUD._Ydua_5Z" | AZURE_CLIENT_SECRET:Xh58Q~zNk8cL6j~5IXAAjlsHUq-JoUD._Ydua_5Z
            HF_TOKEN=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 | HUGGINGFACE_TOKEN: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
            """)
    void findsTheNewFormatsAndContexts(String text, String expected) {
        assertThat(found(text)).containsExactly(expected);
    }

    /** Public material, placeholders and names about secrets: each used to block a legitimate call. */
    @ParameterizedTest
    @ValueSource(strings = {
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK1HDdtKyUw6Yj67COgeDnZSbPvwU+jFvK6Wt9BaPoOf ops@laptop",
        "golang.org/x/text v0.14.0 h1:xZGrZcuExLD5zXNUoBmBWDRJm9Y0RwEs4IW1zxFirb0=",
        "integrity sha512-UYn5Dh+z0k7CY9wks/kjD8zPM2sEpp/wBKIIpqd7+4vMsx2owEcbpnRprirImBf5mp0pkGy9s3mPbwh1Qfd4Mw==",
        "<img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\">",
        "payload: VGhlIHF1YXJ0ZXJseSByZXBvcnQgaXMgYXR0YWNoZWQsIHBsZWFzZSByZXZpZXcgc2VjdGlvbiB0aHJlZS4=",
        "correlation id tdfmlpKaP9i5obESKLIvnHYrLDx in the gateway log",
        "nonce=\"8IBTHwOdqNKAWeKl7plt8g==\"",
        "Send the BTC to 1HGmdkTWmMQHQvktsCgpTfz72GrD95RqKk please",
        "Files that start with -----BEGIN RSA PRIVATE KEY----- are PKCS#1 keys; never commit them.",
        "-----BEGIN OPENSSH PRIVATE KEY----------END OPENSSH PRIVATE KEY-----",
        "const ALPHABET=\"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/\";",
        "See https://docs.google.com/document/d/1W7KCxOxP-1Fy5EyF2lbJGE2WuKmu5v0suYqoHas1jRM/edit",
        "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "key = AKIAXXXXXXXXXXXXXXXX", "OPENAI_API_KEY=sk-...",
        "\"token4\": \"xoxp-572370529330-573807301142-572331691188-####################\"",
        "xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere", "SUMO_ACCESS_KEY={SumoAccessKey}",
        "access_token_url='https://github.com/login/oauth/access_token'", "secret_length = X25519.secret_length",
        "credentialsId: 'ff083f76-7804-4ef1-80e4-fe975bb9141b'", "curl -u username:token https://example.test",
        "SRCREV_moby = \"43fc912ef59a83054ea7f6706df4d53a7dea4d80\"", "secret: !vault |",
        "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\"}"
    })
    void publicMaterialAndPlaceholdersPass(String text) {
        assertThat(found(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"creds=userAccessKeyAKIAZ3MQ7XK2PL9RT4BNSecret", "id AKIAZ3MQ7XK2PL9RT4BNwJalrXUtnFEMI",
        "KEY_AKIAZ3MQ7XK2PL9RT4BN_ROTATED", "x-AKIAZ3MQ7XK2PL9RT4BN."})
    void awsKeyIdsGluedToOtherTextAreCovered(String text) {
        int key = text.indexOf("AKIA");
        assertThat(detector.detect(text)).as(text)
                .anySatisfy(s -> assertThat(s.start() <= key && s.end() >= key + 20).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TODAYINASIAASACKOFRICEFELLOVER", "the ASIAPACIFICREGIONALSALES team",
        "ALLCAPSAKIAHEADINGWITHOUTDIGITS"})
    void upperCaseWordsHoldingAnAwsPrefixAreNoKeys(String text) {
        assertThat(found(text)).isEmpty();
    }

    @Test
    void publicPemBlocksPassAndPrivateKeysBesideThemDoNot() {
        String cert = "-----BEGIN CERTIFICATE-----\nMIIBwDCCAWWgAwIBAgIUAcQot4LUD0sx7DgNa0ph0lPIXK0wCgYIKoZIzj0EAwIw\n"
                + "NTEbMBkGA1UEAwwSaG9zdDUuZXhhbXBsZS50ZXN0MRYwFAYDVQQKDA1FeGFtcGxl\n-----END CERTIFICATE-----";
        assertThat(found("chain:\n" + cert)).isEmpty();
        String key = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5owkkWHHHqxCMoAoGCCqGSM49\n"
                + "-----END EC PRIVATE KEY-----";
        assertThat(found(cert + "\n" + key)).containsExactly("PRIVATE_KEY:" + key);
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
