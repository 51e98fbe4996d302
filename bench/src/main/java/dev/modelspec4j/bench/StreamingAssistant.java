package dev.modelspec4j.bench;

import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.UserMessage;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Forbid;
import dev.modelspec4j.annotation.Length;
import dev.modelspec4j.annotation.ModelSpec;
import dev.modelspec4j.annotation.OnViolation;
import dev.modelspec4j.annotation.Pii;
import dev.modelspec4j.annotation.PiiMode;
import dev.modelspec4j.annotation.PiiType;
import dev.modelspec4j.annotation.Secrets;

/**
 * The streamed assistant the benchmarks guard, one method per rule set: {@code chat}, two phrases (the longer
 * needs 57 characters) and a length; {@code chatPrivately}, the same with {@code @Pii} masking e-mail addresses
 * and card numbers in the answer; {@code chatWithSecrets}, the same with {@code @Secrets} masking credentials.
 * The length limit is above the longest benchmarked answer, so that every stream runs to its end.
 */
@ModelSpec(id = "bench.stream", version = "1")
public interface StreamingAssistant {

    @Forbid(phrases = {"guaranteed refund", "as an AI language model"})
    @Length(maxChars = 100_000)
    @OnViolation(action = Action.REFUSE)
    TokenStream chat(@UserMessage String question);

    @Forbid(phrases = {"guaranteed refund", "as an AI language model"})
    @Length(maxChars = 100_000)
    @Pii(types = {PiiType.EMAIL, PiiType.CREDIT_CARD}, input = PiiMode.ALLOW, output = PiiMode.MASK)
    @OnViolation(action = Action.REFUSE)
    TokenStream chatPrivately(@UserMessage String question);

    @Forbid(phrases = {"guaranteed refund", "as an AI language model"})
    @Length(maxChars = 100_000)
    @Secrets(action = Action.REDACT)
    @OnViolation(action = Action.REFUSE)
    TokenStream chatWithSecrets(@UserMessage String question);
}
