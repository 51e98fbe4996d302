package dev.modelspec4j.check.secrets;

import dev.modelspec4j.check.CheckContext;
import dev.modelspec4j.check.Finding;
import dev.modelspec4j.check.InputCheck;
import dev.modelspec4j.check.OutputCheck;
import dev.modelspec4j.check.Span;
import dev.modelspec4j.check.StreamWatch;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code @Secrets}: credentials must neither reach the model nor come back from it. The same check runs on the
 * input (user message, untrusted blocks) and on the answer; with REDACT the secrets are masked.
 */
public final class SecretsCheck implements InputCheck, OutputCheck {

    private final SecretDetector detector;

    public SecretsCheck(SecretDetector detector) {
        this.detector = detector;
    }

    /** The check with the default detector. */
    public static SecretsCheck defaults() {
        return new SecretsCheck(SecretDetector.defaults());
    }

    @Override
    public List<Finding> check(String text, InputPart part) {
        return findings(text, "The " + (part == InputPart.USER ? "message" : "data") + " contains a secret.");
    }

    @Override
    public List<Finding> check(String answer) {
        return findings(answer, "The answer must not contain credentials such as keys, tokens or passwords.");
    }

    /**
     * On a stream: the length of most vendor tokens (AWS, GitHub, GitLab, Slack, Stripe, Google, classic OpenAI
     * keys), and the context of a password assignment. Longer tokens with a known prefix (OpenAI project keys,
     * long JWTs, PEM private keys) are held from their prefix by {@link #watch}.
     */
    @Override
    public int lookAhead() {
        return 128;
    }

    /** Holds a streamed answer from the prefix of a token until the token ends: see {@link OpenSecret}. */
    @Override
    public StreamWatch watch(CheckContext context) {
        return new OpenSecret();
    }

    @Override
    public boolean supportsRedaction() {
        return true;
    }

    private List<Finding> findings(String text, String message) {
        List<SecretSpan> found = detector.detect(text);
        if (found.isEmpty()) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>(found.size());
        Set<SecretKind> kinds = EnumSet.noneOf(SecretKind.class);
        for (SecretSpan s : found) {
            spans.add(new Span(s.start(), s.end()));
            kinds.add(s.kind());
        }
        return List.of(new Finding(message, found.size() + " secret(s): " + kinds, spans));
    }
}
