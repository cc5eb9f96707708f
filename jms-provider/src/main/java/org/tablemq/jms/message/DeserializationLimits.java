package org.tablemq.jms.message;

import java.io.ObjectInputFilter;

/**
 * How much of a serialized ObjectMessage body {@link jakarta.jms.ObjectMessage#getObject()} reads before it gives
 * up, so that a hostile body made only of allowed JDK classes cannot take a CPU for minutes (nested sets whose
 * hash codes cost 2^depth), exhaust the heap (huge array lengths) or the stack (deep nesting). The defaults are
 * those of the {@code objectMax*} options.
 *
 * @param maxDepth       deepest nesting of objects
 * @param maxReferences  most objects and back references in one body
 * @param maxArrayLength longest array, also the internal array of a collection
 * @param maxBytes       largest serialized body
 */
public record DeserializationLimits(int maxDepth, int maxReferences, int maxArrayLength, int maxBytes) {

    /**
     * Depth 20 (the JDK's own limit for RMI registries) bounds the nested-set attack to about a million hash
     * computations, well under a second; the other defaults admit any body that a default-sized message can carry
     * without letting a few bytes allocate gigabytes.
     */
    public static final DeserializationLimits DEFAULT = new DeserializationLimits(20, 1_000_000, 1_000_000,
            10 * 1024 * 1024);

    /** No limits: for an object the application put into a message itself. */
    public static final DeserializationLimits NONE = new DeserializationLimits(Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Integer.MAX_VALUE);

    /** The limit {@code info} exceeds, as a sentence naming it and its option, or null when within all of them. */
    String exceededBy(ObjectInputFilter.FilterInfo info) {
        if (info.depth() > maxDepth) {
            return "it nests objects more than " + maxDepth + " levels deep (option objectMaxDepth)";
        }
        if (info.references() > maxReferences) {
            return "it holds more than " + maxReferences + " objects and references (option objectMaxReferences)";
        }
        if (info.arrayLength() > maxArrayLength) {
            return "it has an array or collection of " + info.arrayLength() + " elements, more than "
                    + maxArrayLength + " (option objectMaxArrayLength)";
        }
        if (info.streamBytes() > maxBytes) {
            return "it is longer than " + maxBytes + " bytes (option objectMaxBytes)";
        }
        return null;
    }
}
