package dev.modelspec4j.processor.validate;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.modelspec4j.processor.model.SourcePosition;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import dev.modelspec4j.processor.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * Source positions (file and line) of elements and annotations, through {@link Trees} when the compiler offers
 * it (javac does). Elsewhere — another compiler, an environment wrapped by a build tool, an element from a
 * class file — positions are unknown and the documents simply leave them out.
 */
final class Positions {

    private final Trees trees;
    /** The compilation unit of each top-level type: finding it scans the unit, so once per type. */
    private final java.util.Map<Element, CompilationUnitTree> units = new java.util.HashMap<>();

    private Positions(Trees trees) {
        this.trees = trees;
    }

    static Positions of(ProcessingEnvironment env) {
        try {
            return new Positions(Trees.instance(env));
        } catch (IllegalArgumentException | LinkageError e) {
            return new Positions(null);
        }
    }

    /** Where {@code annotation} (or {@code element}, when it is null) is written; null when unknown. */
    SourcePosition of(Element element, AnnotationMirror annotation) {
        if (trees == null) {
            return null;
        }
        try {
            // Trees.getPath scans the whole file for each element, which grows with the square of the number of
            // methods: the tree itself is found directly, and the file once per top-level type.
            Tree tree = annotation == null ? trees.getTree(element) : trees.getTree(element, annotation);
            CompilationUnitTree unit = tree == null ? null : unitOf(element);
            return unit == null ? null : position(unit, tree);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Where the {@code index}-th annotation named {@code simpleName} on {@code element} is written, counting in
     * source order and inside containers such as {@code @Example.List({...})}: javac cannot map an annotation
     * nested in a container back to its tree. Null when unknown.
     */
    SourcePosition ofRepeated(Element element, String simpleName, int index) {
        TreePath path = trees == null ? null : pathOf(element);
        AnnotationTree tree = path == null ? null : repeated(path, simpleName, index);
        return tree == null ? null : position(path.getCompilationUnit(), tree);
    }

    /**
     * Prints diagnostics at the value of {@code attribute} of the {@code index}-th annotation named
     * {@code simpleName} on {@code element} (at the annotation when the attribute is not written).
     */
    Diagnostics.Placer placerOf(Element element, String simpleName, int index, String attribute) {
        return (kind, text) -> {
            TreePath path = trees == null ? null : pathOf(element);
            AnnotationTree annotation = path == null ? null : repeated(path, simpleName, index);
            if (annotation == null) {
                return false;
            }
            Tree at = annotation;
            for (ExpressionTree argument : annotation.getArguments()) {
                if (argument instanceof AssignmentTree assignment
                        && assignment.getVariable() instanceof IdentifierTree name
                        && name.getName().contentEquals(attribute)) {
                    at = assignment.getExpression();
                }
            }
            trees.printMessage(kind, text, at, path.getCompilationUnit());
            return true;
        };
    }

    private TreePath pathOf(Element element) {
        try {
            Tree tree = trees.getTree(element);
            CompilationUnitTree unit = tree == null ? null : unitOf(element);
            return unit == null ? null : new TreePath(new TreePath(unit), tree);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private CompilationUnitTree unitOf(Element element) {
        Element top = element;
        while (top.getEnclosingElement() != null
                && top.getEnclosingElement().getKind() != javax.lang.model.element.ElementKind.PACKAGE
                && top.getEnclosingElement().getKind() != javax.lang.model.element.ElementKind.MODULE) {
            top = top.getEnclosingElement();
        }
        return units.computeIfAbsent(top, t -> {
            TreePath path = trees.getPath(t);
            return path == null ? null : path.getCompilationUnit();
        });
    }

    private static AnnotationTree repeated(TreePath path, String simpleName, int index) {
        List<AnnotationTree> found = new ArrayList<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitAnnotation(AnnotationTree tree, Void unused) {
                String type = tree.getAnnotationType().toString();
                if (type.equals(simpleName) || type.endsWith("." + simpleName)) {
                    found.add(tree);
                }
                return super.visitAnnotation(tree, unused);
            }
        }.scan(path.getLeaf() instanceof MethodTree method ? method.getModifiers() : path.getLeaf(), null);
        return index < found.size() ? found.get(index) : null;
    }

    private SourcePosition position(CompilationUnitTree unit, Tree tree) {
        SourcePositions positions = trees.getSourcePositions();
        long start = positions.getStartPosition(unit, tree);
        if (start < 0 || unit.getLineMap() == null) {
            return null;
        }
        return new SourcePosition(fileOf(unit), (int) unit.getLineMap().getLineNumber(start));
    }

    /** The file relative to its source root: the package's folders and the file's name. */
    private static String fileOf(CompilationUnitTree unit) {
        String name = unit.getSourceFile().getName().replace('\\', '/');
        String simple = name.substring(name.lastIndexOf('/') + 1);
        String packageName = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
        return packageName.isEmpty() ? simple : packageName.replace('.', '/') + "/" + simple;
    }
}
