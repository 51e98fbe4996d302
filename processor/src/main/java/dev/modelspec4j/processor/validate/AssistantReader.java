package dev.modelspec4j.processor.validate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;
import dev.modelspec4j.processor.diag.Diagnostics;
import dev.modelspec4j.processor.diag.Message;
import dev.modelspec4j.processor.model.AssistantModel;
import dev.modelspec4j.processor.model.MethodModel;
import dev.modelspec4j.processor.model.MethodModel.ParameterModel;
import dev.modelspec4j.processor.model.MethodModel.UntrustedParameter;
import dev.modelspec4j.processor.model.ReturnKind;
import dev.modelspec4j.processor.model.RuleModel;
import dev.modelspec4j.processor.model.SpecHash;
import dev.modelspec4j.processor.model.TemplatePart;
import dev.modelspec4j.processor.schema.StructuredModel;
import dev.modelspec4j.processor.kind.RuleDraft;
import dev.modelspec4j.processor.kind.RuleKinds;
import dev.modelspec4j.processor.validate.TemplateReader.Template;
import dev.modelspec4j.processor.validate.TemplateReader.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Validates one {@code @ModelSpec} element and, when it is sound, builds its {@link AssistantModel}. Every
 * problem of the interface is reported before it gives up, each at the most precise place.
 */
public final class AssistantReader {

    /** The longest spec id or version: the id names files, and both are stored in the generated class. */
    static final int MAX_SPEC_TEXT = 128;
    /** The most abstract methods of one assistant: the generated class holds a plan and a method for each. */
    static final int MAX_METHODS = 1000;
    /** Packages whose names start qualified names in the generated code. */
    private static final Set<String> GENERATED_CODE_PACKAGES = Set.of("dev", "java", "javax", "com");
    private static final Set<String> SPECIAL_VARIABLES = Set.of("current_date", "current_time", "current_date_time");

    private final ProcessingEnvironment env;
    private final Types types;
    private final Mirrors mirrors;
    private final Diagnostics diagnostics;
    private final RuleReader rules;
    private final TemplateReader templates;
    private final AuthorityValidator authority;
    private final StructuredReader structured;
    private final StreamingValidator streaming;
    private final GuardrailReader guardrails;

    private final List<String> requiredPolicies;

    /**
     * @param requiredPolicies qualified names of policies every assistant must apply (processor option
     *     {@code modelspec4j.requiredPolicies}), already checked to exist
     */
    public AssistantReader(ProcessingEnvironment env, Diagnostics diagnostics, List<String> requiredPolicies) {
        this.requiredPolicies = List.copyOf(requiredPolicies);
        this.env = env;
        this.types = env.getTypeUtils();
        this.mirrors = new Mirrors(env.getElementUtils());
        this.diagnostics = diagnostics;
        this.rules = new RuleReader(mirrors, diagnostics);
        this.templates = new TemplateReader(mirrors, env.getFiler(), diagnostics);
        this.authority = new AuthorityValidator(diagnostics);
        this.structured = new StructuredReader(env, mirrors, diagnostics, rules);
        this.streaming = new StreamingValidator(mirrors, diagnostics);
        this.guardrails = new GuardrailReader(mirrors, diagnostics);
    }

