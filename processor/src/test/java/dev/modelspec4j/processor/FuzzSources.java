package dev.modelspec4j.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes random, syntactically valid assistant interfaces for {@link ProcessorFuzzTest}: valid and invalid
 * annotation values, names equal to what the generated class declares or imports, text from every Unicode
 * category, long text, many methods, and nested, sealed, private and protected interfaces. Each case lives in a
 * package of its own, so that cases compiled together cannot meet.
 */
final class FuzzSources {

    /** One random assistant: its source files (qualified name → text) and the class that would implement it. */
    record Case(int index, String description, Map<String, String> files, String generatedName, int methods) {

        String text() {
            StringBuilder out = new StringBuilder();
            files.forEach((name, text) -> out.append("// ").append(name).append('\n').append(text).append('\n'));
            return out.toString();
        }
    }

    /** Names that the generated class declares, calls or imports, and packages its qualified names start with. */
    static final String[] CLASHING = {
        "enforcer", "Templates", "SPEC", "Builder", "builder", "build", "outcome", "CallOutcome", "String", "Object",
        "Override", "Rule", "Level", "Action", "MethodPlan", "SpecInfo", "Enforcer", "AssistantBuilder",
        "ModelSpecGenerated", "Generated", "OutputCheck", "LengthCheck", "ForbidCheck", "RequireCheck",
        "InstructionLeakCheck", "PromptInjectionCheck", "InjectionScope", "PiiType", "PiiMode", "PiiDetector",
        "PrivacyPlan", "SecretsCheck", "ModerationCheck", "StructuredOutput", "value", "it", "dev", "java",
        "javax", "com", "var", "record", "sealed", "permits", "ANSWER_PLAN", "FORBID_CHECK", "LENGTH_CHECK",
        "R_PLAN", "constant", "answerPlan", "currentDate", "call", "execute",
    };
    /** Names the random sources themselves refer to, which a field or parameter must not hide. */
    private static final java.util.Set<String> SOURCE_NAMES = java.util.Set.of("Action", "Level", "PiiType",
            "PiiMode", "InjectionScope", "dev", "java", "String", "Object", "NoFinding", "Reply", "CharSequence");
    private static final String[] UNICODE_NAMES = {
        "größe", "答え", "привет", "𝑥", "café", "αβγ", "ﬁle", "ǅemal", "_x", "$x", "x$y", "名前", "Ωmega", "ⅫI",
    };
    /** Text pieces: every category of code point, and text that means something to Java, Javadoc or HTML. */
    private static final String[] PIECES = {
        "Hello", " ", "answer briefly", "\u2028", "\u2029", "\u202e", "\u200b", "\u0000", "\ud83d\ude00", "\ud800",
        "\udfff", "\u0085", "\u000b", "\f", "\u001b", "\u00a0", "\u3000", "\ufeff", "\uffff", "\ue000",
        "\udb40\udc41", "*/", "/*", "/**", "@param", "@return x", "{@code x}", "{@link String}", "<b>", "</p>", "&amp;",
        "<!--", "\"", "\\", "\\u0041", "\\u000a", "\\uZZZZ", "$", "$S", "$L", "%s", "%n", "\n", "\r", "\r\n", "\t",
        "{{", "}}", "é", "ß", "日本語", "עברית", "العربية", "\u0301", "𝔘𝔫𝔦", "\u00ad", "\u2060", "\ud834\udd1e",
        "as an AI language model", "guaranteed refund", "(?i)", "\\b", "[", "]", "(", ")", "*", "+", "?", ".*",
    };

    private final Random random;
    /** Whether a method of the current case returns the record {@code Reply}. */
    private boolean replyNeeded;
    /** Whether an interface of the current case applies the policy {@code Baseline}. */
    private boolean policyNeeded;
    /**
     * Whether the current case only uses valid annotation values (names and text stay as odd as ever), so that
     * most of its interfaces are accepted and their generated classes compiled.
     */
    private boolean strict;

    FuzzSources(Random random) {
        this.random = random;
    }

