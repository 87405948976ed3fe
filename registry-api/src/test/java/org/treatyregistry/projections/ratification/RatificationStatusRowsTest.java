package org.treatyregistry.projections.ratification;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.ratification.ConsentAction;
import org.treatyregistry.core.ratification.InstrumentSignedEvent;
import org.treatyregistry.core.ratification.ParticipationFact;
import org.treatyregistry.core.ratification.ParticipationId;
import org.treatyregistry.core.ratification.ReservationEnteredEvent;
import org.treatyregistry.core.ratification.ReservationKind;
import org.treatyregistry.core.ratification.ReservationWithdrawnEvent;
import org.treatyregistry.core.ratification.TreatyDenouncedEvent;
import org.treatyregistry.core.ratification.TreatyRatifiedEvent;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;
import org.treatyregistry.projections.facts.EventPayloads;
import org.treatyregistry.projections.facts.FactRepository;
import org.treatyregistry.projections.facts.StoredFact;
import org.treatyregistry.projections.facts.StreamType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participation's row, worked out batch after batch from the standing the model kept since the stream's last
 * rewrite, is the row worked out anew from all the stream's facts: as the live projection hands streams over (the list
 * it kept, grown at the end), with reservations entered under new and under used references, withdrawn and entered
 * again, corrections anywhere, sources that change; now and then the stream read anew (other objects, same facts), and
 * now and then a batch rolled back after the model worked out its row.
 */
class RatificationStatusRowsTest {

    private static final StateCode KAZ = StateCode.of("KAZ");
    private static final InstrumentCode ICCPR = InstrumentCode.of("ICCPR");
    private static final String ID = ParticipationId.of(KAZ, ICCPR);
    private static final List<Source> SOURCES = List.of(Source.document("C.N.1.2024.TREATIES"), Source.document("C.N.2.2024.TREATIES"),
            new Source(null, "https://treaties.un.org", null));

    // as the application's mapper writes the columns: null properties left out
    private final ObjectMapper json = JsonMapper.builder().findAndAddModules().serializationInclusion(JsonInclude.Include.NON_NULL).build();
    private final FactRepository facts = new FactRepository(new JdbcTemplate(), json,
            new StaticListableBeanFactory().getBeanProvider(EventPayloads.class));

    @Test
    void rowsFromTheKeptStandingAreTheRowsWorkedOutAnew() throws Exception {
        Random random = new Random(22);
        int rows = 0;
        int corrections = 0;
        int readAnew = 0;
        int rolledBack = 0;
        for (int history = 0; history < 300; history++) {
            RatificationStatusReadModel live = new RatificationStatusReadModel(new JdbcTemplate(), facts, json);
            List<StoredFact> stream = List.of();
            long sequence = 0;
            int batches = 1 + random.nextInt(30);
            for (int batch = 0; batch < batches; batch++) {
                List<StoredFact> grown = new ArrayList<>(stream);
                for (int added = 1 + random.nextInt(3); added > 0; added--) {
                    Long corrects = sequence > 0 && random.nextInt(8) == 0 ? (long) random.nextInt((int) sequence) : null;
                    corrections += corrects == null ? 0 : 1;
                    grown.add(new StoredFact(ID, sequence++, StreamType.PARTICIPATION, "KAZ", "fact", corrects, null,
                            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(sequence), "test", randomFact(random)));
                }
                if (random.nextInt(12) == 0) {
                    // a batch rolled back after its rows were worked out: the stream is then read anew, and its next
                    // batch brings other facts in those places
                    row(live, List.copyOf(grown));
                    rolledBack++;
                    sequence = stream.size();
                    grown = new ArrayList<>(stream);
                    grown.add(new StoredFact(ID, sequence++, StreamType.PARTICIPATION, "KAZ", "fact", null, null,
                            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(sequence), "test", randomFact(random)));
                    stream = readAnew(grown);
                } else if (random.nextInt(10) == 0) {
                    stream = readAnew(grown);
                    readAnew++;
                } else {
                    stream = List.copyOf(grown);
                }
                List<Object> fresh = row(new RatificationStatusReadModel(new JdbcTemplate(), facts, json), stream);
                assertThat(row(live, stream)).as("history %d, batch %d", history, batch).isEqualTo(fresh);
                // and both are what the as-of views work out from the same facts
                RatificationStatus asOf = RatificationStatusReadModel.status(ID, facts.effective(stream, ParticipationFact.class));
                assertThat(fresh.subList(1, 12)).isEqualTo(java.util.Arrays.asList(asOf.state(), asOf.instrument(), asOf.body(),
                        asOf.signedOn(), asOf.action(), asOf.depositedOn(), asOf.entryIntoForce(), asOf.entryIntoForceBasis(),
                        asOf.denouncedOn(), asOf.denunciationEffective(), json.writeValueAsString(asOf.reservations())));
                assertThat(fresh.get(12)).isEqualTo(json.writeValueAsString(asOf.sources()));
                rows++;
            }
        }
        assertThat(rows).isGreaterThan(4_000);
        assertThat(corrections).isGreaterThan(500);
        assertThat(readAnew).isGreaterThan(300);
        assertThat(rolledBack).isGreaterThan(300);
    }

    /** The same facts, other objects: as read from the table. */
    private static List<StoredFact> readAnew(List<StoredFact> rows) {
        return rows.stream().map(row -> row.withDecoded(row.decoded())).toList();
    }

    private static List<Object> row(RatificationStatusReadModel model, List<StoredFact> stream) {
        List<Object> values = new ArrayList<>();
        model.rows(ID, "KAZ", stream, (table, row) -> values.addAll(java.util.Arrays.asList(row)));
        return values;
    }

    private static ParticipationFact randomFact(Random random) {
        LegalDate on = LegalDate.ofDay(LocalDate.of(1995, 1, 1).plusDays(random.nextInt(9_000)));
        Source source = SOURCES.get(random.nextInt(SOURCES.size()));
        String reference = "reference " + random.nextInt(6);
        return switch (random.nextInt(10)) {
            case 0 -> new InstrumentSignedEvent(ID, KAZ, ICCPR, on, source);
            case 1 -> new TreatyRatifiedEvent(ID, KAZ, ICCPR, ConsentAction.RATIFICATION, on, on, "rule", source);
            case 2 -> new TreatyDenouncedEvent(ID, KAZ, ICCPR, on, on, source);
            case 3, 4 -> new ReservationWithdrawnEvent(ID, KAZ, ICCPR, reference, on, source);
            default -> new ReservationEnteredEvent(ID, KAZ, ICCPR, reference,
                    random.nextBoolean() ? ReservationKind.DECLARATION : ReservationKind.RESERVATION,
                    random.nextInt(3) == 0 ? null : "art. " + random.nextInt(20), "text \"" + random.nextInt(4) + "\"\n", on, source);
        };
    }
}
