/**
 * The API that generated code and the modelspec4j tools call: named factories and builders for checks, method
 * plans and the engine's requirements, and the check that a generated class and the runtime come from the same
 * release. For generated code only: applications must not call it. It changes with the processor, without
 * notice, without deprecation and with no compatibility promise.
 */
package dev.modelspec4j.internal;
