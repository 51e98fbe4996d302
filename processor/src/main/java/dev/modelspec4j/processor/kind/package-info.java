/**
 * One descriptor per kind of rule ({@link dev.modelspec4j.processor.kind.RuleKind}): how its annotation is read
 * and checked, its model, the code it emits, whether it streams, its text in spec documents, what weakens it and
 * how the spec diff compares it (through the runtime's {@link dev.modelspec4j.internal.spec.SpecKind}). The
 * stages ask the descriptor instead of testing kinds themselves; {@link dev.modelspec4j.processor.kind.RuleKinds}
 * lists them all.
 */
package dev.modelspec4j.processor.kind;
