package dev.modelspec4j.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.modelspec4j.processor.model.AssistantModel;
import dev.modelspec4j.processor.model.MethodModel;
import dev.modelspec4j.processor.model.MethodModel.ParameterModel;
import dev.modelspec4j.processor.model.MethodModel.UntrustedParameter;
import dev.modelspec4j.check.OutputCheck;
import dev.modelspec4j.processor.model.ReturnKind;
import dev.modelspec4j.processor.model.RuleModel;
import dev.modelspec4j.processor.model.TemplatePart;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code Guarded<Name>}: a final class implementing the assistant interface, whose methods hand the
 * call to the runtime's {@code Call} with the rules precompiled as constants. Everything generic lives in the
 * runtime; the class holds only what is specific to the interface.
 */
public final class GuardedClassWriter {

    private static final String RUNTIME = "dev.modelspec4j";
    private static final ClassName ASSISTANT_BUILDER = ClassName.get(RUNTIME, "AssistantBuilder");
    private static final ClassName MODEL_SPEC_GENERATED = ClassName.get(RUNTIME, "ModelSpecGenerated");
    private static final ClassName ENFORCER = ClassName.get(RUNTIME + ".enforce", "Enforcer");
    private static final ClassName SPEC_INFO = ClassName.get(RUNTIME + ".enforce", "SpecInfo");
    private static final ClassName METHOD_PLAN = ClassName.get(RUNTIME + ".enforce", "MethodPlan");
    private static final ClassName RULE = ClassName.get(RUNTIME + ".enforce", "Rule");
    private static final ClassName CALL_OUTCOME = ClassName.get(RUNTIME + ".enforce", "CallOutcome");
    private static final ClassName TEMPLATES = ClassName.get(RUNTIME + ".enforce", "Templates");
    private static final ClassName LEVEL = ClassName.get(RUNTIME + ".annotation", "Level");
    private static final ClassName ACTION = ClassName.get(RUNTIME + ".annotation", "Action");
    private static final ClassName LENGTH_CHECK = ClassName.get(RUNTIME + ".check.builtin", "LengthCheck");
    private static final ClassName FORBID_CHECK = ClassName.get(RUNTIME + ".check.builtin", "ForbidCheck");
    private static final ClassName REQUIRE_CHECK = ClassName.get(RUNTIME + ".check.builtin", "RequireCheck");
    private static final ClassName OUTPUT_CHECK = ClassName.get(RUNTIME + ".check", "OutputCheck");
    private static final ClassName SECRETS_CHECK = ClassName.get(RUNTIME + ".check.secrets", "SecretsCheck");
    private static final ClassName PRIVACY_PLAN = ClassName.get(RUNTIME + ".enforce", "PrivacyPlan");
    private static final ClassName INPUT_CHECK = ClassName.get(RUNTIME + ".check", "InputCheck");
    private static final ClassName INJECTION_CHECK =
            ClassName.get(RUNTIME + ".check.injection", "PromptInjectionCheck");
    private static final ClassName INJECTION_SCOPE = ClassName.get(RUNTIME + ".annotation", "InjectionScope");
    private static final ClassName LEAK_CHECK = ClassName.get(RUNTIME + ".check.leak", "InstructionLeakCheck");
    private static final ClassName PII_CHECK = ClassName.get(RUNTIME + ".check.pii", "PiiCheck");
    private static final ClassName PII_DETECTOR = ClassName.get(RUNTIME + ".check.pii", "PiiDetector");
    private static final ClassName PII_TYPE = ClassName.get(RUNTIME + ".annotation", "PiiType");
    private static final ClassName PII_MODE = ClassName.get(RUNTIME + ".annotation", "PiiMode");
    private static final ClassName MODERATION_CHECK = ClassName.get(RUNTIME + ".check", "ModerationCheck");
    private static final ClassName CHAT_MEMORY = ClassName.get("dev.langchain4j.memory", "ChatMemory");
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final String PROCESSOR = "dev.modelspec4j.processor.ModelSpecProcessor";

    /**
     * Names that start an expression in a method body: {@code Templates.value(..)}, or {@code dev.modelspec4j...}
     * when the type must be qualified. A parameter of such a name would hide them.
     */
    private static final Set<String> QUALIFIER_ROOTS = Set.of(TEMPLATES.simpleName(), "dev");
    /** Above this length of initialiser source, constants are initialised by static methods of their own. */
    private static final int INLINE_INITIALIZERS_LENGTH = 16_000;

