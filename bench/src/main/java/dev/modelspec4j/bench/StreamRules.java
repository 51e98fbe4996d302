package dev.modelspec4j.bench;

import dev.langchain4j.service.TokenStream;
import dev.modelspec4j.annotation.PiiType;
import dev.modelspec4j.check.builtin.ForbidCheck;
import dev.modelspec4j.check.pii.PiiDetector;
import dev.modelspec4j.check.secrets.SecretsCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The rule sets the streaming benchmarks guard, each a method of {@link StreamingAssistant}, with the window its
 * rules declare: the largest look-ahead of its checks, in characters.
 */
public enum StreamRules {

    /** Two {@code @Forbid} phrases and a length limit. */
    PHRASES(StreamingAssistant::chat, phrases()),
    /** The phrases, and {@code @Pii} masking e-mail addresses and card numbers in the answer. */
    PII(StreamingAssistant::chatPrivately, Math.max(phrases(),
            PiiDetector.of(PiiType.EMAIL, PiiType.CREDIT_CARD).longestValue() + PiiDetector.END_CONTEXT)),
    /** The phrases, and {@code @Secrets} masking credentials. */
    SECRETS(StreamingAssistant::chatWithSecrets, Math.max(phrases(), SecretsCheck.defaults().lookAhead()));

    /** The size of every chunk the model sends, in characters. */
    static final int CHUNK = 5;

    static final String QUESTION = "How do I fix my router?";

    private final BiFunction<StreamingAssistant, String, TokenStream> method;
    private final int window;

    StreamRules(BiFunction<StreamingAssistant, String, TokenStream> method, int window) {
        this.method = method;
        this.window = window;
    }

    private static int phrases() {
        return Math.max(ForbidCheck.phraseLookAhead("guaranteed refund"),
                ForbidCheck.phraseLookAhead("as an AI language model"));
    }

    /** A stream of this rule set's method. */
    public TokenStream chat(StreamingAssistant assistant) {
        return method.apply(assistant, QUESTION);
    }

    /** The window the rules declare, in characters: no stream may hold back more. */
    public int window() {
        return window;
    }

    /** The answer every benchmark streams: {@code tokens} chunks of {@value #CHUNK} characters, no rule broken. */
    static List<String> answer(int tokens) {
        String sentence = "Unplug the router for ten seconds, then plug it back in. ";
        StringBuilder text = new StringBuilder();
        while (text.length() < tokens * CHUNK) {
            text.append(sentence);
        }
        List<String> chunks = new ArrayList<>(tokens);
        for (int i = 0; i < tokens; i++) {
            chunks.add(text.substring(i * CHUNK, (i + 1) * CHUNK));
        }
        return chunks;
    }
}