    /** A random case; {@code manyMethods} asks for 800 to 849 methods. */
    Case next(int index, boolean manyMethods) {
        String pkg = "fuzz.c" + index;
        Map<String, String> files = new LinkedHashMap<>();
        replyNeeded = false;
        policyNeeded = false;
        strict = manyMethods || random.nextInt(5) < 3;
        Interface assistant = new Interface(index, pkg, manyMethods);
        String body = assistant.body();
        String simple = "Assistant" + index;
        int shape = manyMethods ? 0 : random.nextInt(strict ? 16 : 20);
        String description;
        String generated;
        StringBuilder src = header(pkg);
        if (shape == 14 || shape == 15) {
            // A nested interface, private, protected, package-private or public, in a class or an interface.
            String[] modifiers = strict ? new String[] {"", "public ", "public static "}
                    : new String[] {"private ", "protected ", "", "public ", "public static "};
            String modifier = modifiers[random.nextInt(modifiers.length)];
            boolean inInterface = modifier.isEmpty() || modifier.startsWith("public") ? random.nextBoolean() : false;
            description = "nested " + modifier + "interface in " + (inInterface ? "an interface" : "a class");
            src.append("public ").append(inInterface ? "interface " : "class ").append(simple).append(" {\n")
                    .append(assistant.annotations()).append(modifier).append("interface Inner {\n").append(body)
                    .append("}\n}\n");
            generated = pkg + ".Guarded" + simple + "_Inner";
            if (!strict && random.nextInt(3) == 0) {
                // A top-level interface whose generated class would have the same name.
                Interface other = new Interface(index + 100_000, pkg, false);
                files.put(pkg + "." + simple + "_Inner", header(pkg).append(other.annotations())
                        .append("public interface ").append(simple).append("_Inner {\n").append(other.body())
                        .append("}\n").toString());
                description += ", beside a top-level " + simple + "_Inner";
            }
        } else if (shape == 16) {
            // (An interface that permits its generated class is left out: when javac meets it in a compilation
            // of many files, it may skip annotation processing altogether; SealedAssistantTest covers it alone.)
            description = "sealed interface";
            src.append(assistant.annotations()).append("public sealed interface ").append(simple)
                    .append(" permits ").append(simple).append(".Sub {\n").append(body)
                    .append("non-sealed interface Sub extends ").append(simple).append(" {}\n}\n");
            generated = pkg + ".Guarded" + simple;
        } else if (shape == 17) {
            description = "class annotated @ModelSpec";
            src.append(assistant.annotations()).append("public abstract class ").append(simple).append(" {\n")
                    .append("}\n");
            generated = pkg + ".Guarded" + simple;
        } else if (shape == 18) {
            description = "generic interface";
            src.append(assistant.annotations()).append("public interface ").append(simple).append("<T> {\n")
                    .append(body).append("}\n");
            generated = pkg + ".Guarded" + simple;
        } else {
            description = manyMethods ? "interface with " + assistant.methodCount + " methods" : "interface";
            src.append(assistant.annotations()).append(random.nextBoolean() ? "public " : "").append("interface ")
                    .append(simple).append(" {\n").append(body).append(members()).append("}\n");
            generated = pkg + ".Guarded" + simple;
        }
        files.put(pkg + "." + simple, src.toString());
        if (policyNeeded) {
            files.put(pkg + ".Baseline", header(pkg)
                    .append("import java.lang.annotation.*;\n")
                    .append("@Policy(level = Level.").append(pick("ROOT", "SYSTEM", "DEVELOPER")).append(")\n")
                    .append(dedupeAnnotations(rule() + rule()))
                    .append("@Retention(RetentionPolicy.CLASS) @Target(ElementType.TYPE)\n")
                    .append("public @interface Baseline {}\n").toString());
        }
        if (replyNeeded) {
            files.put(pkg + ".Reply", "package " + pkg + ";\npublic record Reply(String text, int count) {}\n");
        }
        // The custom check that @Check may name, from the assistant or its policy.
        files.put(pkg + ".NoFinding", "package " + pkg + ";\n"
                + "public class NoFinding implements dev.modelspec4j.check.OutputCheck {\n"
                + "    public java.util.List<dev.modelspec4j.check.Finding> check(String answer) {\n"
                + "        return java.util.List.of();\n    }\n}\n");
        if (random.nextInt(8) == 0) {
            // A type of the assistant's package named like a java.lang type or a type the generated code imports.
            String name = pick("Override", "Templates", "Rule", "CallOutcome", "Enforcer", "Builder", "Deprecated");
            files.put(pkg + "." + name, "package " + pkg + ";\nclass " + name + " {}\n");
            description += ", beside a class " + name;
        }
        return new Case(index, description, files, generated, assistant.methodCount);
    }

    private StringBuilder header(String pkg) {
        return new StringBuilder("package ").append(pkg).append(";\n")
                .append("import dev.modelspec4j.annotation.*;\n")
                .append("import dev.langchain4j.service.SystemMessage;\n")
                .append("import dev.langchain4j.service.UserMessage;\n")
                .append("import dev.langchain4j.service.V;\n")
                .append("import dev.langchain4j.service.MemoryId;\n");
    }

