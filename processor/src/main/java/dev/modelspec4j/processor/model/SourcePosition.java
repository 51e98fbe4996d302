package dev.modelspec4j.processor.model;

/**
 * Where something is written: the source file relative to the source root (package folders and file name, so
 * that documents do not depend on the machine that built them) and the line, counted from 1.
 */
public record SourcePosition(String file, int line) {
}