    private final boolean generatedAnnotationAvailable;
    /** The structured-output constant of each method (overloads have one each). */
    private final Map<MethodModel, String> outputConstants = new java.util.IdentityHashMap<>();
    private final Map<MethodModel, String> guardrailFields = new java.util.IdentityHashMap<>();

    /**
     * @param generatedAnnotationAvailable whether {@code javax.annotation.processing.Generated} exists on the
     *     compilation's platform
     */
    public GuardedClassWriter(boolean generatedAnnotationAvailable) {
        this.generatedAnnotationAvailable = generatedAnnotationAvailable;
    }

    /**
     * @param model the assistant
     * @param originatingElement the interface: the one originating element of the file (isolating processing)
     */
    public JavaFile write(AssistantModel model, Element originatingElement) {
        ClassName self = model.generatedName();
        ClassName builderName = self.nestedClass("Builder");
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(model.interfaceName())
                .addOriginatingElement(originatingElement)
                .addJavadoc("Enforces the spec {@code $L} version $L on {@link $T}.\n",
                        SourceText.javadoc(model.specId()), SourceText.javadoc(model.specVersion()),
                        model.interfaceName())
                .addJavadoc("\n<p>Generated by modelspec4j from the interface's annotations; do not edit.\n")
                .addAnnotation(AnnotationSpec.builder(MODEL_SPEC_GENERATED)
                        .addMember("specId", "$L", SourceText.literal(model.specId()))
                        .addMember("specVersion", "$L", SourceText.literal(model.specVersion()))
                        .build());
        if (generatedAnnotationAvailable) {
            type.addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build());
        }

        type.addField(FieldSpec.builder(SPEC_INFO, "SPEC", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("new $T($L, $L, $S, $L)", SPEC_INFO, SourceText.string(model.specId()),
                        SourceText.string(model.specVersion()), model.hash(),
                        SourceText.string(model.interfaceName().canonicalName()))
                .build());

        // Constant names never equal a parameter name, which would hide the constant in that method.
        Set<String> names = new HashSet<>(Set.of("SPEC"));
        model.methods().forEach(m -> m.parameters().forEach(p -> names.add(p.name())));
        List<Constant> constants = new ArrayList<>();
        Map<String, String> checkConstants = new LinkedHashMap<>();
        Map<String, Integer> uses = new HashMap<>();
        for (MethodModel method : model.methods()) {
            for (RuleModel rule : method.rules()) {
                uses.merge(rule.id(), rule instanceof RuleModel.SecretsRule ? 2 : 1, Integer::sum);
            }
        }
        for (MethodModel method : model.methods()) {
            for (RuleModel rule : method.rules()) {
                if (checkConstants.containsKey(rule.id()) || rule instanceof RuleModel.ModerateRule
                        || rule instanceof RuleModel.GuardrailRule || uses.get(rule.id()) < 2) {
                    continue;
                }
                boolean privacy = rule instanceof RuleModel.PiiRule;
                String constant = unique(constantName(rule.id()) + (privacy ? "_PLAN" : "_CHECK"), names);
                checkConstants.put(rule.id(), constant);
                constants.add(new Constant(constantType(rule), constant,
                        CodeBlock.of("{@code @$L}, from the $L.\n", SourceText.javadoc(rule.kind()),
                                SourceText.javadoc(rule.origin())),
                        checkInitializer(rule)));
            }
        }
        List<String> planConstants = new ArrayList<>();
        for (MethodModel method : model.methods()) {
            String constant = unique(constantName(method.name()) + "_PLAN", names);
            planConstants.add(constant);
            constants.add(new Constant(METHOD_PLAN, constant, null, planInitializer(method, checkConstants)));
        }

        outputConstants.clear();
        for (MethodModel method : model.methods()) {
            if (method.structured() != null) {
                String constant = unique(constantName(method.name()) + "_OUTPUT", names);
                outputConstants.put(method, constant);
                constants.add(new Constant(StructuredOutputWriter.STRUCTURED_OUTPUT, constant,
                        CodeBlock.of("The structured output of {@code $L}: JSON schema, reader and field rules.\n",
                                method.name()),
                        StructuredOutputWriter.initializer(method)));
            }
        }
        addConstants(type, model, constants);

        type.addField(ENFORCER, "enforcer", Modifier.PRIVATE, Modifier.FINAL);
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(ENFORCER, "enforcer")
                .addStatement("this.enforcer = enforcer");
        GuardrailFields.write(model, type, constructor, guardrailFields);
        type.addMethod(constructor.build());
        type.addMethod(MethodSpec.methodBuilder("builder")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builderName)
                .addJavadoc("A builder: set at least $L.\n", requiredModels(model))
                .addStatement("return new $T()", builderName)
                .build());

