package dev.modelspec4j.check;

import dev.langchain4j.model.moderation.Moderation;
import dev.langchain4j.model.moderation.ModerationModel;
import dev.langchain4j.model.output.Response;
import java.util.List;

/**
 * LangChain4j's {@code @Moderate}: each input part goes to the assistant's {@link ModerationModel} before the
 * chat model is called, and a flagged part is a violation. The engine runs it with {@link #moderate}, since the
 * model belongs to the assistant instance, not to the check.
 */
public final class ModerationCheck implements InputCheck {

    /** The check; it holds no state. */
    public static final ModerationCheck INSTANCE = new ModerationCheck();

    private ModerationCheck() {
    }

    /** Always throws: moderation needs the assistant's model, see {@link #moderate}. */
    @Override
    public List<Finding> check(String text, InputPart part) {
        throw new IllegalStateException("moderation needs the assistant's ModerationModel");
    }

    /** Moderates {@code text} with {@code model}. */
    public List<Finding> moderate(ModerationModel model, String text, InputPart part) {
        if (model == null) {
            throw new IllegalStateException("@Moderate needs a ModerationModel: set one on the builder");
        }
        Response<Moderation> response = model.moderate(text);
        Moderation moderation = response == null ? null : response.content();
        if (moderation == null || !moderation.flagged()) {
            return List.of();
        }
        String where = part == InputPart.USER ? "the user's message" : "untrusted data";
        return List.of(Finding.of("The moderation model flagged " + where + ".",
                "moderation model flagged " + where));
    }
}
