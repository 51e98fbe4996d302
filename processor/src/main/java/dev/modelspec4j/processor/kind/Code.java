package dev.modelspec4j.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.modelspec4j.processor.generate.SourceText;
import java.util.ArrayList;
import java.util.List;

/** Pieces of generated code that several kinds write. */
final class Code {

    /** The runtime's named factories for built-in checks. */
    static final ClassName CHECKS = ClassName.get("dev.modelspec4j.internal", "Checks");
    /** The runtime's builders of method plans. */
    static final ClassName PLANS = ClassName.get("dev.modelspec4j.internal", "Plans");

    private Code() {
    }

    /** {@code "a", "b"}: string expressions separated by commas. */
    static CodeBlock strings(List<String> strings) {
        List<CodeBlock> blocks = new ArrayList<>();
        for (String s : strings) {
            blocks.add(SourceText.string(s));
        }
        return CodeBlock.join(blocks, ",$W");
    }

    /** {@code Type.A, Type.B}: enum constants separated by commas. */
    static CodeBlock constants(ClassName type, List<? extends Enum<?>> constants) {
        List<CodeBlock> blocks = new ArrayList<>();
        for (Enum<?> constant : constants) {
            blocks.add(CodeBlock.of("$T.$L", type, constant));
        }
        return CodeBlock.join(blocks, ",$W");
    }
}
