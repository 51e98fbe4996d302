package dev.modelspec4j.testing.conformance;

/**
 * The verdict on one answer of one {@code @Example}.
 *
 * @param assistant the interface's canonical name
 * @param method the method
 * @param index the example's index among the method's examples, from 0
 * @param source {@code file:line} of the example, or {@code unknown source}
 * @param answer which answer was tried: {@code good} or {@code bad}
 * @param passed whether the generated class judged it as the example says
 * @param detail what happened
 */
public record ExampleResult(String assistant, String method, int index, String source, String answer,
        boolean passed, String detail) {

    /** Where the example is, for messages: {@code com.acme.Support.answer @Example[0] (com/acme/Support.java:12)}. */
    public String location() {
        return assistant + "." + method + " @Example[" + index + "] (" + source + ")";
    }

    @Override
    public String toString() {
        return (passed ? "PASS " : "FAIL ") + location() + ", " + answer + " answer: " + detail;
    }
}
