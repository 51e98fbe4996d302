package dev.modelspec4j.processor.schema;

import dev.modelspec4j.processor.diag.Diagnostics;
import dev.modelspec4j.processor.diag.Message;
import dev.modelspec4j.processor.schema.SchemaNode.ArrayNode;
import dev.modelspec4j.processor.schema.SchemaNode.EnumNode;
import dev.modelspec4j.processor.schema.SchemaNode.FormattedNode;
import dev.modelspec4j.processor.schema.SchemaNode.ObjectNode;
import dev.modelspec4j.processor.schema.SchemaNode.Property;
import dev.modelspec4j.processor.schema.SchemaNode.Scalar;
import dev.modelspec4j.processor.schema.SchemaNode.ScalarNode;
import dev.modelspec4j.processor.validate.Mirrors;
import dev.modelspec4j.processor.validate.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Derives the JSON schema of a structured return type from the Java types, at compile time: records, enums,
 * collections, {@code Optional}, maps with string keys, strings, numbers, booleans, {@code java.time} types and
 * {@code UUID}. Descriptions come from LangChain4j's {@code @Description} or the Javadoc. Every unsupported type
 * is reported at the most precise place (the record component when it is in this compilation).
 */
public final class SchemaReader {

    /** A record component reached from the root, where rules may be written. */
    public record Component(String path, String idPath, RecordComponentElement element, TypeMirror valueType) {
    }

    /** The schema of a value type. */
    public record Schema(ObjectNode root, String wrapper, List<Component> components) {
    }

    private static final Map<String, Scalar> SCALARS = Map.ofEntries(
            Map.entry("java.lang.String", Scalar.STRING), Map.entry("java.lang.Character", Scalar.STRING),
            Map.entry("java.lang.CharSequence", Scalar.STRING), Map.entry("java.lang.Boolean", Scalar.BOOLEAN),
            Map.entry("java.lang.Byte", Scalar.INTEGER), Map.entry("java.lang.Short", Scalar.INTEGER),
            Map.entry("java.lang.Integer", Scalar.INTEGER), Map.entry("java.lang.Long", Scalar.INTEGER),
            Map.entry("java.math.BigInteger", Scalar.INTEGER), Map.entry("java.lang.Float", Scalar.NUMBER),
            Map.entry("java.lang.Double", Scalar.NUMBER), Map.entry("java.math.BigDecimal", Scalar.NUMBER));

    /** {@code java.time} and other string formats: format, pattern (when no format fits), description. */
    private static final Map<String, String[]> FORMATS = Map.of(
            "java.time.LocalDate", new String[] {"date", null, "ISO 8601 date, e.g. 2025-01-31"},
            "java.time.LocalTime", new String[] {"time", null, "ISO 8601 time, e.g. 14:30:00"},
            "java.time.OffsetDateTime", new String[] {"date-time", null, "ISO 8601 date-time with offset, e.g. 2025-01-31T14:30:00+01:00"},
            "java.time.ZonedDateTime", new String[] {"date-time", null, "ISO 8601 date-time with offset, e.g. 2025-01-31T14:30:00+01:00"},
            "java.time.Instant", new String[] {"date-time", null, "ISO 8601 instant in UTC, e.g. 2025-01-31T13:30:00Z"},
            "java.time.LocalDateTime", new String[] {null, "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$",
                    "ISO 8601 date and time without offset, e.g. 2025-01-31T14:30:00"},
            "java.time.Duration", new String[] {"duration", null, "ISO 8601 duration, e.g. PT30M"},
            "java.util.UUID", new String[] {"uuid", null, "UUID, e.g. 123e4567-e89b-12d3-a456-426614174000"});

    private final Types types;
    private final Elements elements;
    private final Mirrors mirrors;
    private final Diagnostics diagnostics;

    public SchemaReader(ProcessingEnvironment env, Diagnostics diagnostics) {
        this.types = env.getTypeUtils();
        this.elements = env.getElementUtils();
        this.mirrors = new Mirrors(elements);
        this.diagnostics = diagnostics;
    }

