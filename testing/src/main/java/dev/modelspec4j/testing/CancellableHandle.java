package dev.modelspec4j.testing;

import dev.langchain4j.model.chat.response.StreamingHandle;

/** A {@link StreamingHandle} for in-memory streaming models: cancelling sets a flag the model reads. */
public final class CancellableHandle implements StreamingHandle {

    private volatile boolean cancelled;

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }
}
