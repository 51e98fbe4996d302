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
import dev.modelspec4j.processor.kind.PlanCode;
import dev.modelspec4j.processor.kind.RuleKind;
import dev.modelspec4j.processor.kind.RuleKinds;
import dev.modelspec4j.processor.model.AssistantModel;
import dev.modelspec4j.processor.model.MethodModel;
import dev.modelspec4j.processor.model.MethodModel.ParameterModel;
import dev.modelspec4j.processor.model.MethodModel.UntrustedParameter;
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
    private static final ClassName CALL_OUTCOME = ClassName.get(RUNTIME + ".enforce", "CallOutcome");
    private static final ClassName TEMPLATES = ClassName.get(RUNTIME + ".enforce", "Templates");
    private static final ClassName PLANS = ClassName.get(RUNTIME + ".internal", "Plans");
    private static final ClassName ENFORCER_OPTIONS = ClassName.get(RUNTIME + ".internal", "EnforcerOptions");
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
    private final String processorVersion;
    /** The structured-output constant of each method (overloads have one each). */
    private final Map<MethodModel, String> outputConstants = new java.util.IdentityHashMap<>();
    private final Map<MethodModel, String> guardrailFields = new java.util.IdentityHashMap<>();

    /**
     * @param generatedAnnotationAvailable whether {@code javax.annotation.processing.Generated} exists on the
     *     compilation's platform
     * @param processorVersion the processor's Maven version, which the runtime checks against its own
     */
    public GuardedClassWriter(boolean generatedAnnotationAvailable, String processorVersion) {
        this.generatedAnnotationAvailable = generatedAnnotationAvailable;
        this.processorVersion = processorVersion;
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
                .initializer("new $T($L,$W$L,$W$S,$W$L)", SPEC_INFO, SourceText.string(model.specId()),
                        SourceText.string(model.specVersion()), model.hash(),
                        SourceText.string(model.interfaceName().canonicalName()))
                .build());

        // Constant names never equal a parameter name, which would hide the constant in that method.
        Set<String> names = new HashSet<>(Set.of("SPEC", "PROCESSOR_VERSION"));
        model.methods().forEach(m -> m.parameters().forEach(p -> names.add(p.name())));
        type.addField(FieldSpec.builder(String.class, "PROCESSOR_VERSION", Modifier.PRIVATE, Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("The modelspec4j-processor that wrote this class; the runtime must be of the same"
                        + " version.\n")
                .initializer("$L", SourceText.string(processorVersion))
                .build());
        List<Constant> constants = new ArrayList<>();
        Map<String, String> checkConstants = sharedChecks(model, names, constants);
        List<String> planConstants = new ArrayList<>();
        for (MethodModel method : model.methods()) {
            String constant = unique(constantName(method.name()) + "_PLAN", names);
            planConstants.add(constant);
            constants.add(new Constant(METHOD_PLAN, constant, null, planInitializer(method, checkConstants)));
        }

        outputConstants.clear();
        Map<String, String> schemas = sharedSchemas(model, names, constants);
        for (MethodModel method : model.methods()) {
            if (method.structured() != null) {
                String constant = unique(constantName(method.name()) + "_OUTPUT", names);
                outputConstants.put(method, constant);
                constants.add(new Constant(StructuredOutputWriter.STRUCTURED_OUTPUT, constant,
                        CodeBlock.of("The structured output of {@code $L}: JSON schema, reader and field rules.\n",
                                method.name()),
                        StructuredOutputWriter.initializer(method, schemas.get(
                                StructuredOutputWriter.responseFormat(method.structured()).toString()))));
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
                .addJavadoc(builderJavadoc(model))
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

    /** What the builder must be given, as {@code AssistantBuilder} checks it, for the builder's Javadoc. */
    private static CodeBlock builderJavadoc(AssistantModel model) {
        Needs needs = Needs.of(model);
        CodeBlock.Builder doc = CodeBlock.builder().add("A builder of the assistant. ");
        if (needs.whole() && needs.streams()) {
            doc.add("Set {@code chatModel}, which the methods that return the\nwhole answer call,")
                    .add(" {@code streamingChatModel}, which the methods that return a\n{@code TokenStream} call,")
                    .add(" or both: a method whose model is not set fails when called.");
        } else if (needs.streams()) {
            doc.add("Set {@code streamingChatModel}.");
        } else {
            doc.add("Set {@code chatModel}.");
        }
        if (needs.moderates()) {
            doc.add("\nSet {@code moderationModel}: a method is moderated.");
        }
        if (needs.memory()) {
            doc.add("\nSet {@code chatMemoryProvider}: the assistant keeps chat memory.");
        }
        return doc.add("\n").build();
    }

    /** {@code enforcer(EnforcerOptions.of(SPEC, PROCESSOR_VERSION).chatModel()...)}: what the assistant needs. */
    private static CodeBlock enforcerCall(AssistantModel model) {
        Needs needs = Needs.of(model);
        CodeBlock.Builder options = CodeBlock.builder()
                .add("$T.of(SPEC, PROCESSOR_VERSION)", ENFORCER_OPTIONS).indent().indent();
        if (needs.memory()) {
            options.add("\n.chatMemory()");
        }
        if (needs.whole() || !needs.streams()) {
            options.add("\n.chatModel()");
        }
        if (needs.streams()) {
            options.add("\n.streamingChatModel()");
        }
        if (needs.moderates()) {
            options.add("\n.moderationModel()");
        }
        return CodeBlock.of("enforcer($L)", options.unindent().unindent().build());
    }

    /** What the builder of an assistant must be given. */
    private record Needs(boolean memory, boolean whole, boolean streams, boolean moderates) {

        static Needs of(AssistantModel model) {
            boolean streams = false;
            boolean whole = false;
            boolean moderates = false;
            for (MethodModel method : model.methods()) {
                streams |= method.returnKind() == ReturnKind.TOKEN_STREAM;
                whole |= method.returnKind() != ReturnKind.TOKEN_STREAM;
                moderates |= method.rules().stream().anyMatch(r -> RuleKinds.of(r).needsModerationModel());
            }
            return new Needs(model.needsMemory(), whole || !streams, streams, moderates);
        }
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

    /**
     * {@code Plans.method(name).maxAttempts(..).refusal(..).privacy(..).output(..).build()}: a check used once is
     * written where its rule is, shared ones are constants.
     */
    private static CodeBlock planInitializer(MethodModel method, Map<String, String> checkConstants) {
        PlanCode code = new PlanCode();
        for (RuleModel rule : method.rules()) {
            RuleKind<RuleModel> kind = RuleKinds.of(rule);
            if (!kind.inPlan()) {
                continue;
            }
            String constant = checkConstants.get(checkKey(kind, rule));
            kind.plan(rule, constant != null ? CodeBlock.of("$N", constant) : kind.check(rule), code);
        }
        CodeBlock.Builder plan = CodeBlock.builder()
                .add("$T.method($L)", PLANS, SourceText.string(method.name())).indent().indent();
        if (method.maxAttempts() != 1) {
            plan.add("\n.maxAttempts($L)", method.maxAttempts());
        }
        if (!method.refusal().isEmpty()) {
            plan.add("\n.refusal($L)", SourceText.string(method.refusal()));
        }
        if (code.privacy() != null) {
            plan.add("\n.privacy($L)", code.privacy());
        }
        for (CodeBlock rule : code.rules()) {
            plan.add("\n$L", rule);
        }
        return plan.add("\n.build()").unindent().unindent().build();
    }

    /**
     * One constant for each check that the class would otherwise create more than once: the check of a rule
     * that applies to several methods, or checks written alike for rules of several methods. Returns the
     * constant of each {@link #checkKey}.
     */
    private static Map<String, String> sharedChecks(AssistantModel model, Set<String> names,
            List<Constant> constants) {
        Map<String, Integer> uses = new HashMap<>();
        Map<String, Set<String>> ids = new HashMap<>();
        for (MethodModel method : model.methods()) {
            for (RuleModel rule : method.rules()) {
                RuleKind<RuleModel> kind = RuleKinds.of(rule);
                if (kind.inPlan() && kind.sharesCheck()) {
                    uses.merge(checkKey(kind, rule), kind.checkUses(rule), Integer::sum);
                    ids.computeIfAbsent(checkKey(kind, rule), k -> new java.util.TreeSet<>()).add(rule.id());
                }
            }
        }
        Map<String, String> checkConstants = new LinkedHashMap<>();
        for (MethodModel method : model.methods()) {
            for (RuleModel rule : method.rules()) {
                RuleKind<RuleModel> kind = RuleKinds.of(rule);
                String key = checkKey(kind, rule);
                if (!uses.containsKey(key) || uses.get(key) < 2 || checkConstants.containsKey(key)) {
                    continue;
                }
                boolean oneRule = ids.get(key).size() == 1;
                String constant = unique(constantName(oneRule ? rule.id() : rule.kind()) + kind.constantSuffix(),
                        names);
                checkConstants.put(key, constant);
                CodeBlock javadoc = oneRule
                        ? CodeBlock.of("{@code @$L}, from the $L.\n", SourceText.javadoc(rule.kind()),
                                SourceText.javadoc(rule.origin()))
                        : CodeBlock.of("{@code @$L}: one check for the $L rules of the kind written alike.\n",
                                SourceText.javadoc(rule.kind()), ids.get(key).size());
                constants.add(new Constant(kind.checkType(rule), constant, javadoc, kind.check(rule)));
            }
        }
        return checkConstants;
    }

    /**
     * One constant for each JSON schema that several methods answer in, named after the schema; returns the
     * constant of each response format's code.
     */
    private static Map<String, String> sharedSchemas(AssistantModel model, Set<String> names,
            List<Constant> constants) {
        Map<String, List<MethodModel>> methods = new LinkedHashMap<>();
        for (MethodModel method : model.methods()) {
            if (method.structured() != null) {
                methods.computeIfAbsent(StructuredOutputWriter.responseFormat(method.structured()).toString(),
                        k -> new ArrayList<>()).add(method);
            }
        }
        Map<String, String> schemas = new HashMap<>();
        methods.forEach((code, users) -> {
            if (users.size() < 2) {
                return;
            }
            String constant = unique(constantName(users.get(0).structured().schemaName()) + "_SCHEMA", names);
            schemas.put(code, constant);
            constants.add(new Constant(StructuredOutputWriter.RESPONSE_FORMAT, constant,
                    CodeBlock.of("The JSON schema of the answers of $L.\n", String.join(", ",
                            users.stream().map(m -> "{@code " + m.name() + "}").toList())),
                    StructuredOutputWriter.responseFormat(users.get(0).structured())));
        });
        return schemas;
    }

    /** Rules with the same key can share one check: the same code creates it (and, for the user's checks, the id). */
    private static String checkKey(RuleKind<RuleModel> kind, RuleModel rule) {
        String code = kind.inPlan() ? kind.check(rule).toString() : "";
        return kind.sharesCheckAcrossRules() ? code : rule.id() + "\n" + code;
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