    /** Fields and member types of the interface, named like what the generated class uses. */
    private String members() {
        StringBuilder out = new StringBuilder();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int count = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
        for (int i = 0; i < count; i++) {
            String name = pick(CLASHING);
            if (SOURCE_NAMES.contains(name) || List.of("var", "record", "sealed", "permits").contains(name)
                    || strict && List.of("javax", "com").contains(name)
                    || !seen.add(name)) {
                continue;
            }
            if (random.nextBoolean() && Character.isUpperCase(name.charAt(0))) {
                out.append("    interface ").append(name).append(" {}\n");
            } else {
                out.append("    int ").append(name).append(" = ").append(i).append(";\n");
            }
        }
        return out.toString();
    }

    /** The annotations and methods of one interface. */
    private final class Interface {
        final int methodCount;
        final String pkg;
        final int index;
        final boolean many;

        Interface(int index, String pkg, boolean many) {
            this.index = index;
            this.pkg = pkg;
            this.many = many;
            this.methodCount = many ? 800 + random.nextInt(50) : 1 + random.nextInt(5);
        }

        String annotations() {
            StringBuilder out = new StringBuilder("@ModelSpec(id = ").append(specId());
            if (random.nextBoolean()) {
                out.append(", version = ").append(text(!strict && random.nextInt(10) == 0 ? 200 : 12));
            }
            if (random.nextBoolean()) {
                out.append(", description = ").append(text(random.nextInt(40) == 0 ? 40_000 : 30));
            }
            out.append(")\n");
            if (!many && random.nextInt(3) == 0) {
                out.append("@SystemMessage(").append(text(random.nextInt(40) == 0 ? 40_000 : 40)).append(")\n");
            }
            int rules = many ? 1 : random.nextInt(3);
            for (int i = 0; i < rules; i++) {
                out.append(many ? "@Length(maxChars = 500)\n" : rule());
            }
            if (!many && !strict && random.nextInt(6) == 0) {
                policyNeeded = true;
                out.append("@Baseline\n");
            }
            return dedupeAnnotations(out.toString());
        }

        private String specId() {
            return switch (strict ? 11 : random.nextInt(12)) {
                case 0 -> "\"" + "a.".repeat(2000) + "b\"";
                case 1 -> text(20);
                case 2 -> "\"Not-Valid\"";
                case 3 -> "\"\"";
                default -> "\"fuzz.c" + index + "\"";
            };
        }

        String body() {
            StringBuilder out = new StringBuilder();
            List<String> names = new ArrayList<>();
            java.util.Set<String> signatures = new java.util.HashSet<>();
            for (int m = 0; m < methodCount; m++) {
                String name = many ? "m" + m : methodName(m, names);
                names.add(name);
                out.append(many ? manyMethod(name, m) : method(name, m, signatures));
            }
            return out.toString();
        }

        private String methodName(int m, List<String> taken) {
            int kind = random.nextInt(10);
            String name = kind == 0 ? pick(CLASHING) : kind == 1 ? pick(UNICODE_NAMES)
                    : kind == 2 && !taken.isEmpty() ? taken.get(0) : "ask" + m;
            if (List.of("var", "record", "sealed", "permits", "build").contains(name)) {
                name = name + m;
            }
            return taken.contains(name) && kind != 2 ? name + m : name;
        }

        /** A plain method of the many-methods case: valid, so that its generated class is compiled. */
        private String manyMethod(String name, int m) {
            StringBuilder out = new StringBuilder();
            if (m % 7 == 0) {
                out.append("    @Forbid(phrases = {\"phrase ").append(m).append("\"})\n");
            }
            if (m % 11 == 0) {
                out.append("    @UserMessage(\"Question ").append(m).append(": {{q}}\")\n");
            }
            return out.append("    String ").append(name).append("(@V(\"q\") String q);\n").toString();
        }