        for (int i = 0; i < model.methods().size(); i++) {
            type.addMethod(method(model, model.methods().get(i), planConstants.get(i)));
        }
        if (model.chatMemoryAccess()) {
            addChatMemoryAccess(type);
        }

        type.addType(TypeSpec.classBuilder(builderName)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(ASSISTANT_BUILDER, model.interfaceName(), builderName))
                .addJavadoc("Builds {@link $T} instances.\n", self)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("build")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(model.interfaceName())
                        .addStatement("return new $T($L)", self, enforcerCall(model))
                        .build())
                .build());

        type.alwaysQualify(model.inheritedNames().toArray(String[]::new));
        return JavaFile.builder(self.packageName(), type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private MethodSpec method(AssistantModel model, MethodModel method, String plan) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(method.name())
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(method.returnType())
                .addExceptions(method.thrownTypes());
        // A parameter named like the root of a name the body qualifies would hide it: only then is it renamed.
        Set<String> taken = new HashSet<>();
        method.parameters().forEach(p -> taken.add(p.name()));
        Map<String, String> local = new HashMap<>();
        for (ParameterModel p : method.parameters()) {
            String name = QUALIFIER_ROOTS.contains(p.name()) ? unique(p.name() + "Value", taken) : p.name();
            local.put(p.name(), name);
            m.addParameter(ParameterSpec.builder(p.type(), name).build());
        }
        boolean streams = method.returnKind() == ReturnKind.TOKEN_STREAM;
        CodeBlock.Builder call = CodeBlock.builder().add(
                streams ? "this.enforcer.streamingCall($N)" : "this.enforcer.call($N)", plan);
        if (method.memoryIdParameter() != null) {
            call.add("\n.memoryId($N)", local.get(method.memoryIdParameter()));
        }
        if (method.contextParameter() != null) {
            call.add("\n.context($N)", local.get(method.contextParameter()));
        }
        if (!method.systemMessage().isEmpty()) {
            call.add("\n.systemMessage($L)", render(method.systemMessage(), local));
        }
        for (String parameter : confidentialParameters(method)) {
            call.add("\n.confidential($N)", local.get(parameter));
        }
        List<String> contents = method.contentParameters();
        for (String content : contents.subList(0, Math.min(method.contentsBeforeText(), contents.size()))) {
            call.add("\n.content($N)", local.get(content));
        }
        if (!method.userMessage().isEmpty()) {
            call.add("\n.userMessage($L)", render(method.userMessage(), local));
        }
        for (String content : contents.subList(Math.min(method.contentsBeforeText(), contents.size()),
                contents.size())) {
            call.add("\n.content($N)", local.get(content));
        }
        if (method.userNameParameter() != null) {
            call.add("\n.userName($N)", local.get(method.userNameParameter()));
        }
        for (UntrustedParameter u : method.untrusted()) {
            call.add("\n.untrusted($L, $N)", SourceText.string(u.label()), local.get(u.name()));
        }
        if (outputConstants.containsKey(method)) {
            call.add("\n.structured($N)", outputConstants.get(method));
        }
        if (guardrailFields.containsKey(method)) {
            call.add("\n.guardrails(this.$N)", guardrailFields.get(method));
        }
        if (streams) {
            m.addStatement("return $L\n.stream($L)", call.build(), method.bufferStream());
            return m.build();
        }
        call.add("\n.execute()");
        if (method.fallbackMethod() == null) {
            m.addStatement("return $L\n.$L()", call.build(), method.returnKind().accessor());
        } else {
            String outcome = unique("outcome", taken);
            m.addStatement("$T $N = $L", CALL_OUTCOME, outcome, call.build());
            String args = String.join(", ", method.parameters().stream().map(p -> local.get(p.name())).toList());
            m.beginControlFlow("if ($N.needsFallback())", outcome)
                    .addStatement("return $T.super.$N($L)", model.interfaceName(), method.fallbackMethod(), args)
                    .endControlFlow()
                    .addStatement("return $N.$L()", outcome, method.returnKind().accessor());
        }
        return m.build();
    }

    /** LangChain4j's {@code ChatMemoryAccess}, over the memories this instance holds. */
    private static void addChatMemoryAccess(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.methodBuilder("getChatMemory")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(CHAT_MEMORY)
                .addParameter(Object.class, "memoryId")
                .addStatement("return this.enforcer.chatMemory(memoryId)")
                .build());
        type.addMethod(MethodSpec.methodBuilder("evictChatMemory")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addParameter(Object.class, "memoryId")
                .addStatement("return this.enforcer.evictChatMemory(memoryId)")
                .build());
    }

    /** A static constant of the generated class: its type, name, Javadoc (or null) and initialiser. */
    private record Constant(ClassName type, String name, CodeBlock javadoc, CodeBlock initializer) {
    }

    /**
     * Adds the constants. javac puts every static initialiser in one method, which may not exceed 64 KiB of
     * byte code: when the initialisers are long, each is written in a static method of its own that the field
     * calls, so that the class initialiser only holds the calls.
     */
    private static void addConstants(TypeSpec.Builder type, AssistantModel model, List<Constant> constants) {
        int length = 0;
        for (Constant constant : constants) {
            length += constant.initializer().toString().length();
        }
        boolean factories = length > INLINE_INITIALIZERS_LENGTH;
        Set<String> methods = new HashSet<>(model.inheritedNames());
        methods.add("builder");
        model.methods().forEach(m -> methods.add(m.name()));
        for (Constant constant : constants) {
            FieldSpec.Builder field = FieldSpec.builder(constant.type(), constant.name(), Modifier.PRIVATE,
                    Modifier.STATIC, Modifier.FINAL);
            if (constant.javadoc() != null) {
                field.addJavadoc(constant.javadoc());
            }
            if (!factories) {
                type.addField(field.initializer(constant.initializer()).build());
                continue;
            }
            String factory = unique(camelCase(constant.name()), methods);
            type.addField(field.initializer("$N()", factory).build());
            type.addMethod(MethodSpec.methodBuilder(factory)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(constant.type())
                    .addStatement("return $L", constant.initializer())
                    .build());
        }
    }

    /** {@code ANSWER_PLAN} → {@code answerPlan}. */
    private static String camelCase(String constant) {
        StringBuilder out = new StringBuilder();
        for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
            if (word.isEmpty()) {
                continue;
            }
            out.append(out.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return out.length() == 0 || !Character.isJavaIdentifierStart(out.charAt(0)) ? "constant" + out : out.toString();
    }

    /** The models the builder must have, for its Javadoc. */
    private static String requiredModels(AssistantModel model) {
        List<String> models = new ArrayList<>();
        if (model.methods().stream().anyMatch(m -> m.returnKind() != ReturnKind.TOKEN_STREAM)) {
            models.add("{@code chatModel}");
        }
        if (model.methods().stream().anyMatch(m -> m.returnKind() == ReturnKind.TOKEN_STREAM)) {
            models.add("{@code streamingChatModel}");
        }
        if (model.methods().stream().anyMatch(m -> m.rules().stream()
                .anyMatch(r -> r instanceof RuleModel.ModerateRule))) {
            models.add("{@code moderationModel}");
        }
        return models.isEmpty() ? "{@code chatModel}" : String.join(" and ", models);
    }

    /**
     * {@code enforcer(SPEC, needsMemory)}, or, when a method streams or is moderated, the form that also says
     * which models the builder must have.
     */
    private static CodeBlock enforcerCall(AssistantModel model) {
        boolean streams = false;
        boolean whole = false;
        boolean moderates = false;
        for (MethodModel method : model.methods()) {
            streams |= method.returnKind() == ReturnKind.TOKEN_STREAM;
            whole |= method.returnKind() != ReturnKind.TOKEN_STREAM;
            moderates |= method.rules().stream().anyMatch(r -> r instanceof RuleModel.ModerateRule);
        }
        if (!streams && !moderates) {
            return CodeBlock.of("enforcer(SPEC, $L)", model.needsMemory());
        }
        return CodeBlock.of("enforcer(SPEC, $L, $L, $L, $L)", model.needsMemory(), whole, streams, moderates);
    }

    /** The parameters whose values {@code @KeepInstructionsPrivate(confidential = ...)} names, in order, once. */
    private static List<String> confidentialParameters(MethodModel method) {
        Set<String> parameters = new LinkedHashSet<>();
        for (RuleModel rule : method.rules()) {
            if (rule instanceof RuleModel.KeepPrivateRule k && k.enabled()) {
                for (String variable : k.confidential()) {
                    for (List<TemplatePart> parts : List.of(method.systemMessage(), method.userMessage())) {
                        for (TemplatePart part : parts) {
                            if (part instanceof TemplatePart.Variable v && v.variable().equals(variable)) {
                                parameters.add(v.parameter());
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(parameters);
    }

    private static CodeBlock render(List<TemplatePart> parts, Map<String, String> local) {
        List<CodeBlock> pieces = new ArrayList<>();
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Literal literal) {
                pieces.add(SourceText.string(literal.text()));
            } else if (part instanceof TemplatePart.Variable variable) {
                pieces.add(CodeBlock.of("$T.value($L, $N)", TEMPLATES, SourceText.string(variable.variable()),
                        local.get(variable.parameter())));
            } else if (part instanceof TemplatePart.Special special) {
                pieces.add(CodeBlock.of("this.enforcer.$N()", switch (special.variable()) {
                    case "current_date" -> "currentDate";
                    case "current_time" -> "currentTime";
                    default -> "currentDateTime";
                }));
            }
        }
        if (pieces.size() == 1 && parts.get(0) instanceof TemplatePart.Literal) {
            return pieces.get(0);
        }
        if (pieces.size() == 1) {
            return pieces.get(0);
        }
        CodeBlock.Builder joined = CodeBlock.builder().add(pieces.get(0)).indent().indent();
        for (CodeBlock piece : pieces.subList(1, pieces.size())) {
            joined.add("\n+ $L", piece);
        }
        return joined.unindent().unindent().build();
    }

    private static ClassName constantType(RuleModel rule) {
        if (rule instanceof RuleModel.PiiRule) {
            return PRIVACY_PLAN;
        }
        if (rule instanceof RuleModel.PromptInjectionRule) {
            return INPUT_CHECK;
        }
        return rule instanceof RuleModel.SecretsRule ? SECRETS_CHECK : OUTPUT_CHECK;
    }

    /** The check of a rule placed on a single value, such as a component of a structured answer. */
    static CodeBlock valueCheckInitializer(RuleModel rule) {
        if (rule instanceof RuleModel.PiiRule pii) {
            return CodeBlock.of("new $T($L, $T.$L)", PII_CHECK, detector(pii), PII_MODE, pii.output());
        }
        return checkInitializer(rule);
    }

    private static CodeBlock detector(RuleModel.PiiRule pii) {
        List<CodeBlock> types = new ArrayList<>();
        for (var t : pii.types()) {
            types.add(CodeBlock.of("$T.$L", PII_TYPE, t));
        }
        return CodeBlock.of("$T.of($L)", PII_DETECTOR, CodeBlock.join(types, ", "));
    }

    static CodeBlock checkInitializer(RuleModel rule) {
        if (rule instanceof RuleModel.PiiRule pii) {
            return CodeBlock.of("new $T($L, $T.$L, $L, $T.$L, $T.$L)", PRIVACY_PLAN, SourceText.string(pii.id()), LEVEL,
                    pii.level(), detector(pii), PII_MODE, pii.input(), PII_MODE, pii.output());
        }
        if (rule instanceof RuleModel.SecretsRule) {
            return CodeBlock.of("$T.defaults()", SECRETS_CHECK);
        }
        if (rule instanceof RuleModel.PromptInjectionRule injection) {
            List<CodeBlock> scopes = new ArrayList<>();
            for (var scope : injection.scopes()) {
                scopes.add(CodeBlock.of("$T.$L", INJECTION_SCOPE, scope));
            }
            return CodeBlock.of("$T.of($L)", INJECTION_CHECK, CodeBlock.join(scopes, ", "));
        }
        if (rule instanceof RuleModel.KeepPrivateRule) {
            return CodeBlock.of("$T.standard()", LEAK_CHECK);
        }
        if (rule instanceof RuleModel.CustomRule custom) {
            return CodeBlock.of("new $T()", custom.checkClass());
        }
        if (rule instanceof RuleModel.LengthRule length) {
            return CodeBlock.of("new $T($L, $L, $L, $L)", LENGTH_CHECK, length.maxChars(), length.maxWords(),
                    length.maxSentences(), length.minChars());
        }
        if (rule instanceof RuleModel.ForbidRule forbid) {
            CodeBlock lookAhead = forbid.lookAhead() == OutputCheck.WHOLE_ANSWER
                    ? CodeBlock.of("$T.WHOLE_ANSWER", OUTPUT_CHECK) : CodeBlock.of("$L", forbid.lookAhead());
            return CodeBlock.of("new $T($L,\n$>$>new String[] {$L},\nnew String[] {$L})$<$<", FORBID_CHECK, lookAhead,
                    strings(forbid.patterns()), strings(forbid.descriptions()));
        }
        if (rule instanceof RuleModel.RequireRule require) {
            return CodeBlock.of("new $T($L)", REQUIRE_CHECK, strings(require.patterns()));
        }
        throw new IllegalArgumentException("no check for " + rule.kind());
    }

    /**
     * {@code new MethodPlan(name, maxAttempts, refusal[, privacy], rules...)}: a check used by one rule only is
     * written where the rule is, shared ones are constants.
     */
    private static CodeBlock planInitializer(MethodModel method, Map<String, String> checkConstants) {
        List<CodeBlock> rules = new ArrayList<>();
        CodeBlock privacy = null;
        for (RuleModel rule : method.rules()) {
            if (rule instanceof RuleModel.GuardrailRule) {
                continue; // created once per assistant: see GuardrailFields
            }
            String constant = checkConstants.get(rule.id());
            CodeBlock check = constant != null ? CodeBlock.of("$N", constant)
                    : rule instanceof RuleModel.ModerateRule ? CodeBlock.of("$T.INSTANCE", MODERATION_CHECK)
                    : checkInitializer(rule);
            if (rule instanceof RuleModel.PiiRule) {
                privacy = check;
                continue;
            }
            if (rule instanceof RuleModel.ModerateRule || rule instanceof RuleModel.PromptInjectionRule) {
                rules.add(CodeBlock.of("$T.input($L, $T.$L, $T.$L, $L)", RULE, SourceText.string(rule.id()), LEVEL,
                        rule.level(), ACTION, rule.action(), check));
                continue;
            }
            if (rule instanceof RuleModel.SecretsRule) {
                rules.add(CodeBlock.of("$T.input($L, $T.$L, $T.$L, $L)", RULE, SourceText.string(rule.id()), LEVEL,
                        rule.level(), ACTION, rule.action(), check));
            }
            CodeBlock output = CodeBlock.of("$T.output($L, $T.$L, $T.$L, $L)", RULE, SourceText.string(rule.id()), LEVEL,
                    rule.level(), ACTION, rule.action(), check);
            rules.add(rule.userOverridable() ? CodeBlock.of("$L.overridableByUser()", output) : output);
        }
        CodeBlock.Builder plan = CodeBlock.builder()
                .add("new $T($L, $L, $L", METHOD_PLAN, SourceText.string(method.name()), method.maxAttempts(),
                        SourceText.string(method.refusal()));
        if (privacy != null) {
            plan.add(", $L", privacy);
        }
        plan.indent().indent();
        for (CodeBlock rule : rules) {
            plan.add(",\n$L", rule);
        }
        return plan.unindent().unindent().add(")").build();
    }

    private static CodeBlock strings(List<String> strings) {
        List<CodeBlock> blocks = new ArrayList<>();
        for (String s : strings) {
            blocks.add(SourceText.string(s));
        }
        return CodeBlock.join(blocks, ", ");
    }

    /** {@code answer.lengthLimit} → {@code ANSWER_LENGTH_LIMIT}. */
    static String constantName(String id) {
        StringBuilder out = new StringBuilder();
        char previous = '_';
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                c = '_';
            }
            if (Character.isUpperCase(c) && Character.isLowerCase(previous)) {
                out.append('_');
            }
            if (c == '_' && previous == '_') {
                continue;
            }
            out.append(Character.toUpperCase(c));
            previous = c;
        }
        // Readable, and far below the class file's limit on names: uniqueness is settled by unique().
        String name = out.length() > 60 ? out.substring(0, 60) : out.toString();
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            name = "R_" + name;
        }
        return name.toUpperCase(Locale.ROOT);
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = name + "_" + i;
        }
        return candidate;
    }
}
