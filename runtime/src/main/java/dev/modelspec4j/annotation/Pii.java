package dev.modelspec4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Personal data rule: scans what goes to the model and what comes back for the given {@link PiiType types} and
 * treats it as the {@link PiiMode modes} say. On an interface it applies to every method; on a method it
 * replaces the interface's rule for that method.
 *
 * <pre>{@code
 * @Pii(types = {PiiType.CREDIT_CARD, PiiType.US_SSN}, input = PiiMode.MASK, output = PiiMode.MASK)
 * }</pre>
 *
 * Audit records of this rule show placeholders such as {@code [EMAIL_1]}, never the values themselves.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Pii {

    /** The types to look for; all of them by default. */
    PiiType[] types() default {
        PiiType.EMAIL, PiiType.PHONE, PiiType.CREDIT_CARD, PiiType.IBAN,
        PiiType.US_SSN, PiiType.IP_ADDRESS, PiiType.CRYPTO_WALLET, PiiType.URL
    };

    /** What happens to personal data in the user's input before the model sees it. */
    PiiMode input() default PiiMode.MASK;

    /** What happens to personal data in the model's answer before the user sees it. */
    PiiMode output() default PiiMode.MASK;

    /** The rule's id in audit records and spec documents; empty means a generated id. */
    String id() default "";
}
