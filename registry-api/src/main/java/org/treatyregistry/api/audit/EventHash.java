package org.treatyregistry.api.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The hash of one link of the chain: SHA-256 over the previous hash and the event's stored content, fields separated by
 * U+001F, binary columns in Base64. docs/audit.md gives the same recipe for checking offline.
 */
public final class EventHash {

    public static final String GENESIS = "0".repeat(64);
    private static final char SEPARATOR = '\u001f';

    private EventHash() {
    }

    public static String of(String previousHash, StoredEvent e) {
        StringBuilder content = new StringBuilder(previousHash)
                .append(SEPARATOR).append(e.globalIndex())
                .append(SEPARATOR).append(e.eventIdentifier())
                .append(SEPARATOR).append(e.aggregateIdentifier())
                .append(SEPARATOR).append(e.sequenceNumber())
                .append(SEPARATOR).append(nullToEmpty(e.aggregateType()))
                .append(SEPARATOR).append(e.timeStamp())
                .append(SEPARATOR).append(e.payloadType())
                .append(SEPARATOR).append(nullToEmpty(e.payloadRevision()))
                .append(SEPARATOR).append(Base64.getEncoder().encodeToString(e.payload()))
                .append(SEPARATOR).append(e.metaData() == null ? "" : Base64.getEncoder().encodeToString(e.metaData()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
