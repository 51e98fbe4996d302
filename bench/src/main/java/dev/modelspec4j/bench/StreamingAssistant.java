package dev.modelspec4j.bench;

import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.UserMessage;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Forbid;
import dev.modelspec4j.annotation.Length;
import dev.modelspec4j.annotation.ModelSpec;
import dev.modelspec4j.annotation.OnViolation;

/** The streamed assistant the benchmarks guard: two phrases (the longer needs 57 characters) and a length. */
@ModelSpec(id = "bench.stream", version = "1")
public interface StreamingAssistant {

    @Forbid(phrases = {"guaranteed refund", "as an AI language model"})
    @Length(maxChars = 4000)
    @OnViolation(action = Action.REFUSE)
    TokenStream chat(@UserMessage String question);
}