        private String method(String name, int m, java.util.Set<String> signatures) {
            StringBuilder annotations = new StringBuilder();
            List<String> parameters = new ArrayList<>();
            List<String> variables = new ArrayList<>();
            java.util.Set<String> parameterNames = new java.util.HashSet<>();
            int count = random.nextInt(5);
            boolean user = false;
            boolean memory = false;
            boolean context = false;
            List<String> plain = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String pName = parameterName(name, i, parameterNames);
                int role = random.nextInt(12);
                String annotation = "";
                String type;
                if (strict && role >= 9) {
                    role = 3;
                }
                if (role == 10) {
                    // Message contents: images, lists of contents, in and out of the user message.
                    annotation = pick("@UserMessage ", "@UserMessage ", "", "@V(" + literal(pName) + ") ");
                    type = pick("dev.langchain4j.data.message.ImageContent",
                            "java.util.List<dev.langchain4j.data.message.Content>",
                            "java.util.List<dev.langchain4j.data.message.ImageContent>",
                            "dev.langchain4j.data.message.PdfFileContent", "dev.langchain4j.data.message.UserMessage",
                            "java.util.Set<dev.langchain4j.data.message.ImageContent>");
                } else if (role == 11) {
                    annotation = "@dev.langchain4j.service.UserName ";
                    type = pick("String", "Object", "int");
                } else if (role <= 2 && !user) {
                    user = true;
                    annotation = "@UserMessage ";
                    type = "String";
                } else if (role <= 5) {
                    String variable = !strict && random.nextInt(6) == 0 && !variables.isEmpty() ? variables.get(0)
                            : pName;
                    boolean v = random.nextBoolean() || !variable.equals(pName);
                    annotation = v ? "@V(" + literal(variable) + ") " : "";
                    type = pick("String", "Object", "int", "String", "CharSequence");
                    variables.add(variable);
                } else if (role == 6) {
                    annotation = "@MemoryId ";
                    type = pick("String", "Object", "int");
                    if (strict && memory) {
                        annotation = "@Untrusted ";
                        type = "String";
                    }
                    memory = true;
                } else if (role == 7) {
                    annotation = strict ? "@Untrusted " : "@Untrusted(" + (random.nextBoolean() ? text(15) : "") + ") ";
                    type = "String";
                } else if (role == 8 && !(strict && context)) {
                    type = "dev.modelspec4j.SpecContext";
                    context = true;
                } else {
                    type = strict ? "String" : pick("String[]", "java.util.List<String>", "long");
                    annotation = strict ? "@Untrusted " : "";
                }
                parameters.add(annotation + type + " " + pName);
                plain.add(type + " " + pName);
            }
            boolean userTemplate = strict ? !user : random.nextInt(3) == 0 || !user && variables.size() != 1;
            boolean systemTemplate = random.nextInt(4) == 0;
            if (userTemplate) {
                annotations.append("    @UserMessage(").append(template(variables, !systemTemplate)).append(")\n");
            }
            if (systemTemplate || strict && !userTemplate && !variables.isEmpty()) {
                annotations.append("    @SystemMessage(").append(template(variables, true)).append(")\n");
            }
            int rules = random.nextInt(4);
            for (int i = 0; i < rules; i++) {
                annotations.append("    ").append(rule());
            }
            String returns = pick("String", "String", "String", "dev.langchain4j.data.message.AiMessage",
                    "dev.langchain4j.model.chat.response.ChatResponse", "dev.langchain4j.service.TokenStream",
                    "dev.langchain4j.service.Result<String>", "int", "Reply", "boolean", "double",
                    "java.util.List<String>", "dev.langchain4j.service.Result<Integer>");
            boolean streams = returns.endsWith("TokenStream");
            if (strict && (returns.equals("int") || returns.equals("boolean") || returns.equals("double"))) {
                returns = "String";
            }
            if (strict ? streams : random.nextInt(6) == 0) {
                annotations.append("    @Streaming").append(strict || random.nextBoolean() ? "(buffer = true)" : "")
                        .append('\n');
            }
            if (!strict && random.nextInt(8) == 0) {
                annotations.append("    @Example(user = ").append(text(20)).append(", good = ").append(text(20))
                        .append(random.nextBoolean() ? ", bad = " + text(10) + ", rule = " + text(8) : "")
                        .append(")\n");
            }
            String fallback = null;
            if (random.nextInt(6) == 0 && !(strict && streams)) {
                fallback = "fallback" + m;
                annotations.append("    @OnViolation(action = Action.FALLBACK, fallback = \"").append(fallback)
                        .append("\")\n");
            } else if (random.nextInt(4) == 0) {
                annotations.append("    ").append(onViolation()).append('\n');
            }
            String signature = String.join(", ", parameters);
            String erased = name + plain.stream().map(p -> p.substring(0, p.lastIndexOf(' '))).toList();
            if (!signatures.add(erased)) {
                name = name + "_" + m;
            }
            StringBuilder out = new StringBuilder(dedupeAnnotations(annotations.toString()));
            out.append("    ").append(returns).append(' ').append(name).append('(').append(signature).append(");\n");
            if (fallback != null) {
                out.append("    default ").append(returns).append(' ').append(fallback).append('(')
                        .append(String.join(", ", plain)).append(") {\n        throw new IllegalStateException();\n")
                        .append("    }\n");
            }
            if (returns.equals("Reply")) {
                replyNeeded = true;
            }
            return out.toString();
        }

