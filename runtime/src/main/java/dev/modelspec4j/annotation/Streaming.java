package dev.modelspec4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a method returning LangChain4j's {@code TokenStream} streams. Without this annotation (or with
 * {@code buffer = false}) tokens reach the caller as they arrive, held back only by the look-ahead the checks
 * declare; a violation ends the stream with the enforced ending. Such a method cannot use REASK or FALLBACK, nor
 * rules that can only judge the whole answer ({@code @Require}, {@code @Length(minChars)}, {@code @Forbid}
 * patterns without a {@code lookAhead}): the compiler says so.
 *
 * <p>With {@code buffer = true} the whole answer is received and checked before any of it is released, as in a
 * non-streaming call: every rule and REASK work, at the price of the time to the first token.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Streaming {

    /** Whether the whole answer is checked before any of it reaches the caller. */
    boolean buffer() default false;
}
