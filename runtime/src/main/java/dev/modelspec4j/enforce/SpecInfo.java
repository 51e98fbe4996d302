package dev.modelspec4j.enforce;

import java.util.Objects;

/**
 * The identity of the spec a generated class enforces: a constant of every generated class.
 *
 * @param id the spec id from {@code @ModelSpec}
 * @param version the spec version
 * @param hash the content hash of the spec's rules, computed by the processor
 * @param assistant the qualified name of the assistant interface
 */
public record SpecInfo(String id, String version, String hash, String assistant) {

    public SpecInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(assistant, "assistant");
    }
}
