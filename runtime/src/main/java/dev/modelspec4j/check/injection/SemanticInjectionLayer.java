package dev.modelspec4j.check.injection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * An optional second opinion for {@code @PromptInjection}: a detector that judges what a text means rather than
 * which phrases it contains, for instance a classifier on sentence embeddings. It can only add detections: when the
 * deterministic {@link PromptInjectionDetector} finds nothing, {@link PromptInjectionCheck} asks the layer, and a
 * score at or above the layer's threshold fails the input; the deterministic verdict is never relaxed.
 *
 * <p>Opt-in: {@link PromptInjectionCheck#of} uses every implementation registered with {@link ServiceLoader} under
 * this interface's name ({@code META-INF/services/dev.modelspec4j.check.injection.SemanticInjectionLayer}), such as
 * the one in {@code modelspec4j-embeddings}; with none on the class path, nothing changes. Pass a layer to
 * {@link PromptInjectionCheck#PromptInjectionCheck(PromptInjectionDetector, List, java.util.Set)} to choose
 * explicitly.
 *
 * <p>Implementations are thread-safe. A layer that throws makes the check fail closed, as any check that throws.
 */
public interface SemanticInjectionLayer {

    /**
     * Scores a text (a whole input part; the layer splits long texts itself).
     *
     * @return the finding when the score reaches the threshold, or {@code null}
     */
    SemanticInjectionFinding assess(String text);

    /** The layers registered with {@link ServiceLoader}, in class-name order; looked up once per class loader. */
    static List<SemanticInjectionLayer> installed() {
        return Installed.LAYERS;
    }

    /** Lazy holder: the look-up runs on first use, not when the interface is loaded. */
    final class Installed {
        private static final List<SemanticInjectionLayer> LAYERS = load();

        private Installed() {
        }

        private static List<SemanticInjectionLayer> load() {
            List<SemanticInjectionLayer> layers = new ArrayList<>();
            ServiceLoader.load(SemanticInjectionLayer.class, SemanticInjectionLayer.class.getClassLoader())
                    .forEach(layers::add);
            layers.sort(Comparator.comparing(layer -> layer.getClass().getName()));
            return List.copyOf(layers);
        }
    }
}
