package org.treatyregistry.api.recording;

/**
 * @param streamId  the record the fact went into (e.g. KAZ:CRPD)
 * @param result    RECORDED, or ALREADY_RECORDED when an identical fact was already in the store
 * @param projected whether the read models had taken the fact in when this answer was sent
 * @param version   the record's version after the command (send it back as {@code If-Match} to change it safely)
 */
public record RecordingResult(String streamId, String result, boolean projected, Long version) {
}
