package dev.modelspec4j.stream;

import dev.langchain4j.model.chat.response.StreamingHandle;

/** An upstream handle that only records its cancellation. */
final class FlagHandle implements StreamingHandle {

    volatile boolean cancelled;

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }
}
