package dev.modelspec4j.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelspec4j.Outcome;
import dev.modelspec4j.SpecViolationException;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.audit.InMemoryAuditSink;
import dev.modelspec4j.check.secrets.SecretDetector;
import dev.modelspec4j.check.secrets.SecretSpan;
import dev.modelspec4j.check.secrets.SecretsCheck;
import dev.modelspec4j.enforce.Enforcer;
import dev.modelspec4j.enforce.MethodPlan;
import dev.modelspec4j.enforce.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Secrets of any length on streams: from a known prefix on, nothing of a secret reaches the caller, at every split
 * point; text after something that only starts like a secret goes out once it is clearly not one.
 */
class StreamedSecretsTest {

    private static final String LEAD = "Here is what you asked for: ";
    private static final String TAIL = "\nKeep it safe, and rotate it if it was ever shared anywhere public.";

    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    /** A secret for every prefix of the formats the detector knows, some far longer than the look-ahead. */
    static Map<String, String> secrets() {
        Random random = new Random(5);
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String prefix : List.of("AKIA", "ASIA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "ABIA", "ACCA")) {
            secrets.put("AWS " + prefix, prefix + pick(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16));
        }
        for (String prefix : List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_")) {
            secrets.put("GitHub " + prefix, prefix + pick(random, ALNUM, 36));
        }
        for (String prefix : List.of("sk_live_", "sk_test_", "rk_live_", "rk_test_", "pk_live_")) {
            secrets.put("Stripe " + prefix, prefix + pick(random, ALNUM, 24));
        }
        for (String prefix : List.of("xoxa-", "xoxr-", "xoxs-")) {
            secrets.put("Slack " + prefix, prefix + "1618033988-" + pick(random, ALNUM, 20));
        }
        secrets.put("OpenAI service account", "sk-svcacct-" + pick(random, ALNUM + "_-", 120));
        secrets.put("OpenAI admin", "sk-admin-" + pick(random, ALNUM + "_-", 120));
        secrets.put("Slack workflow webhook", "https://hooks.slack.com/workflows/T0" + pick(random, ALNUM, 8) + "/A0"
                + pick(random, ALNUM, 8) + "/" + pick(random, ALNUM, 24));
        secrets.put("GitHub fine-grained", "github_pat_11" + pick(random, ALNUM, 20) + "_" + pick(random, ALNUM, 59));
        secrets.put("GitLab", "glpat-" + pick(random, ALNUM, 20));
        secrets.put("Slack bot", "xoxb-2718281828-3141592653-" + pick(random, ALNUM, 24));
        secrets.put("Slack user", "xoxp-1618033988-7497894965-" + pick(random, ALNUM, 32));
        secrets.put("Slack webhook", "https://hooks.slack.com/services/T0" + pick(random, ALNUM, 8) + "/B0"
                + pick(random, ALNUM, 8) + "/" + pick(random, ALNUM, 24));
        secrets.put("OpenAI classic", "sk-" + pick(random, ALNUM, 48));
        secrets.put("OpenAI project", "sk-proj-" + pick(random, ALNUM + "_-", 156));
        secrets.put("Google", "AIza" + pick(random, ALNUM + "_-", 35));
        secrets.put("JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFkYSJ9."
                + pick(random, ALNUM + "_-", 43));
        // A header naming its key at length: no match until the second dot, far past the look-ahead.
        secrets.put("JWT, long header", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"alg\":\"RS256\",\"kid\":\"" + pick(random, ALNUM, 150) + "\"}").getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII)) + ".eyJzdWIiOiIxMjM0In0." + pick(random, ALNUM, 43));
        // Lower case for longer than the look-ahead: the key rule wants digits and upper case too.
        secrets.put("OpenAI project, late mixed case", "sk-proj-" + pick(random, "abcdefghijklmnopqrstuvwxyz", 140)
                + pick(random, ALNUM, 16));
        secrets.put("Anthropic", "sk-ant-api03-" + pick(random, ALNUM + "_-", 93) + "AA");
        secrets.put("Slack app-level", "xapp-1-A0" + pick(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 9) + "-"
                + pick(random, "0123456789", 13) + "-" + pick(random, "0123456789abcdef", 64));
        secrets.put("Slack refresh", "xoxe-1-" + pick(random, ALNUM, 146));
        secrets.put("npm", "npm_" + pick(random, ALNUM, 36));
        secrets.put("Hugging Face", "hf_" + pick(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 34));
        secrets.put("RSA private key", pem(random, "RSA PRIVATE KEY", 25));
        secrets.put("OpenSSH private key", pem(random, "OPENSSH PRIVATE KEY", 7));
        secrets.put("EC private key", pem(random, "EC PRIVATE KEY", 3));
        return secrets;
    }

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static String pick(Random random, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int k = 0; k < length; k++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static String pem(Random random, String label, int lines) {
        StringBuilder s = new StringBuilder("-----BEGIN " + label + "-----\n");
        for (int k = 0; k < lines; k++) {
            s.append(pick(random, ALNUM + "+/", 64)).append('\n');
        }
        return s.append("-----END ").append(label).append("-----").toString();
    }

    /** What one streamed call gave the caller, and what it had received after each chunk. */
    record Streamed(String partials, Throwable error, Outcome outcome, List<Integer> receivedAfterChunk) {
    }

    Streamed stream(String answer, Function<String, List<String>> chunking, Action action) {
        StringBuilder partials = new StringBuilder();
        AtomicReference<Throwable> error = new AtomicReference<>();
        StreamedModel model = new StreamedModel(system -> answer, chunking, partials);
        Enforcer enforcer = model.enforcer(audit);
        MethodPlan plan = new MethodPlan("answer", 1, "Sorry, I can't share that.",
                Rule.output("answer.secrets", Level.ROOT, action, SecretsCheck.defaults()));
        enforcer.streamingCall(plan).memoryId("m").userMessage("question").stream(false)
                .onPartialResponse(partials::append)
                .onError(error::set)
                .start();
        return new Streamed(partials.toString(), error.get(), audit.last().outcome(), model.receivedAfterChunk);
    }

    /** Two chunks split at every position, and chunks of 1 to 20 characters. */
    private static List<List<String>> chunkings(String text) {
        List<List<String>> chunkings = new ArrayList<>();
        for (int i = 1; i < text.length(); i++) {
            chunkings.add(List.of(text.substring(0, i), text.substring(i)));
        }
        for (int size = 1; size <= 20; size++) {
            chunkings.add(StreamedModel.chunks(text, size));
        }
        return chunkings;
    }

    @Test
    void theSamplesAreSecretsToTheDetector() {
        for (Map.Entry<String, String> secret : secrets().entrySet()) {
            List<SecretSpan> found = SecretDetector.defaults().detect(LEAD + secret.getValue() + TAIL);
            assertThat(found).as(secret.getKey()).anySatisfy(s -> {
                assertThat(s.start()).isEqualTo(LEAD.length());
                assertThat(s.end()).isEqualTo(LEAD.length() + secret.getValue().length());
            });
        }
    }

    @Test
    void noCharacterOfASecretReachesTheCallerAtAnySplit() {
        for (Map.Entry<String, String> secret : secrets().entrySet()) {
            String answer = LEAD + secret.getValue() + TAIL;
            for (List<String> chunks : chunkings(answer)) {
                Streamed streamed = stream(answer, text -> chunks, Action.BLOCK);
                String at = secret.getKey() + " in chunks of " + chunks.get(0).length();
                assertThat(streamed.error()).as(at).isInstanceOf(SpecViolationException.class);
                assertThat(answer).as(at).startsWith(streamed.partials());
                assertThat(streamed.partials().length()).as(at).isLessThanOrEqualTo(LEAD.length());
            }
        }
    }

    @Test
    void redactMasksTheWholeSecretHoweverLong() {
        for (Map.Entry<String, String> secret : secrets().entrySet()) {
            String answer = LEAD + secret.getValue() + TAIL;
            for (int size : new int[] {1, 7, 20}) {
                Streamed streamed = stream(answer, text -> StreamedModel.chunks(text, size), Action.REDACT);
                assertThat(streamed.outcome()).as(secret.getKey()).isEqualTo(Outcome.REDACTED);
                String shown = streamed.partials();
                assertThat(shown).as(secret.getKey()).startsWith(LEAD);
                assertThat(shown.substring(LEAD.length())).as(secret.getKey())
                        .doesNotStartWith(secret.getValue().substring(0, 1));
                assertThat(shown).doesNotContain(secret.getValue().substring(secret.getValue().length() - 8));
            }
        }
    }

    /** Text that starts like a secret and is not one, followed by more than the look-ahead of ordinary text. */
    static final List<String> LOOK_ALIKES = List.of(
            "Install sk-learn with pip, then import it.",
            "The AKIA prefix marks an AWS access key id.",
            "A token like ghp_ followed by 36 letters is a GitHub token.",
            "Stripe keys start with sk_live_ or sk_test_, never share them.",
            "This certificate is public:\n-----BEGIN CERTIFICATE-----\nMIIB" + "A".repeat(200) + "\n-----END"
                    + " CERTIFICATE-----\nIt is fine to share.",
            "Markdown rules are three dashes:\n---\nlike that.",
            "The header reads eyJhbGciOi and then stops.",
            "See https://hooks.slack.com/ for the docs, not a webhook.");

    @Test
    void textAfterALookAlikeIsReleasedOnceItIsClearlyNotASecret() {
        String ordinary = " Ordinary text follows here, plain words that no check minds at all, sentence after"
                + " sentence, long enough to pass the hold-back window of the secrets check several times over.";
        int window = new SecretsCheck(SecretDetector.defaults()).lookAhead();
        for (String lookAlike : LOOK_ALIKES) {
            String answer = lookAlike + ordinary;
            for (int size : new int[] {1, 5, 13}) {
                Streamed streamed = stream(answer, text -> StreamedModel.chunks(text, size), Action.BLOCK);
                assertThat(streamed.error()).as(lookAlike).isNull();
                assertThat(streamed.outcome()).isEqualTo(Outcome.DELIVERED);
                assertThat(streamed.partials()).isEqualTo(answer);
                // Before the model finished: no more than the window was held back.
                List<Integer> received = streamed.receivedAfterChunk();
                int sent = 0;
                for (int k = 0; k < received.size(); k++) {
                    sent = Math.min(answer.length(), sent + size);
                    assertThat(sent - received.get(k)).as(lookAlike + " after " + sent).isLessThanOrEqualTo(window);
                }
            }
        }
    }
}
