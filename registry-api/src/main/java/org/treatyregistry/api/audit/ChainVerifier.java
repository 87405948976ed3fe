package org.treatyregistry.api.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/** Recomputes the hash chain over the event store and reports the first event whose stored content no longer matches. */
@Service
// reads and writes the JDBC event store's tables: with Axon Server, config.AxonServerAuditEndpoints answers instead
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class ChainVerifier {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ChainSealer sealer;
    private final TransactionTemplate snapshot;

    public ChainVerifier(JdbcTemplate jdbc, Clock clock, ChainSealer sealer, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sealer = sealer;
        // events, links and head read from one snapshot: an append or a seal between two reads is not a "problem"
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    public ChainVerification verify() {
        // link what is committed first, so that the result does not depend on when the sealer last ran
        sealer.sealCommitted();
        return snapshot.execute(status -> jdbc.execute((Connection c) -> {
            long head;
            try (PreparedStatement h = c.prepareStatement("SELECT global_index FROM event_chain_head WHERE id = 1");
                 ResultSet rs = h.executeQuery()) {
                head = rs.next() ? rs.getLong(1) : Long.MAX_VALUE;
            }
            try (PreparedStatement events = c.prepareStatement(StoredEvent.SELECT_WITH_MARKER + " ORDER BY e.global_index");
                 PreparedStatement links = c.prepareStatement("SELECT global_index, event_identifier, previous_hash, hash FROM event_chain ORDER BY global_index")) {
                events.setFetchSize(500);
                StoredEvent.readInBinary(events);
                links.setFetchSize(500);
                try (ResultSet e = events.executeQuery(); ResultSet l = links.executeQuery()) {
                    return walk(e, l, head);
                }
            }
        }));
    }

    private ChainVerification walk(ResultSet events, ResultSet links, long head) throws SQLException {
        String previous = EventHash.GENESIS;
        long checked = 0;
        long unsealed = 0;
        boolean hasEvent = events.next();
        boolean hasLink = links.next();
        while (hasEvent || hasLink) {
            long eventIndex = hasEvent ? events.getLong("global_index") : Long.MAX_VALUE;
            long linkIndex = hasLink ? links.getLong("global_index") : Long.MAX_VALUE;
            if (linkIndex < eventIndex) {
                return broken(checked, previous, linkIndex, "MISSING",
                        "event " + links.getString("event_identifier") + " at position " + linkIndex + " was linked but is no longer in the store");
            }
            if (eventIndex < linkIndex) {
                // written by the registry and committed, but behind a position a transaction in progress may still fill
                if (eventIndex > head && events.getBoolean("registered")) {
                    unsealed++;
                    hasEvent = events.next();
                    continue;
                }
                return broken(checked, previous, eventIndex, "UNCHAINED",
                        "event " + events.getString("event_identifier") + " at position " + eventIndex + " is in no link of the chain");
            }
            StoredEvent event = StoredEvent.read(events);
            if (!links.getString("previous_hash").equals(previous)) {
                return broken(checked, previous, eventIndex, "BROKEN_LINK",
                        "the link at position " + eventIndex + " does not follow from the link before it");
            }
            if (!links.getString("event_identifier").equals(event.eventIdentifier())) {
                return broken(checked, previous, eventIndex, "REPLACED", "position " + eventIndex + " was linked to event "
                        + links.getString("event_identifier") + " but holds event " + event.eventIdentifier());
            }
            String expected = EventHash.of(previous, event);
            if (!expected.equals(links.getString("hash"))) {
                return broken(checked, previous, eventIndex, "ALTERED", "event " + event.eventIdentifier() + " at position " + eventIndex
                        + " (" + event.aggregateIdentifier() + " #" + event.sequenceNumber() + ", " + event.payloadType()
                        + ") differs from what was hashed when it was appended");
            }
            previous = expected;
            checked++;
            hasEvent = events.next();
            hasLink = links.next();
        }
        return new ChainVerification(true, checked, previous, null, null, unsealed == 0 ? "every event matches the chain"
                : "every linked event matches the chain; " + unsealed + " committed event(s) not linked yet: a transaction still in"
                + " progress holds an earlier position", clock.instant(), unsealed);
    }

    private ChainVerification broken(long checked, String previous, long at, String problem, String detail) {
        return new ChainVerification(false, checked, previous, at, problem, detail, clock.instant(), 0);
    }
}