        private String parameterName(String method, int i, java.util.Set<String> taken) {
            String name = switch (random.nextInt(8)) {
                case 0, 1 -> pick(CLASHING);
                case 2 -> pick(UNICODE_NAMES);
                case 3 -> GuardedNames.constant(method) + "_PLAN";
                default -> "p" + i;
            };
            if (SOURCE_NAMES.contains(name)) {
                name = name + "_";
            }
            while (!taken.add(name)) {
                name = name + i;
            }
            return name;
        }

        /** A template; in a strict case it names only {@code variables}, every one of them when {@code all}. */
        private String template(List<String> variables, boolean all) {
            StringBuilder out = new StringBuilder("\"");
            int parts = 1 + random.nextInt(4);
            for (int i = 0; i < parts; i++) {
                int kind = random.nextInt(6);
                if (strict && kind == 1) {
                    kind = 2;
                }
                if (kind == 0 && !variables.isEmpty()) {
                    out.append("{{").append(escape(variables.get(random.nextInt(variables.size())))).append("}}");
                } else if (kind == 1) {
                    out.append("{{").append(pick("it", "current_date", "unknown", "current_time")).append("}}");
                } else {
                    // At most one long piece: the template is one constant of the interface, too.
                    String text = text(random.nextInt(40) == 0 && out.length() < 1000 ? 40_000 : 20);
                    out.append(text, 1, text.length() - 1);
                }
            }
            for (String v : variables) {
                if (strict && all || random.nextInt(3) != 0) {
                    out.append(" {{").append(escape(v)).append("}}");
                }
            }
            return out.append('"').toString();
        }

        private String onViolation() {
            if (strict) {
                return "@OnViolation(action = Action." + pick("BLOCK", "REFUSE", "REASK", "REPORT")
                        + ", maxAttempts = 2, refusal = " + text(25) + ")";
            }
            return "@OnViolation(action = Action." + pick("BLOCK", "REFUSE", "REASK", "REDACT", "REPORT")
                    + ", maxAttempts = " + pick("1", "2", "0", "-1", "3") + ", refusal = " + text(25) + ")";
        }

