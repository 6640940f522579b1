package org.markguard.api;

/**
 * What the runtime knows of one detector.
 *
 * @param id detector id
 * @param version detector version
 * @param name human name
 * @param bundle symbolic name of the bundle that provides it
 * @param state ACTIVE while its service is registered, INACTIVE after it left
 * @param findings findings produced since the runtime started
 * @param errors exceptions or time-budget overruns since the runtime started
 */
public record DetectorInfo(String id, String version, String name, String bundle, String state,
                           long findings, long errors) {
}
