/**
 * The kinds of rule as spec documents name them, shared by the annotation processor, which writes spec
 * documents, and the spec diff of {@code modelspec4j-testing}, which compares them. Not for applications.
 */
package dev.modelspec4j.internal.spec;