        private String rule() {
            return FuzzSources.this.rule();
        }
    }

    String rule() {
        if (strict) {
            return switch (random.nextInt(7)) {
                case 0 -> "@Length(maxChars = " + (100 + random.nextInt(5000)) + ")\n";
                case 1 -> "@Forbid(phrases = {" + text(30) + (random.nextInt(40) == 0 ? ", " + text(40_000) : "")
                        + "})\n";
                case 2 -> "@Pii\n";
                case 3 -> "@Secrets\n";
                case 4 -> "@PromptInjection(scope = {InjectionScope.USER, InjectionScope.UNTRUSTED})\n";
                case 5 -> "@KeepInstructionsPrivate(" + pick("true", "false") + ")\n";
                default -> "@Check(NoFinding.class)\n";
            };
        }
        return switch (random.nextInt(11)) {
            case 0 -> "@Length(maxChars = " + number() + ", maxWords = " + number() + ", minChars = " + number() + ")\n";
            case 1 -> "@Forbid(phrases = {" + text(30) + (random.nextInt(40) == 0 ? ", " + text(40_000) : "")
                    + "}, patterns = {" + regex() + "}" + (random.nextBoolean() ? ", lookAhead = " + number() : "")
                    + ")\n";
            case 2 -> "@Require(patterns = {" + regex() + "}, id = " + text(8) + ")\n";
            case 3 -> "@Pii(types = {PiiType.EMAIL, PiiType." + pick("IBAN", "URL", "PHONE") + "}, input = PiiMode."
                    + pick("MASK", "ALLOW", "REDACT", "PSEUDONYMIZE", "BLOCK") + ", output = PiiMode."
                    + pick("MASK", "ALLOW", "REDACT", "BLOCK") + ")\n";
            case 4 -> "@Secrets(action = Action." + pick("BLOCK", "REFUSE", "REPORT", "REDACT") + ")\n";
            case 5 -> "@PromptInjection(scope = {InjectionScope." + pick("USER", "UNTRUSTED") + "})\n";
            case 6 -> "@KeepInstructionsPrivate(" + pick("true", "false") + ")\n";
            case 7 -> onViolationRule();
            case 8 -> "@Check(" + pick(pkgCheck(), "dev.modelspec4j.check.builtin.LengthCheck") + ".class)\n";
            default -> "@Length(maxChars = " + (1 + random.nextInt(5000)) + ")\n";
        };
    }

    /** A custom check class; every case writes it, as a policy file may name it too. */
    private String pkgCheck() {
        return "NoFinding";
    }

    private String onViolationRule() {
        return "@OnViolation(action = Action." + pick("BLOCK", "REFUSE", "REASK", "REPORT") + ", refusal = "
                + text(20) + ")\n";
    }

    private String number() {
        return pick("0", "1", "-5", "80", "2000", "2147483647");
    }

    private String regex() {
        return switch (random.nextInt(6)) {
            case 0 -> "\"(\"";
            case 1 -> "\"" + "(".repeat(5000) + "a" + ")".repeat(5000) + "\"";
            case 2 -> "\"(?i)guaranteed refund\"";
            case 3 -> text(12);
            default -> "\"\\\\b\\\\d{4}\\\\b\"";
        };
    }

    /** Removes repeated annotations (javac rejects a non-repeatable annotation twice). */
    private static String dedupeAnnotations(String lines) {
        StringBuilder out = new StringBuilder();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String line : lines.split("\n", -1)) {
            String key = line.strip().replaceAll("(?s)\\(.*", "");
            boolean repeatable = key.equals("@Check") || key.equals("@Example");
            if (line.isBlank() || !repeatable && !seen.add(key)) {
                continue;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /**
     * A Java string literal of random text, about {@code length} characters long (40,000 for a long one), drawn
     * from every category of code point; under the 65,535 bytes javac allows a constant.
     */
    String text(int length) {
        StringBuilder text = new StringBuilder();
        if (length >= 40_000) {
            // Mostly words with spaces: a phrase of them becomes a much longer pattern.
            // Under the 65,535 bytes of modified UTF-8 that javac allows a constant of the interface itself.
            int bytes = 0;
            while (text.length() < length || bytes > 60_000) {
                String piece = random.nextInt(20) == 0 ? pick(PIECES) : "word";
                int size = piece.length() * 3 + 1;
                if (bytes + size > 60_000) {
                    break;
                }
                text.append(piece).append(' ');
                bytes += size;
            }
        } else {
            int pieces = 1 + random.nextInt(Math.max(1, length / 4));
            for (int i = 0; i < pieces; i++) {
                text.append(random.nextInt(3) == 0 ? pick(PIECES) : randomCodePoint());
            }
        }
        String value = text.toString();
        if (strict) {
            // No template tokens, and never blank: a strict case keeps its values valid.
            value = "x" + value.replace("{{", "{ {").replace("}}", "} }");
        }
        return literal(value);
    }

    private String randomCodePoint() {
        int cp = switch (random.nextInt(5)) {
            case 0 -> 0x20 + random.nextInt(0x5f);
            case 1 -> random.nextInt(0x3000);
            case 2 -> random.nextInt(0x10000);
            case 3 -> 0x10000 + random.nextInt(0x100000);
            default -> 'a' + random.nextInt(26);
        };
        return new String(Character.toChars(cp));
    }

    /** A Java literal of {@code text}, escaped as a user might write it (control characters as escapes). */
    static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                // javac 17 misreads a backslash escape right after a Unicode escape: octal there, and first in
                // the literal, since templates join the insides of several literals.
                case '\\' -> out.append(out.length() == 1 || out.length() > 6 && out.charAt(out.length() - 6) == '\\'
                        && out.charAt(out.length() - 5) == 'u' ? "\\134" : "\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) || c == 0x7f || c >= 0x80 && c < 0xa0) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String escape(String variable) {
        String literal = literal(variable);
        return literal.substring(1, literal.length() - 1);
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    /** The constant-name rule of the generated class, repeated here to write clashing parameter names. */
    static final class GuardedNames {
        private GuardedNames() {
        }

        static String constant(String method) {
            StringBuilder out = new StringBuilder();
            for (char c : method.toCharArray()) {
                if (Character.isUpperCase(c) && out.length() > 0) {
                    out.append('_');
                }
                out.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
            }
            return out.toString();
        }
    }
}
