package dev.modelspec4j.processor.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The content hash of a spec: SHA-256 over a canonical, sorted description of every rule of every method (id,
 * level, action, kind, parameters, method settings). It changes when, and only when, a rule changes.
 */
public final class SpecHash {

    private SpecHash() {
    }

    public static String of(List<MethodModel> methods) {
        List<String> lines = new ArrayList<>();
        for (MethodModel method : methods) {
            lines.add(method.name() + "|maxAttempts=" + method.maxAttempts() + "|refusal=" + method.refusal()
                    + "|fallback=" + method.fallbackMethod());
            for (RuleModel rule : method.rules()) {
                lines.add(method.name() + "|" + rule.id() + "|" + rule.kind() + "|" + rule.level() + "|"
                        + rule.action() + "|overridable=" + rule.userOverridable() + "|" + rule.canonical());
            }
            if (method.structured() != null) {
                lines.add(method.name() + "|schema|" + method.structured().readType() + "|" + method.structured().root());
                for (var field : method.structured().fields()) {
                    RuleModel rule = field.rule();
                    lines.add(method.name() + "|" + field.path() + "|" + rule.id() + "|" + rule.kind() + "|"
                            + rule.level() + "|" + rule.action() + "|" + rule.canonical());
                }
            }
        }
        lines.sort(null);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
