/**
 * The API that generated code and the modelspec4j tools call. Not for applications: it changes with the
 * processor, without notice and without deprecation.
 */
package dev.modelspec4j.internal;
