package dev.modelspec4j.samples.supportdesk;

import dev.modelspec4j.annotation.Forbid;
import dev.modelspec4j.annotation.Length;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.annotation.Policy;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Acme's company-wide rules for every assistant: a root policy, which no team can weaken. */
@Policy(level = Level.ROOT)
@Length(maxChars = 2000)
@Forbid(phrases = {"guaranteed refund", "legally binding"})
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AcmeBaseline {
}