    /** The model of {@code element}, or empty when it has errors (all of them reported). */
    public Optional<AssistantModel> read(Element element) {
        int errorsBefore = diagnostics.errorCount();
        AnnotationMirror spec = mirrors.find(element, Names.MODEL_SPEC).orElseThrow();
        if (element.getKind() != ElementKind.INTERFACE) {
            diagnostics.report(Message.NOT_AN_INTERFACE, element, spec,
                    element.getKind().toString().toLowerCase().replace('_', ' '), element.getSimpleName());
            return Optional.empty();
        }
        TypeElement type = (TypeElement) element;
        if (!type.getTypeParameters().isEmpty()) {
            diagnostics.report(Message.GENERIC_INTERFACE, type, spec, type.getQualifiedName());
        }
        String specId = mirrors.string(spec, "id");
        String version = mirrors.string(spec, "version");
        if (specId.length() > MAX_SPEC_TEXT) {
            diagnostics.report(Message.SPEC_TEXT_TOO_LONG, type, spec, Mirrors.explicit(spec, "id"), "id",
                    specId.length(), MAX_SPEC_TEXT);
        } else if (!isSpecId(specId)) {
            diagnostics.report(Message.INVALID_SPEC_ID, type, spec, Mirrors.explicit(spec, "id"), specId);
        }
        if (version.length() > MAX_SPEC_TEXT) {
            diagnostics.report(Message.SPEC_TEXT_TOO_LONG, type, spec, Mirrors.explicit(spec, "version"), "version",
                    version.length(), MAX_SPEC_TEXT);
        }
        String packageName = packageOf(type);
        ClassName interfaceName = ClassName.get(type);
        ClassName generated = ClassName.get(interfaceName.packageName(),
                "Guarded" + String.join("_", interfaceName.simpleNames()));
        checkImplementable(type, spec, generated);
        Set<String> inheritedNames = inheritedNames(type, spec, generated, packageName);

        Optional<Template> interfaceSystem = mirrors.find(type, Names.SYSTEM_MESSAGE)
                .flatMap(m -> templates.read(type, m, packageName));
        Optional<AnnotationMirror> interfaceOnViolation = mirrors.find(type, Names.ON_VIOLATION);
        List<String> applied = new ArrayList<>();
        List<RuleDraft> inherited = new ArrayList<>(rules.readPolicies(type, applied));
        List<AnnotationMirror> policyOnViolations = new ArrayList<>();
        for (String policy : applied) {
            TypeElement policyType = env.getElementUtils().getTypeElement(policy);
            mirrors.find(policyType, Names.ON_VIOLATION).ifPresent(m -> {
                if (Action.valueOf(mirrors.enumConstant(m, "action")) == Action.FALLBACK) {
                    boolean direct = mirrors.find(type, policy).isPresent();
                    diagnostics.report(Message.FALLBACK_ON_POLICY, direct ? type : policyType,
                            direct ? mirrors.find(type, policy).get() : m, policy);
                } else {
                    policyOnViolations.add(m);
                }
            });
        }
        for (String required : requiredPolicies) {
            if (!applied.contains(required)) {
                diagnostics.report(Message.MISSING_REQUIRED_POLICY, type, spec, type.getQualifiedName(), required,
                        required.substring(required.lastIndexOf('.') + 1));
            }
        }
        inherited.addAll(rules.read(type, Level.DEVELOPER, "", "interface", null));
        guardrails.checkPolicies(type);

        List<MethodModel> methods = new ArrayList<>();
        boolean memoryAccess = isSubtype(type.asType(), Names.CHAT_MEMORY_ACCESS);
        boolean needsMemory = memoryAccess;
        List<ExecutableElement> abstractMethods = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(env.getElementUtils().getAllMembers(type))) {
            if (method.getEnclosingElement().toString().equals("java.lang.Object")) {
                continue;
            }
            mirrors.find(method, Names.TOOL).ifPresent(m -> diagnostics.report(Message.TOOLS_NOT_YET, method, m,
                    "Tool", "method " + method.getSimpleName()));
            if (((TypeElement) method.getEnclosingElement()).getQualifiedName()
                    .contentEquals(Names.CHAT_MEMORY_ACCESS)) {
                continue; // ChatMemoryAccess's methods are implemented over the assistant's memory
            }
            if (method.getSimpleName().contentEquals("builder") && method.getParameters().isEmpty()
                    && !method.getModifiers().contains(Modifier.STATIC)) {
                Element at = method.getEnclosingElement().equals(type) ? method : type;
                diagnostics.report(Message.CLASHES_WITH_BUILDER, at, type.getQualifiedName(), generated.simpleName());
            }
            if (method.getModifiers().contains(Modifier.ABSTRACT)) {
                abstractMethods.add(method);
            }
        }
        if (abstractMethods.size() > MAX_METHODS) {
            diagnostics.report(Message.TOO_MANY_METHODS, type, spec, type.getQualifiedName(), abstractMethods.size(),
                    MAX_METHODS);
            return Optional.empty();
        }
        for (ExecutableElement method : abstractMethods) {
            Optional<MethodModel> model = method(type, method, packageName, interfaceSystem, interfaceOnViolation,
                    inherited, policyOnViolations);
            if (model.isPresent()) {
                methods.add(model.get());
                needsMemory |= model.get().memoryIdParameter() != null;
            }
        }
        if (diagnostics.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new AssistantModel(interfaceName, generated, specId, version,
                mirrors.string(spec, "description"), SpecHash.of(methods), needsMemory, methods, memoryAccess, inheritedNames));
    }

    private Optional<MethodModel> method(TypeElement type, ExecutableElement method, String packageName,
            Optional<Template> interfaceSystem, Optional<AnnotationMirror> interfaceOnViolation,
            List<RuleDraft> inherited, List<AnnotationMirror> policyOnViolations) {
        int errorsBefore = diagnostics.errorCount();
        String name = method.getSimpleName().toString();
        if (!method.getTypeParameters().isEmpty()) {
            diagnostics.report(Message.GENERIC_METHOD, method, name);
        }
        ReturnKind returnKind = returnKind(method.getReturnType());
        String adapted = adaptedReturn(method.getReturnType());
        if (adapted != null) {
            diagnostics.report(Message.ADAPTED_RETURN_TYPE, method, name, method.getReturnType(), adapted);
        }
        if (returnKind == null && method.getReturnType().getKind() != TypeKind.DECLARED
                && !method.getReturnType().getKind().isPrimitive()) {
            diagnostics.report(Message.UNSUPPORTED_RETURN_TYPE, method, name, method.getReturnType());
        }

        // Parameters and their roles.
        List<ParameterModel> parameters = new ArrayList<>();
        Map<String, VariableElement> variables = new LinkedHashMap<>(); // template name -> parameter
        Set<String> untrustedNames = new LinkedHashSet<>(); // names that must not appear in templates
        Set<String> templateParameters = new LinkedHashSet<>();
        List<UntrustedParameter> untrusted = new ArrayList<>();
        List<String> userMessages = new ArrayList<>();
        VariableElement userParameter = null;
        String memoryId = null;
        String context = null;
        List<String> contentParameters = new ArrayList<>(); // @UserMessage contents, in order
        int contentsBeforeText = 0;
        List<VariableElement> looseContents = new ArrayList<>(); // contents that are not @UserMessage
        VariableElement textHoldingList = null;
        VariableElement userName = null;
        boolean rejectedInput = false; // a parameter meant for the user message was reported already
        for (VariableElement p : method.getParameters()) {
            String pName = p.getSimpleName().toString();
            parameters.add(new ParameterModel(pName, TypeName.get(p.asType())));
            Optional<AnnotationMirror> user = mirrors.find(p, Names.USER_MESSAGE);
            Optional<AnnotationMirror> memory = mirrors.find(p, Names.MEMORY_ID);
            Optional<AnnotationMirror> untrustedMirror = mirrors.find(p, Names.UNTRUSTED);
            Optional<AnnotationMirror> v = mirrors.find(p, Names.V);
            Optional<AnnotationMirror> userNameMirror = mirrors.find(p, Names.USER_NAME);
            for (String tool : List.of(Names.TOOL_PARAMETER, Names.TOOL_MEMORY_ID)) {
                mirrors.find(p, tool).ifPresent(m -> diagnostics.report(Message.TOOLS_NOT_YET, p, m,
                        tool.substring(tool.lastIndexOf('.') + 1), "parameter " + pName + " of method " + name));
            }
            String managed = managedType(p.asType());
            String contentList = contentKind(p.asType());
            if (isSpecContext(p.asType())) {
                if (context != null) {
                    diagnostics.report(Message.TWO_SPEC_CONTEXTS, p, name);
                }
                context = pName;
            } else if (managed != null) {
                diagnostics.report(Message.MANAGED_PARAMETER, p, pName, name, managed);
            } else if (isSubtype(p.asType(), Names.CHAT_MESSAGE)) {
                diagnostics.report(Message.CHAT_MESSAGE_PARAMETER, p, pName, name, p.asType());
                rejectedInput = true;
            } else if (userNameMirror.isPresent()) {
                String other = memory.isPresent() ? "@MemoryId" : user.isPresent() ? "@UserMessage"
                        : untrustedMirror.isPresent() ? "@Untrusted" : contentList != null ? "a content" : null;
                if (userName != null) {
                    diagnostics.report(Message.BAD_USER_NAME, p, userNameMirror.get(), pName, name,
                            "the method already has one, on parameter " + userName.getSimpleName()
                                    + "; a message has a single name");
                } else if (other != null) {
                    diagnostics.report(Message.BAD_USER_NAME, p, userNameMirror.get(), pName, name,
                            "the parameter is also " + other + "; give the name its own parameter");
                }
                userName = p;
                // As in AiServices, the name may also be used in templates.
                variables.put(variableName(p), p);
            } else if (memory.isPresent()) {
                if (memoryId != null) {
                    diagnostics.report(Message.TWO_MEMORY_IDS, p, memory.get(), name);
                }
                memoryId = pName;
            } else if (contentList != null) {
                rejectedInput |= untrustedMirror.isPresent() || !contentList.isEmpty();
                if (untrustedMirror.isPresent()) {
                    diagnostics.report(Message.CONTENT_OUTSIDE_USER_MESSAGE, p, untrustedMirror.get(), pName, name,
                            p.asType(), "it is @Untrusted, and untrusted data is delimited and scanned as text,"
                                    + " which a content is not: send it as a @UserMessage content, or send text");
                } else if (!contentList.isEmpty()) {
                    diagnostics.report(Message.CONTENT_OUTSIDE_USER_MESSAGE, p, pName, name, p.asType(),
                            "it is " + contentList + ": AiServices sends contents only from a Content or a List"
                                    + " of contents, and would send this one's toString(); declare it as a List");
                } else if (user.isPresent()) {
                    contentParameters.add(pName);
                    if (mayHoldText(p.asType())) {
                        textHoldingList = p;
                    }
                } else {
                    looseContents.add(p);
                }
            } else if (user.isPresent()) {
                userMessages.add("parameter " + pName);
                userParameter = p;
                contentsBeforeText = contentParameters.size();
                structuredPrompt(p, name);
                if (!isText(p.asType())) {
                    diagnostics.report(Message.UNSUPPORTED_PARAMETER, p, pName, name, p.asType());
                }
            } else if (untrustedMirror.isPresent()) {
                String label = mirrors.string(untrustedMirror.get(), "value");
                if (Mirrors.explicit(untrustedMirror.get(), "value") != null && label.isBlank()) {
                    diagnostics.report(Message.BLANK_UNTRUSTED_LABEL, p, untrustedMirror.get(), pName);
                }
                untrusted.add(new UntrustedParameter(pName, label.isBlank() ? pName : label.strip()));
                untrustedNames.add(pName);
                v.ifPresent(m -> untrustedNames.add(mirrors.string(m, "value")));
            } else {
                String variable = v.map(m -> mirrors.string(m, "value")).orElse(pName);
                VariableElement previous = variables.putIfAbsent(variable, p);
                if (previous != null) {
                    diagnostics.report(Message.DUPLICATE_TEMPLATE_VARIABLE, p, v.orElse(null), previous.getSimpleName(),
                            pName, name, variable);
                    continue;
                }
                templateParameters.add(pName);
                structuredPrompt(p, name);
            }
        }
        // As in AiServices: a content that is the method's only prompt parameter is the user message's content.
        if (looseContents.size() == 1 && contentParameters.isEmpty() && templateParameters.isEmpty()
                && userParameter == null && mirrors.find(looseContents.get(0), Names.V).isEmpty()
                && mirrors.find(method, Names.USER_MESSAGE).isEmpty()) {
            contentParameters.add(looseContents.get(0).getSimpleName().toString());
            if (mayHoldText(looseContents.get(0).asType())) {
                textHoldingList = looseContents.get(0);
            }
        } else {
            rejectedInput |= !looseContents.isEmpty();
            for (VariableElement p : looseContents) {
                Optional<AnnotationMirror> v = mirrors.find(p, Names.V);
                diagnostics.report(Message.CONTENT_OUTSIDE_USER_MESSAGE, p, v.orElse(null),
                        p.getSimpleName(), name, p.asType(), v.isPresent()
                                ? "it is a template variable (@V), which would send its toString()" + ": annotate it @UserMessage to send it as a content of the user message, as AiServices does"
                                : "it is neither annotated @UserMessage nor the method's only prompt parameter"
                                        + ": annotate it @UserMessage to send it as a content of the user message, as AiServices does");
            }
        }

        // Templates: the method's own system message wins over the interface's.
        Optional<Template> system = mirrors.find(method, Names.SYSTEM_MESSAGE)
                .flatMap(m -> templates.read(method, m, packageName))
                .or(() -> interfaceSystem);
        Optional<AnnotationMirror> userTemplateMirror = mirrors.find(method, Names.USER_MESSAGE);
        Optional<Template> userTemplate = userTemplateMirror.flatMap(m -> templates.read(method, m, packageName));
        if (userTemplateMirror.isPresent()) {
            userMessages.add(0, "@UserMessage on the method");
        }
        if (userMessages.size() > 1) {
            Element at = userParameter != null ? userParameter : method;
            AnnotationMirror mirror = mirrors.find(at, Names.USER_MESSAGE).orElse(null);
            diagnostics.report(Message.TWO_USER_MESSAGES, at, mirror, name, String.join(", ", userMessages));
        }

        Set<String> used = new LinkedHashSet<>();
        List<TemplatePart> systemParts = system.map(t -> parts(t, name, variables, untrustedNames, used)).orElse(List.of());
        String markers = markerProblem(systemParts);
        if (markers != null) {
            Optional<AnnotationMirror> own = mirrors.find(method, Names.SYSTEM_MESSAGE);
            diagnostics.report(Message.BAD_CONFIDENTIAL_MARKER, own.isPresent() ? method : type,
                    own.or(() -> mirrors.find(type, Names.SYSTEM_MESSAGE)).orElse(null), name, markers);
        }
        List<TemplatePart> userParts;
        if (userTemplate.isPresent()) {
            userParts = parts(userTemplate.get(), name, variables, untrustedNames, used);
        } else if (userParameter != null) {
            String parameter = userParameter.getSimpleName().toString();
            userParts = List.of(new TemplatePart.Variable(parameter, parameter));
        } else {
            // As in LangChain4j: a single parameter that no template uses is the user message.
            List<String> unused = templateParameters.stream().filter(p -> !used.contains(p)).toList();
            if (unused.size() == 1 && templateParameters.size() == 1 && userMessages.isEmpty()
                    && contentParameters.isEmpty()) {
                String only = unused.get(0);
                VariableElement p = variables.values().stream()
                        .filter(e -> e.getSimpleName().contentEquals(only)).findFirst().orElseThrow();
                if (!isText(p.asType())) {
                    diagnostics.report(Message.UNSUPPORTED_PARAMETER, p, only, name, p.asType());
                }
                userParts = List.of(new TemplatePart.Variable(only, only));
                used.add(only);
            } else {
                userParts = List.of();
                if (userMessages.isEmpty() && contentParameters.isEmpty() && !rejectedInput) {
                    diagnostics.report(Message.NO_USER_MESSAGE, method, name);
                }
            }
        }
        if (textHoldingList != null && !userParts.isEmpty()) {
            diagnostics.report(Message.TEXT_CONTENTS_BESIDE_TEXT, textHoldingList, textHoldingList.getSimpleName(),
                    name, textHoldingList.asType(), userParameter != null
                            ? "parameter " + userParameter.getSimpleName() : "@UserMessage on the method");
        }
        for (String p : templateParameters) {
            if (!used.contains(p)) {
                VariableElement element = variables.values().stream()
                        .filter(e -> e.getSimpleName().contentEquals(p)).findFirst().orElseThrow();
                diagnostics.report(Message.UNUSED_PARAMETER, element, p, name, variableName(element));
            }
        }

        // Rules and actions.
        ActionScope actions = actions(type, method, interfaceOnViolation, policyOnViolations);
        Optional<AnnotationMirror> onViolation = actions.onViolation();
        Action scopeAction = actions.action();
        int maxAttempts = actions.maxAttempts();
        String refusal = actions.refusal();
        String fallback = actions.fallback();
        List<RuleDraft> drafts = new ArrayList<>();
        // Built-in defaults first: any rule of the same kind that an annotation states replaces them.
        if (!untrusted.isEmpty()) {
            drafts.add(RuleKinds.builtinInjection(method, name + "."));
        }
        if (!systemParts.isEmpty()) {
            drafts.add(RuleKinds.builtinKeepPrivate(method, name + "."));
        }
        drafts.addAll(inherited);
        drafts.addAll(rules.read(method, Level.DEVELOPER, name + ".", "method " + name, null));
        Element onViolationAt = actions.at();
        drafts = authority.check(type, drafts, scopeAction, onViolationAt, onViolation.orElse(null));
        List<RuleModel> ruleModels = settle(type, name, drafts, actions, templateVariables(systemParts, userParts));
        ruleModels.addAll(guardrails.read(type, method, returnKind, ruleModels));
        StructuredModel structuredModel = null;
        if ((returnKind == null || returnKind == ReturnKind.RESULT) && adapted == null) {
            Optional<TypeMirror> value = structuredValue(method.getReturnType(), returnKind);
            if (value.isPresent()) {
                structuredModel = structured.read(method, value.get(), scopeAction).orElse(null);
                if (structuredModel != null) {
                    structured.checkRefusal(method, structuredModel, ruleModels, refusal);
                }
                if (structuredModel != null && returnKind == null) {
                    returnKind = ReturnKind.STRUCTURED;
                }
            }
        }
        boolean bufferStream = streaming.check(method, returnKind, ruleModels, onViolation, onViolationAt);

        if (diagnostics.errorCount() > errorsBefore || returnKind == null) {
            return Optional.empty();
        }
        List<TypeName> thrown = method.getThrownTypes().stream().map(TypeName::get).toList();
        return Optional.of(new MethodModel(name, returnKind, TypeName.get(method.getReturnType()), parameters,
                thrown, systemParts, userParts, memoryId, context, untrusted, ruleModels, maxAttempts, refusal, fallback,
                structuredModel, bufferStream, contentParameters, contentsBeforeText,
                userName == null ? null : userName.getSimpleName().toString()));
    }

    /**
     * The {@code @OnViolation} in scope of a method (its own, else the interface's) and what it settles: the action,
     * the number of model calls, the refusal and the fallback method; with none, the policies' own settings.
     *
     * @param onViolation the annotation in scope, if any
     * @param at where it is written: the method or the interface
     * @param action its action; null with no {@code @OnViolation} in scope
     */
    private record ActionScope(Optional<AnnotationMirror> onViolation, Element at, Action action, int maxAttempts,
            String refusal, String fallback) {
    }

    private ActionScope actions(TypeElement type, ExecutableElement method,
            Optional<AnnotationMirror> interfaceOnViolation, List<AnnotationMirror> policyOnViolations) {
        Optional<AnnotationMirror> onViolation = mirrors.find(method, Names.ON_VIOLATION).or(() -> interfaceOnViolation);
        Element at = mirrors.find(method, Names.ON_VIOLATION).isPresent() ? method : type;
        Action scopeAction = onViolation.map(m -> Action.valueOf(mirrors.enumConstant(m, "action"))).orElse(null);
        // With no @OnViolation on the method or interface, the policies' own settings apply to their rules.
        int maxAttempts = onViolation.map(m -> mirrors.integer(m, "maxAttempts"))
                .orElse(Math.max(1, policyOnViolations.stream().filter(m -> isReask(m))
                        .mapToInt(m -> mirrors.integer(m, "maxAttempts")).max().orElse(1)));
        String refusal = onViolation.map(m -> mirrors.string(m, "refusal"))
                .orElse(policyOnViolations.stream().map(m -> mirrors.string(m, "refusal"))
                        .filter(r -> !r.isEmpty()).findFirst().orElse(""));
        String fallback = null;
        if (onViolation.isPresent()) {
            AnnotationMirror ov = onViolation.get();
            String fallbackName = mirrors.string(ov, "fallback");
            if (scopeAction == Action.REASK && maxAttempts < 1) {
                diagnostics.report(Message.REASK_ATTEMPTS, at, ov, Mirrors.explicit(ov, "maxAttempts"), maxAttempts);
            }
            if (scopeAction != Action.REASK) {
                maxAttempts = 1;
            }
            if (scopeAction == Action.FALLBACK) {
                fallback = fallback(type, method, fallbackName, at, ov);
            } else if (!fallbackName.isEmpty()) {
                diagnostics.report(Message.FALLBACK_NAMED_WITHOUT_FALLBACK_ACTION, at, ov,
                        Mirrors.explicit(ov, "fallback"), fallbackName, scopeAction);
            }
        }
        return new ActionScope(onViolation, at, scopeAction, maxAttempts, refusal, fallback);
    }

    /**
     * The rule models of a method from its drafts, once the chain of command has settled them: each with its
     * action, ids unique, REDACT only where it can mask, rules that do nothing dropped, cheapest check first.
     */
    private List<RuleModel> settle(TypeElement type, String name, List<RuleDraft> drafts, ActionScope actions,
            Set<String> variables) {
        List<RuleModel> ruleModels = new ArrayList<>();
        Map<String, RuleDraft> ids = new LinkedHashMap<>();
        for (RuleDraft draft : drafts) {
            Action action = draft.action(actions.action());
            String id = draft.id();
            RuleDraft previous = ids.putIfAbsent(id, draft);
            if (previous != null) {
                Element at = draft.element().getKind() == ElementKind.ANNOTATION_TYPE ? type : draft.element();
                diagnostics.report(Message.DUPLICATE_RULE_ID, at, positionMirror(at, draft),
                        positionMirror(at, draft) == draft.mirror() ? Mirrors.explicit(draft.mirror(), "id") : null,
                        id, name, "@" + previous.kind() + " on " + previous.origin());
            }
            if (action == Action.REDACT && !draft.redactable()) {
                Element at = actions.onViolation().isPresent() ? actions.at() : draft.element();
                diagnostics.report(Message.REDACT_NOT_APPLICABLE, at, actions.onViolation().orElse(draft.mirror()), id,
                        draft.kind());
            }
            RuleModel model = draft.model(action);
            if (model instanceof RuleModel.KeepPrivateRule k && k.enabled()) {
                checkConfidential(k, draft, name, variables);
            }
            if (isInEffect(model)) {
                ruleModels.add(model);
            }
        }
        ruleModels.sort(Comparator.comparingInt(RuleModel::cost));
        return ruleModels;
    }

    /** Whether {@code id} is dotted lower-case words: checked by hand, as a regex would recurse per word. */
    static boolean isSpecId(String id) {
        boolean wordStart = true;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (wordStart) {
                if (c < 'a' || c > 'z') {
                    return false;
                }
                wordStart = false;
            } else if (c == '.') {
                wordStart = true;
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return !wordStart;
    }

    /**
     * Reports an interface that a top-level class of its package cannot implement: a private, local or anonymous
     * one (or one inside such a type), or a sealed one that does not permit the generated class.
     */
    private void checkImplementable(TypeElement type, AnnotationMirror spec, ClassName generated) {
        for (Element e = type; e instanceof TypeElement enclosing; e = e.getEnclosingElement()) {
            String problem = null;
            if (enclosing.getNestingKind() == javax.lang.model.element.NestingKind.LOCAL
                    || enclosing.getNestingKind() == javax.lang.model.element.NestingKind.ANONYMOUS) {
                problem = (e == type ? "it is" : enclosing.getSimpleName() + ", which encloses it, is")
                        + " declared inside a method";
            } else if (enclosing.getModifiers().contains(Modifier.PRIVATE)) {
                problem = (e == type ? "it is" : enclosing.getSimpleName() + ", which encloses it, is") + " private";
            }
            if (problem != null) {
                diagnostics.report(Message.INACCESSIBLE_ASSISTANT, type, spec, type.getQualifiedName(),
                        generated.simpleName(), generated.packageName(), problem);
                return;
            }
        }
        if (type.getModifiers().contains(Modifier.SEALED) && type.getPermittedSubclasses().stream()
                .noneMatch(t -> t.toString().equals(generated.canonicalName())
                        || t.toString().equals(generated.simpleName()))) {
            diagnostics.report(Message.SEALED_ASSISTANT, type, spec, type.getQualifiedName(), generated.simpleName(),
                    generated.simpleName());
        }
    }

    /**
     * The simple names that the generated class inherits from the interface (fields, member types and methods) or
     * that its package gives a {@code java.lang} type, which the generated code must qualify. A field or member
     * type named like a package that starts a qualified name would hide that package: it is reported.
     */
    private Set<String> inheritedNames(TypeElement type, AnnotationMirror spec, ClassName generated,
            String packageName) {
        Set<String> names = new java.util.TreeSet<>();
        Set<String> packages = new java.util.HashSet<>(GENERATED_CODE_PACKAGES);
        packages.add(packageName.contains(".") ? packageName.substring(0, packageName.indexOf('.')) : packageName);
        for (Element member : env.getElementUtils().getAllMembers(type)) {
            if (member.getEnclosingElement().toString().equals("java.lang.Object")) {
                continue;
            }
            String name = member.getSimpleName().toString();
            boolean variableOrType = member.getKind().isField() || member.getKind().isClass()
                    || member.getKind().isInterface();
            if (variableOrType && packages.contains(name)) {
                Element at = member.getEnclosingElement().equals(type) ? member : type;
                diagnostics.report(Message.HIDES_PACKAGE, at, member.getKind().isField() ? "Field" : "Type",
                        name, generated.simpleName(), name);
            }
            if (variableOrType || member.getKind() == ElementKind.METHOD) {
                names.add(name);
            }
        }
        PackageElement pkg = env.getElementUtils().getPackageOf(type);
        for (Element sibling : pkg.getEnclosedElements()) {
            String name = sibling.getSimpleName().toString();
            if (env.getElementUtils().getTypeElement("java.lang." + name) != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** The mirror to point at for a rule: its own annotation when in this source, else nothing more precise. */
    private static AnnotationMirror positionMirror(Element at, RuleDraft draft) {
        return at == draft.element() ? draft.mirror() : null;
    }

    private List<TemplatePart> parts(Template template, String methodName, Map<String, VariableElement> variables,
            Set<String> untrustedNames, Set<String> used) {
        Optional<List<Token>> tokens = templates.tokens(template, methodName);
        if (tokens.isEmpty()) {
            return List.of();
        }
        List<TemplatePart> parts = new ArrayList<>();
        // As in AiServices, {{it}} is never the @UserName parameter.
        List<VariableElement> textParameters = variables.values().stream()
                .filter(p -> mirrors.find(p, Names.USER_NAME).isEmpty()).toList();
        for (Token token : tokens.get()) {
            if (!token.variable()) {
                parts.add(new TemplatePart.Literal(token.text()));
                continue;
            }
            String variable = token.text();
            VariableElement p = variables.get(variable);
            if (p == null && variable.equals("it") && textParameters.size() == 1) {
                p = textParameters.get(0);
            }
            if (p == null && untrustedNames.contains(variable)) {
                diagnostics.report(Message.UNTRUSTED_IN_TEMPLATE, template.element(), template.mirror(),
                        template.value(), variable);
                continue;
            }
            if (p == null && SPECIAL_VARIABLES.contains(variable)) {
                parts.add(new TemplatePart.Special(variable));
                continue;
            }
            if (p == null) {
                diagnostics.report(Message.UNKNOWN_TEMPLATE_VARIABLE, template.element(), template.mirror(),
                        template.value(), variable, methodName, variable, variable);
                continue;
            }
            String parameter = p.getSimpleName().toString();
            used.add(parameter);
            parts.add(new TemplatePart.Variable(variable, parameter));
        }
        return parts;
    }

    private String fallback(TypeElement type, ExecutableElement method, String fallbackName, Element at,
            AnnotationMirror ov) {
        AnnotationValue position = Mirrors.explicit(ov, "fallback");
        if (fallbackName.isEmpty()) {
            diagnostics.report(Message.BAD_FALLBACK, at, ov, type.getSimpleName(), method.getSimpleName(),
                    "no fallback method is named");
            return null;
        }
        for (ExecutableElement candidate : ElementFilter.methodsIn(env.getElementUtils().getAllMembers(type))) {
            if (!candidate.getSimpleName().contentEquals(fallbackName)) {
                continue;
            }
            if (!candidate.getModifiers().contains(Modifier.DEFAULT)) {
                continue;
            }
            if (candidate.getParameters().size() != method.getParameters().size()) {
                continue;
            }
            boolean same = true;
            for (int i = 0; i < candidate.getParameters().size(); i++) {
                same &= types.isSameType(types.erasure(candidate.getParameters().get(i).asType()),
                        types.erasure(method.getParameters().get(i).asType()));
            }
            if (same && types.isAssignable(candidate.getReturnType(), method.getReturnType())) {
                return fallbackName;
            }
        }
        diagnostics.report(Message.BAD_FALLBACK, at, ov, position, type.getSimpleName(), method.getSimpleName(),
                "there is no default method " + fallbackName + " with those parameter types and return type");
        return null;
    }

    /** Whether a rule does anything: instruction privacy may be turned off, injection scanning scoped to nothing. */
    private static boolean isInEffect(RuleModel rule) {
        return RuleKinds.of(rule).inEffect(rule);
    }

    /**
     * For a parameter type that holds message contents: "" for a {@code Content} or a {@code List} of contents,
     * or the kind of other collection it is; null for anything else.
     */
    private String contentKind(TypeMirror type) {
        if (isSubtype(type, Names.CONTENT)) {
            return "";
        }
        Optional<TypeMirror> element = typeArgument(type, "java.lang.Iterable", 0)
                .or(() -> typeArgument(type, "java.util.Map", 1));
        if (element.isEmpty() || !isSubtype(element.get(), Names.CONTENT)) {
            return null;
        }
        return isSubtype(types.erasure(type), "java.util.List") ? "" : "a " + types.erasure(type);
    }

    /** Whether a list of contents may hold a {@code TextContent}: its element type is not narrower. */
    private boolean mayHoldText(TypeMirror type) {
        Optional<TypeMirror> element = typeArgument(type, "java.lang.Iterable", 0);
        TypeElement text = env.getElementUtils().getTypeElement(Names.TEXT_CONTENT);
        return element.isPresent() && text != null && types.isAssignable(text.asType(), element.get());
    }

    /**
     * Type argument {@code index} of {@code generic} (e.g. the element type of an {@code Iterable}) as
     * {@code type} fills it in, the upper bound for a wildcard; empty when {@code type} is not a {@code generic}.
     */
    private Optional<TypeMirror> typeArgument(TypeMirror type, String generic, int index) {
        if (type.getKind() != TypeKind.DECLARED) {
            return Optional.empty();
        }
        javax.lang.model.type.DeclaredType declared = (javax.lang.model.type.DeclaredType) type;
        if (((TypeElement) declared.asElement()).getQualifiedName().contentEquals(generic)) {
            if (declared.getTypeArguments().size() <= index) {
                return Optional.empty();
            }
            TypeMirror argument = declared.getTypeArguments().get(index);
            if (argument instanceof javax.lang.model.type.WildcardType wildcard) {
                return Optional.ofNullable(wildcard.getExtendsBound());
            }
            return Optional.of(argument);
        }
        for (TypeMirror supertype : types.directSupertypes(type)) {
            Optional<TypeMirror> element = typeArgument(supertype, generic, index);
            if (element.isPresent()) {
                return element;
            }
        }
        return Optional.empty();
    }

    /** Whether {@code type} is, or extends, the type named {@code qualifiedName} (false when it is not on the path). */
    private boolean isSubtype(TypeMirror type, String qualifiedName) {
        TypeElement named = env.getElementUtils().getTypeElement(qualifiedName);
        return named != null && type.getKind() == TypeKind.DECLARED
                && types.isSubtype(types.erasure(type), types.erasure(named.asType()));
    }

    /** The name of the type among those {@code AiServices} uses for the request or call that {@code type} is. */
    private String managedType(TypeMirror type) {
        for (String name : Names.MANAGED_PARAMETER_TYPES) {
            if (isSubtype(type, name)) {
                return name.substring(name.lastIndexOf('.') + 1);
            }
        }
        return null;
    }

    /** How {@code AiServices} produces a return type that a guarded assistant cannot; null for the others. */
    private String adaptedReturn(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        String name = ((TypeElement) types.asElement(type)).getQualifiedName().toString();
        if (!Names.ADAPTED_RETURN_TYPES.contains(name)) {
            return null;
        }
        return name.equals("dev.langchain4j.data.image.Image") ? "from the images of the model's answer"
                : "by adapting its token stream (a TokenStreamAdapter on the class path)";
    }

    /** Reports a prompt parameter whose type is a {@code @StructuredPrompt}, which is not rendered yet. */
    private void structuredPrompt(VariableElement p, String methodName) {
        if (p.asType().getKind() == TypeKind.DECLARED
                && mirrors.find(types.asElement(p.asType()), Names.STRUCTURED_PROMPT).isPresent()) {
            diagnostics.report(Message.STRUCTURED_PROMPT_PARAMETER, p, p.getSimpleName(), methodName, p.asType());
        }
    }

    private boolean isSpecContext(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) types.asElement(type)).getQualifiedName().contentEquals(Names.SPEC_CONTEXT);
    }

    private boolean isReask(AnnotationMirror onViolation) {
        return Action.valueOf(mirrors.enumConstant(onViolation, "action")) == Action.REASK;
    }

    private ReturnKind returnKind(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        String name = ((TypeElement) types.asElement(type)).getQualifiedName().toString();
        return switch (name) {
            case "java.lang.String" -> ReturnKind.STRING;
            case Names.AI_MESSAGE -> ReturnKind.AI_MESSAGE;
            case Names.CHAT_RESPONSE -> ReturnKind.CHAT_RESPONSE;
            case Names.RESULT -> ReturnKind.RESULT;
            case Names.TOKEN_STREAM -> ReturnKind.TOKEN_STREAM;
            default -> null;
        };
    }

    /**
     * The value type of structured output: the return type itself, or {@code T} of {@code Result<T>}; empty for
     * {@code Result<String>}, whose content is text. A raw {@code Result} is read as it is, and reported.
     */
    private Optional<TypeMirror> structuredValue(TypeMirror returnType, ReturnKind returnKind) {
        if (returnKind != ReturnKind.RESULT) {
            return Optional.of(returnType);
        }
        List<? extends TypeMirror> arguments = ((javax.lang.model.type.DeclaredType) returnType).getTypeArguments();
        if (arguments.isEmpty()) {
            return Optional.of(returnType);
        }
        return structured.name(arguments.get(0)).equals("java.lang.String") ? Optional.empty()
                : Optional.of(arguments.get(0));
    }

    /** Whether values of {@code type} can be sent as text: anything but arrays and {@code void}. */
    private static boolean isText(TypeMirror type) {
        return type.getKind() != TypeKind.ARRAY && type.getKind() != TypeKind.VOID;
    }

    private String variableName(VariableElement p) {
        return mirrors.find(p, Names.V).map(m -> mirrors.string(m, "value")).orElse(p.getSimpleName().toString());
    }

    private static String packageOf(Element element) {
        Element e = element;
        while (!(e instanceof PackageElement)) {
            e = e.getEnclosingElement();
        }
        return ((PackageElement) e).getQualifiedName().toString();
    }

    /** The variables that a method's templates name. */
    private static Set<String> templateVariables(List<TemplatePart> systemParts, List<TemplatePart> userParts) {
        Set<String> variables = new HashSet<>();
        for (List<TemplatePart> parts : List.of(systemParts, userParts)) {
            for (TemplatePart part : parts) {
                if (part instanceof TemplatePart.Variable v) {
                    variables.add(v.variable());
                }
            }
        }
        return variables;
    }

    /** Confidential names of {@code @KeepInstructionsPrivate} are template variables of the method. */
    private void checkConfidential(RuleModel.KeepPrivateRule rule, RuleDraft draft, String method,
            Set<String> variables) {
        for (String name : rule.confidential()) {
            if (!variables.contains(name)) {
                diagnostics.report(Message.CONFIDENTIAL_NOT_A_VARIABLE, draft.element(), draft.mirror(),
                        draft.mirror() == null ? null : Mirrors.explicit(draft.mirror(), "confidential"),
                        name, method, name);
            }
        }
    }

    /** A problem with the {@code [[confidential: ...]]} markers of a system message, variables read as values. */
    static String markerProblem(List<TemplatePart> systemParts) {
        StringBuilder text = new StringBuilder();
        for (TemplatePart part : systemParts) {
            text.append(part instanceof TemplatePart.Literal l ? l.text() : "value");
        }
        return dev.modelspec4j.check.leak.ConfidentialMarkers.problem(text.toString());
    }
}
