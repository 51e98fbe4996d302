package dev.modelspec4j.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.modelspec4j.check.OutputCheck;
import dev.modelspec4j.internal.spec.SpecKind;
import dev.modelspec4j.processor.generate.JsonWriter;
import dev.modelspec4j.processor.model.RuleModel;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;

/**
 * Everything the processor knows about one kind of rule, in one place: reading and checking its annotation, the
 * model it makes, the code it emits, whether it can be enforced on a stream, its text in spec documents, what
 * weakens it, and (through {@link #spec}) how the spec diff compares two versions of it. Adding a kind means one
 * descriptor, listed in {@link RuleKinds}, with its runtime check, its docs and its tests.
 *
 * @param <R> the kind's model
 */
public abstract class RuleKind<R extends RuleModel> {

    static final ClassName OUTPUT_CHECK = ClassName.get("dev.modelspec4j.check", "OutputCheck");

    private final Class<R> model;
    private final SpecKind spec;
    private final String annotation;

    /**
     * @param model the record of the kind's rules
     * @param spec the kind's entry in the spec-document table
     * @param annotation the qualified name of the annotation that states it; null when no single one does
     */
    RuleKind(Class<R> model, SpecKind spec, String annotation) {
        this.model = model;
        this.spec = spec;
        this.annotation = annotation;
    }

    public final Class<R> modelType() {
        return model;
    }

    /** The kind's name in ids, messages and spec documents: the annotation's simple name. */
    public String name() {
        return spec.documentName();
    }

    /** The name of {@code rule}'s kind; a kind with variants names the variant. */
    public String name(R rule) {
        return spec(rule).documentName();
    }

    /** The kind's entry in the spec-document table, which the spec diff compares by. */
    public SpecKind spec(R rule) {
        return spec;
    }

    /** The annotation that states {@code rule}, to find its source position. */
    public String annotation(R rule) {
        return annotation;
    }

    // Reading -------------------------------------------------------------------------------------------------

    /** Whether the annotation has {@code userOverridable}, which a ROOT policy may not set. */
    public boolean hasUserOverridable() {
        return false;
    }

    /** The qualified name of the annotation that states the kind; null when no single one does. */
    public String annotation() {
        return annotation;
    }

    /**
     * Reads the rules of this kind written directly on {@code element}, reporting what is wrong with them; a
     * rule with an error makes no draft.
     */
    public abstract void read(KindReader reader, Element element, ReadScope scope, List<RuleDraft> out);

    /** Whether at most one rule of the kind applies to a method: a lower-level one replaces a higher one. */
    public boolean singleton() {
        return false;
    }

    /** Whether the REDACT action can mask what the rule finds. */
    public boolean redactable() {
        return true;
    }

    /** The relative cost of the rule's check: a method's rules run cheapest first. */
    public abstract int cost();

    /** A canonical description of the rule's parameters, for the spec hash. */
    public abstract String canonical(R rule);

    /** Whether the rule does anything; a rule that does nothing (switched off, scoped to nothing) is dropped. */
    public boolean inEffect(R rule) {
        return true;
    }

    // Generated code ------------------------------------------------------------------------------------------

    /** Whether the rule is part of its method's plan; a rule outside it is handed to the engine otherwise. */
    public boolean inPlan() {
        return true;
    }

    /** Whether the builder must be given a moderation model for the rule. */
    public boolean needsModerationModel() {
        return false;
    }

    /** The suffix of the name of a shared constant holding the check. */
    public String constantSuffix() {
        return "_CHECK";
    }

    /** Whether the rule's check may be a constant shared by the methods it applies to. */
    public boolean sharesCheck() {
        return true;
    }

    /**
     * Whether rules of other ids whose checks are written alike may share one instance of the check; false when
     * the check is the user's class, which may keep state of its own rule.
     */
    public boolean sharesCheckAcrossRules() {
        return true;
    }

    /** How many times a method's plan names the check of one rule. */
    public int checkUses(R rule) {
        return 1;
    }

    /** The type of a shared constant holding the check. */
    public ClassName checkType(R rule) {
        return OUTPUT_CHECK;
    }

    /** The expression that creates the rule's check. */
    public abstract CodeBlock check(R rule);

    /** The expression that creates the check of the rule placed on a single value, such as a record component. */
    public CodeBlock valueCheck(R rule) {
        return check(rule);
    }

    /** Adds the rule to its method's plan; {@code check} is the check's expression or constant. */
    public void plan(R rule, CodeBlock check, PlanCode plan) {
        plan.output(rule, check);
    }

    // Streaming -----------------------------------------------------------------------------------------------

    /** Why the rule needs the whole answer and what to do instead; empty when it judges a growing answer. */
    public Optional<WholeAnswer> wholeAnswer(R rule) {
        return Optional.empty();
    }

    /** Why a rule cannot be enforced on a stream, and what to do instead. */
    public record WholeAnswer(String why, String instead) {
    }

    // Spec documents ------------------------------------------------------------------------------------------

    /** What the rule asks, in plain words. */
    public abstract String describe(R rule);

    /** Writes the members of the rule's {@code parameters} object. */
    public abstract void parameters(R rule, JsonWriter json);

    // Chain of command ----------------------------------------------------------------------------------------

    /** Why {@code lower}, which stands for {@code higher}, is weaker than it; null when at least as strict. */
    public String weaker(R higher, R lower) {
        return null;
    }

    /**
     * The bounds of {@code lower} that loosen those of {@code higher}, a rule of the same kind at a higher level,
     * whatever their ids: each as the annotation attribute to point at and why.
     */
    public List<Loosened> loosened(R higher, R lower) {
        return List.of();
    }

    /** A bound that loosens a higher-level one: the attribute to point at, and why. */
    public record Loosened(String attribute, String why) {
    }

    // Worked examples -----------------------------------------------------------------------------------------

    /** The runtime check that judges worked examples at compile time; empty for kinds that are not run there. */
    public Optional<OutputCheck> exampleCheck(R rule) {
        return Optional.empty();
    }
}
