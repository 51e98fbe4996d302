package dev.modelspec4j;

/** The root of the exceptions that a guarded assistant throws. */
public class ModelSpecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelSpecException(String message) {
        super(message);
    }

    public ModelSpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