    /** What the walk of one method's type needs: where to report, the path, and the records on the way. */
    private final class Walk {
        final ExecutableElement method;
        final List<String> records = new ArrayList<>();
        final List<RecordComponentElement> path = new ArrayList<>();
        final List<Component> components = new ArrayList<>();
        boolean failed;

        Walk(ExecutableElement method) {
            this.method = method;
        }

        /** The component being read (javac shows it in its source when it has one), else the method. */
        Element at() {
            return path.isEmpty() ? method : position(path.get(path.size() - 1));
        }

        String what(String fallback) {
            return path.isEmpty() ? fallback
                    : "component " + path.get(path.size() - 1).getSimpleName() + " of "
                            + path.get(path.size() - 1).getEnclosingElement().getSimpleName();
        }
    }

    /**
     * The schema of {@code type}, the value a method returns; empty when it has errors (all reported).
     */
    public Optional<Schema> read(ExecutableElement method, TypeMirror type) {
        Walk walk = new Walk(method);
        SchemaNode node = node(type, walk, "", "");
        if (walk.failed || node == null) {
            return Optional.empty();
        }
        if (node instanceof ObjectNode object && !object.open()) {
            return Optional.of(new Schema(object, null, walk.components));
        }
        String wrapper = node instanceof ArrayNode ? "values" : "value";
        ObjectNode root = new ObjectNode("", List.of(new Property(wrapper, node, true, false)), false);
        List<Component> components = walk.components.stream()
                .map(c -> new Component(wrapper + (node instanceof ArrayNode ? "[]" : "") + "." + c.path(),
                        c.idPath(), c.element(), c.valueType()))
                .toList();
        return Optional.of(new Schema(root, wrapper, components));
    }

    /** The schema of {@code type}; null after an error. {@code path} is where values of the type are. */
    private SchemaNode node(TypeMirror type, Walk walk, String path, String idPath) {
        switch (type.getKind()) {
            case BOOLEAN:
                return new ScalarNode(Scalar.BOOLEAN, "");
            case BYTE: case SHORT: case INT: case LONG:
                return new ScalarNode(Scalar.INTEGER, "");
            case FLOAT: case DOUBLE:
                return new ScalarNode(Scalar.NUMBER, "");
            case CHAR:
                return new ScalarNode(Scalar.STRING, "");
            case DECLARED:
                return declared((DeclaredType) type, walk, path, idPath);
            case WILDCARD:
                return unsupported(walk, type, "wildcards have no single schema; name the type, e.g. List<Ticket>");
            case TYPEVAR:
                return unsupported(walk, type, "a type variable has no schema; use a concrete type");
            case ARRAY:
                return unsupported(walk, type, "use a List instead of an array");
            default:
                return unsupported(walk, type, "use a record, an enum, a collection, a string, a number or a boolean");
        }
    }

