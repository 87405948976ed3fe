package org.treatyregistry.api.admin;

/**
 * @param head       the global position of the newest event in the store (-1: empty)
 * @param position   the lowest position the read models have reached across segments (-1: none yet)
 * @param replaying  a rebuild is under way
 * @param progress   position / head, from 0 to 1
 */
public record ProjectionStatus(String processor, boolean running, boolean replaying, long head, long position,
                               double progress, boolean caughtUp) {
}
