package org.treatyregistry.api.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links committed events into the hash chain, in global-index order, after their own transactions have committed
 * (PostgreSQL only: on H2 each append links its events itself, see {@link ChainedJdbcEventStorageEngine}).
 * <p>
 * Appends no longer take the chain head's lock, so they commit concurrently, and a lower global index can commit after
 * a higher one. The sealer therefore links only up to the first gap that a transaction still in progress could fill. It
 * decides with PostgreSQL's transaction ids: every append assigns its transaction id before it draws a global index
 * (its first statement writes the {@code event_chain_pending} marker before the event row), so a transaction that holds
 * a missing index already had an id, and a lock on the event table, when the gap was first seen. The sealer notes the
 * transactions that were writing to the event table then; once they have all ended, before a later run's snapshot, the
 * gap is permanent (rolled back) and the chain goes on past it. Only writers of the event table count: a long
 * transaction elsewhere on the server (another table, another database) does not hold the chain back, which matters
 * because the read models read only sealed events (EventStoreConfig). One sealer at a time across all instances: each
 * run holds the chain head's row lock.
 * <p>
 * A run's commit is asynchronous ({@code synchronous_commit off}): if it is lost in a crash, the events it linked are
 * still committed and the next run links them again, to the same hashes.
 */
@Component
// reads and writes the JDBC event store's tables: with Axon Server, config.AxonServerAuditEndpoints answers instead
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class ChainSealer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChainSealer.class);
    private static final int BATCH = 2000;
    private static final String READ_AFTER_HEAD = StoredEvent.SELECT_WITH_MARKER
            + " WHERE e.global_index > ? ORDER BY e.global_index LIMIT " + BATCH;
    /**
     * How long {@link #sealCommitted} waits in all for the writers that may hold a gap below what was committed when it
     * was called; a transaction that really holds a position is then reported as such (unsealed).
     */
    private static final long GAP_PATIENCE_MILLIS = 2000;

    private final DataSource dataSource;
    private final boolean deferred;
    private final long delayMillis;
    private final long pollMillis;

    private final List<Runnable> sealedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    // the furthest head a run of this sealer has seen (guarded by sealOnce's lock)
    private long headSeen = Long.MIN_VALUE;
    private final Object signal = new Object();
    private boolean woken = true;
    private volatile boolean running;
    private Thread worker;

    // key: the global index of the committed event just above a gap; value: the transaction ids of the transactions
    // that were writing to the event table when the gap was first seen, one of which holds the missing index if any does
    private final Map<Long, Set<String>> gapHolders = new HashMap<>();

    public ChainSealer(DataSource dataSource,
                       @Value("${registry.audit.seal-delay:PT0.01S}") Duration delay,
                       @Value("${registry.audit.seal-poll:PT1S}") Duration poll) {
        this.dataSource = dataSource;
        this.deferred = isPostgres(dataSource);
        this.delayMillis = delay.toMillis();
        this.pollMillis = Math.max(1, poll.toMillis());
    }

    /** Whether the data source is PostgreSQL (the registry's production database) rather than the embedded H2. */
    public static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("could not tell which database the registry uses", e);
        }
    }

    /** True when appends leave the linking to this sealer (PostgreSQL); false when they link in their own transaction. */
    public boolean deferred() {
        return deferred;
    }

    /**
     * Runs the listener (the event store's readers) after every run that found the chain's head further on than this
     * sealer had seen it, once the run is committed: events linked by this run, or by another instance's sealer.
     */
    public void onSealed(Runnable listener) {
        sealedListeners.add(listener);
    }

    /** Asks for a run soon: called after an append commits. */
    public void wake() {
        if (!deferred) {
            return;
        }
        synchronized (signal) {
            if (!woken) {
                woken = true;
                signal.notifyAll();
            }
        }
    }

    /**
     * Links every committed event that can be linked now: all of them, except those above a gap that a transaction still
     * in progress may fill. Verification and export call this first, so that their results do not depend on timing.
     */
    public void sealCommitted() {
        if (!deferred) {
            return;
        }
        // what was committed when asked: later appends are not waited for (under load there is always a newer gap)
        long target;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry")) {
            rs.next();
            target = rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event table", e);
        }
        long blockedSince = -1;
        while (true) {
            Run run;
            try {
                run = sealOnce();
            } catch (SQLException e) {
                throw new IllegalStateException("could not link committed events into the hash chain", e);
            }
            if (run.head() >= target) {
                return;
            }
            if (run.more()) {
                continue;
            }
            if (!run.blockedByGap()) {
                return;
            }
            // a gap takes two runs to judge (seen with its possible holders, then their end); give a holder time to end
            long now = System.nanoTime();
            if (blockedSince < 0) {
                blockedSince = now;
            } else if (now - blockedSince > GAP_PATIENCE_MILLIS * 1_000_000) {
                return;
            }
            sleep(10);
        }
    }

    private record Run(boolean advanced, boolean more, boolean blockedByGap, long head) {
    }

    /**
     * The transactions now writing to the event table (other than this one), by id: those that hold a lock on it and
     * have an id. A transaction holding a missing position is among them: it drew the position in an INSERT into the
     * table (and wrote its marker, getting its id, before that). Prepared transactions (two-phase commit, which the
     * registry does not use) are not seen.
     */
    private static Set<String> eventTableWriters(Connection c) throws SQLException {
        Set<String> writers = new HashSet<>();
        try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT x.transactionid::text FROM pg_locks r"
                + " JOIN pg_locks x ON x.pid = r.pid AND x.locktype = 'transactionid' AND x.mode = 'ExclusiveLock' AND x.granted"
                + " WHERE r.locktype = 'relation' AND r.relation = 'domain_event_entry'::regclass AND r.pid <> pg_backend_pid()");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                writers.add(rs.getString(1));
            }
        }
        return writers;
    }

    /** The gaps whose possible holders have all ended (a transaction holds the lock on its own id until it ends). */
    private Set<Long> permanentGaps(Connection c) throws SQLException {
        if (gapHolders.isEmpty()) {
            return Set.of();
        }
        Set<String> all = new HashSet<>();
        gapHolders.values().forEach(all::addAll);
        Set<String> running = new HashSet<>();
        if (!all.isEmpty()) {
            try (PreparedStatement q = c.prepareStatement("SELECT transactionid::text FROM pg_locks"
                    + " WHERE locktype = 'transactionid' AND mode = 'ExclusiveLock' AND granted AND transactionid::text = ANY (?)")) {
                Array ids = c.createArrayOf("text", all.toArray());
                q.setArray(1, ids);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        running.add(rs.getString(1));
                    }
                }
                ids.free();
            }
        }
        Set<Long> permanent = new HashSet<>();
        gapHolders.forEach((above, holders) -> {
            if (holders.stream().noneMatch(running::contains)) {
                permanent.add(above);
            }
        });
        return permanent;
    }

    private synchronized Run sealOnce() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Run run = sealOnce(c);
                c.commit();
                // the head as this run left it, linked by this instance or by another: readers here are woken by
                // this sealer only (SealedEventStore), so a head another instance moved must wake them too
                if (run.head() > headSeen) {
                    headSeen = run.head();
                    sealedListeners.forEach(Runnable::run);
                }
                return run;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private Run sealOnce(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // the links are derived data: a run lost in a crash is redone, to the same hashes
            s.execute("SET LOCAL synchronous_commit TO OFF");
        }
        long head;
        String previous;
        try (PreparedStatement lock = c.prepareStatement("SELECT global_index, hash FROM event_chain_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = lock.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("the event chain head is missing: the store was not created by the registry's migrations");
            }
            head = rs.getLong(1);
            previous = rs.getString(2);
        }
        // asked before the read below takes its snapshot (read committed: a snapshot per statement), so that a holder
        // that has ended by now either committed its event before that snapshot or never will
        Set<Long> permanentGaps = permanentGaps(c);

        long expected = head < 0 ? 1 : head + 1;
        long advancedTo = head;
        int rows = 0;
        boolean blocked = false;
        List<Object[]> links = new ArrayList<>();
        List<String> sealed = new ArrayList<>();
        long gapSeen = -1;
        try (PreparedStatement read = c.prepareStatement(READ_AFTER_HEAD)) {
            read.setLong(1, head);
            StoredEvent.readInBinary(read);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    long index = rs.getLong("global_index");
                    if (index > expected && !permanentGaps.contains(index)) {
                        if (!gapHolders.containsKey(index)) {
                            gapSeen = index;
                        }
                        blocked = true;
                        break;
                    }
                    StoredEvent event = StoredEvent.read(rs);
                    // an event without the registry's marker was written by someone else: it stays out of the chain
                    // (verification reports it as UNCHAINED) and the chain goes on past it
                    if (rs.getBoolean("registered")) {
                        String hash = EventHash.of(previous, event);
                        links.add(new Object[]{index, event.eventIdentifier(), previous, hash});
                        sealed.add(event.eventIdentifier());
                        previous = hash;
                    }
                    advancedTo = index;
                    expected = index + 1;
                }
            }
        }
        if (gapSeen >= 0) {
            gapHolders.put(gapSeen, eventTableWriters(c));
        }
        if (advancedTo == head) {
            return new Run(false, false, blocked, head);
        }
        try (PreparedStatement link = c.prepareStatement(
                "INSERT INTO event_chain (global_index, event_identifier, previous_hash, hash) VALUES (?, ?, ?, ?)")) {
            for (Object[] l : links) {
                link.setLong(1, (Long) l[0]);
                link.setString(2, (String) l[1]);
                link.setString(3, (String) l[2]);
                link.setString(4, (String) l[3]);
                link.addBatch();
            }
            link.executeBatch();
        }
        if (!sealed.isEmpty()) {
            try (PreparedStatement done = c.prepareStatement("DELETE FROM event_chain_pending WHERE event_identifier = ANY (?)")) {
                Array ids = c.createArrayOf("varchar", sealed.toArray());
                done.setArray(1, ids);
                done.executeUpdate();
                ids.free();
            }
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE event_chain_head SET global_index = ?, hash = ? WHERE id = 1")) {
            update.setLong(1, advancedTo);
            update.setString(2, previous);
            update.executeUpdate();
        }
        long passed = advancedTo;
        gapHolders.keySet().removeIf(above -> above <= passed);
        return new Run(true, rows == BATCH && !blocked, blocked, advancedTo);
    }

    private void work() {
        long wait = pollMillis;
        while (running) {
            synchronized (signal) {
                if (!woken) {
                    try {
                        signal.wait(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                woken = false;
            }
            if (!running) {
                return;
            }
            // gather the commits of the next few milliseconds into the same run
            sleep(delayMillis);
            boolean blocked = false;
            try {
                Run run;
                do {
                    run = sealOnce();
                } while (run.more() && running);
                blocked = run.blockedByGap();
            } catch (SQLException | RuntimeException e) {
                log.warn("linking committed events into the hash chain failed; will retry", e);
            }
            // a gap is judged over several runs: come back soon rather than at the next poll
            wait = blocked ? Math.min(pollMillis, 50) : pollMillis;
        }
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        if (!deferred || running) {
            return;
        }
        running = true;
        worker = new Thread(this::work, "event-chain-sealer");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread w = worker;
        if (w != null) {
            synchronized (signal) {
                woken = true;
                signal.notifyAll();
            }
            try {
                w.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