    private SchemaNode declared(DeclaredType type, Walk walk, String path, String idPath) {
        TypeElement element = (TypeElement) type.asElement();
        String name = element.getQualifiedName().toString();
        if (!element.getTypeParameters().isEmpty() && type.getTypeArguments().isEmpty()) {
            return unsupported(walk, type, "it is a raw type; give its type arguments, e.g. List<String>");
        }
        Scalar scalar = SCALARS.get(name);
        if (scalar != null) {
            return new ScalarNode(scalar, "");
        }
        String[] format = FORMATS.get(name);
        if (format != null) {
            return new FormattedNode(format[0], format[1], format[2]);
        }
        switch (name) {
            case "java.util.List", "java.util.Set", "java.util.Collection" -> {
                SchemaNode items = node(type.getTypeArguments().get(0), walk, path + "[]", idPath);
                return items == null ? null : new ArrayNode("", items);
            }
            case "java.util.Map" -> {
                TypeMirror key = type.getTypeArguments().get(0);
                if (!types.isSameType(key, elements.getTypeElement("java.lang.String").asType())) {
                    diagnostics.report(Message.MAP_KEY_NOT_STRING, walk.at(), walk.method.getSimpleName(),
                            walk.what("the return type"), key);
                    walk.failed = true;
                    return null;
                }
                SchemaNode values = node(type.getTypeArguments().get(1), walk, path, idPath);
                return values == null ? null : new ObjectNode("", List.of(), true);
            }
            case "java.util.Optional" -> {
                return unsupported(walk, type, "Optional is allowed as the return type and as the type of a record "
                        + "component, not inside another type");
            }
            case "java.util.Date" -> {
                diagnostics.report(Message.LEGACY_DATE, walk.at(), walk.method.getSimpleName(),
                        walk.what("the return type"));
                walk.failed = true;
                return null;
            }
            case "java.lang.Object" -> {
                return unsupported(walk, type, "Object has no schema; use a record that describes the value");
            }
            default -> {
            }
        }
        if (element.getKind() == ElementKind.ENUM) {
            List<String> constants = element.getEnclosedElements().stream()
                    .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT).map(e -> e.getSimpleName().toString())
                    .toList();
            if (constants.isEmpty()) {
                diagnostics.report(Message.EMPTY_SCHEMA, walk.at(), element.getQualifiedName(),
                        "enum " + element.getSimpleName() + " has no constants", "constant");
                walk.failed = true;
                return null;
            }
            return new EnumNode(constants, typeDescription(element));
        }
        if (element.getKind() == ElementKind.RECORD) {
            return record(type, element, walk, path, idPath);
        }
        return unsupported(walk, type, "only records, enums, collections, Optional, maps with String keys, strings, "
                + "numbers, booleans, java.time types and UUID have a JSON schema; describe the value as a record");
    }

    private SchemaNode record(DeclaredType type, TypeElement record, Walk walk, String path, String idPath) {
        String name = record.getQualifiedName().toString();
        if (!isPublic(record)) {
            diagnostics.report(Message.RECORD_NOT_CONSTRUCTIBLE, record, name);
            walk.failed = true;
            return null;
        }
        int first = walk.records.indexOf(name);
        if (first >= 0) {
            boolean bounded = walk.path.subList(first, walk.path.size()).stream().anyMatch(c -> maxDepth(c) > 0);
            if (!bounded) {
                RecordComponentElement closing = walk.path.get(walk.path.size() - 1);
                diagnostics.report(Message.UNBOUNDED_RECURSION, position(closing), name,
                        closing.getEnclosingElement().getSimpleName() + "." + closing.getSimpleName());
                walk.failed = true;
                return null;
            }
        }
        List<? extends RecordComponentElement> components = record.getRecordComponents();
        if (components.isEmpty()) {
            diagnostics.report(Message.EMPTY_SCHEMA, record, name, "record " + record.getSimpleName()
                    + " has no components", "component");
            walk.failed = true;
            return null;
        }
        Map<String, String> params = Javadoc.params(elements.getDocComment(record));
        List<Property> properties = new ArrayList<>();
        walk.records.add(name);
        for (RecordComponentElement component : components) {
            String componentName = component.getSimpleName().toString();
            int depth = maxDepth(component);
            if (depth < 0) {
                diagnostics.report(Message.BAD_MAX_DEPTH, position(component), depth == Integer.MIN_VALUE
                        ? 0 : -depth, componentName);
                walk.failed = true;
                continue;
            }
            if (depth > 0 && walk.path.stream().filter(c -> c.equals(component)).count() >= depth) {
                continue; // the depth bound is reached: the component is left out below this level
            }
            TypeMirror componentType = ((javax.lang.model.type.ExecutableType) types.asMemberOf(type,
                    component.getAccessor())).getReturnType();
            boolean optional = isOptional(componentType);
            TypeMirror valueType = optional ? ((DeclaredType) componentType).getTypeArguments().get(0) : componentType;
            String childPath = path.isEmpty() ? componentName : path + "." + componentName;
            String childId = idPath.isEmpty() ? componentName : idPath + "." + componentName;
            walk.path.add(component);
            walk.components.add(new Component(childPath, childId, component, valueType));
            SchemaNode node = node(valueType, walk, childPath, childId);
            walk.path.remove(walk.path.size() - 1);
            if (node == null) {
                continue;
            }
            String description = componentDescription(record, component)
                    .orElse(params.getOrDefault(componentName, ""));
            node = withDescription(node, description);
            boolean primitive = componentType.getKind().isPrimitive();
            boolean nullable = !primitive && (optional || isNullable(component));
            properties.add(new Property(componentName, node, !nullable, nullable));
        }
        walk.records.remove(walk.records.size() - 1);
        if (walk.failed) {
            return null;
        }
        return new ObjectNode(typeDescription(record), properties, false);
    }

    /**
     * Where to report a problem of a record component: javac knows no source position for the component
     * itself, but does for the record's private field declared by it, on the same line.
     */
    public static Element position(RecordComponentElement component) {
        return component.getEnclosingElement().getEnclosedElements().stream()
                .filter(e -> e.getKind() == ElementKind.FIELD && e.getSimpleName().equals(component.getSimpleName()))
                .findFirst().<Element>map(e -> e).orElse(component);
    }

    private SchemaNode unsupported(Walk walk, TypeMirror type, String advice) {
        diagnostics.report(Message.UNSUPPORTED_SCHEMA_TYPE, walk.at(), walk.method.getSimpleName(),
                walk.what("the return type"), type, advice);
        walk.failed = true;
        return null;
    }

    /** {@code @MaxDepth}'s value: 0 when absent, negative (or MIN_VALUE for 0) when invalid. */
    private int maxDepth(RecordComponentElement component) {
        return mirrors.find(component, Names.MAX_DEPTH).map(m -> {
            int value = mirrors.integer(m, "value");
            return value >= 1 ? value : value == 0 ? Integer.MIN_VALUE : value;
        }).orElse(0);
    }

    private static SchemaNode withDescription(SchemaNode node, String description) {
        if (description.isEmpty()) {
            return node;
        }
        String text = node.description().isEmpty() ? description : description + " (" + node.description() + ")";
        if (node instanceof ObjectNode o) {
            return new ObjectNode(text, o.properties(), o.open());
        } else if (node instanceof ArrayNode a) {
            return new ArrayNode(text, a.items());
        } else if (node instanceof ScalarNode s) {
            return new ScalarNode(s.type(), text);
        } else if (node instanceof FormattedNode f) {
            return new FormattedNode(f.format(), f.pattern(), text);
        } else if (node instanceof EnumNode e) {
            return new EnumNode(e.values(), text);
        }
        return node;
    }

    private Optional<String> description(Element element) {
        return mirrors.find(element, Names.DESCRIPTION)
                .map(m -> String.join(" ", mirrors.strings(m, "value")).strip())
                .filter(s -> !s.isEmpty());
    }

    /**
     * {@code @Description} on a component: javac keeps it on the component, or, for an annotation that does not
     * target record components (LangChain4j's targets fields), on the record's field of that name.
     */
    private Optional<String> componentDescription(TypeElement record, RecordComponentElement component) {
        return description(component).or(() -> record.getEnclosedElements().stream()
                .filter(e -> e.getKind() == ElementKind.FIELD && e.getSimpleName().equals(component.getSimpleName()))
                .findFirst().flatMap(this::description));
    }

    private String typeDescription(TypeElement type) {
        return description(type).orElseGet(() -> Javadoc.summary(elements.getDocComment(type)));
    }

    private boolean isOptional(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) types.asElement(type)).getQualifiedName().contentEquals("java.util.Optional")
                && !((DeclaredType) type).getTypeArguments().isEmpty();
    }

    /** Any annotation named {@code Nullable}, on the component or on its type. */
    private static boolean isNullable(RecordComponentElement component) {
        List<AnnotationMirror> all = new ArrayList<>(component.getAnnotationMirrors());
        all.addAll(component.asType().getAnnotationMirrors());
        if (component.getAccessor() != null) {
            all.addAll(component.getAccessor().getAnnotationMirrors());
        }
        return all.stream().anyMatch(m -> m.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable"));
    }

    private static boolean isPublic(TypeElement type) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (!e.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }
}
