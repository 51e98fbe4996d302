package dev.modelspec4j.samples.tickettriage;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.ModelSpec;
import dev.modelspec4j.annotation.OnViolation;
import dev.modelspec4j.annotation.Untrusted;

/** Estimates the hours a support e-mail needs: a method returning a primitive. */
@ModelSpec(id = "acme.effort", version = "1.0")
@SystemMessage("You estimate how many hours of work a support request needs.")
public interface EffortEstimate {

    @UserMessage("How many hours of work does this e-mail ask for?")
    @OnViolation(action = Action.REASK, maxAttempts = 2)
    int hours(@Untrusted("customer e-mail") String email);
}
