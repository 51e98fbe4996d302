package dev.modelspec4j.processor.kind;

import dev.modelspec4j.annotation.Action;
import dev.modelspec4j.annotation.Level;

/**
 * Where rules are being read: their level, the prefix of their default ids, their origin for messages, and the
 * action of an {@code @OnViolation} next to them on a policy (null for none).
 */
public record ReadScope(Level level, String idPrefix, String origin, Action scopeAction) {
}
