package org.treatyregistry.projections.facts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The effective history of a stream: originals in sequence order, each replaced by its latest correction. The
 * repository builds it in one pass over rows in sequence order; this checks it against the definition (a map from
 * sequence number to fact, written in row order and read in key order).
 */
class EffectiveFactsTest {

    private final FactRepository facts = new FactRepository(new JdbcTemplate(), new com.fasterxml.jackson.databind.ObjectMapper(),
            new StaticListableBeanFactory().getBeanProvider(EventPayloads.class));

    @Test
    void aCorrectionReplacesItsOriginalInPlaceAndTheLatestCorrectionWins() {
        List<StoredFact> rows = List.of(row(0, null, "opened"), row(1, null, "signed"), row(2, 0L, "opened, corrected"),
                row(3, null, "ratified"), row(4, 0L, "opened, corrected again"), row(5, 3L, "ratified, corrected"));

        assertThat(facts.effective(rows, String.class))
                .containsExactly("opened, corrected again", "signed", "ratified, corrected");
    }

    @Test
    void aCorrectionOfAFactNotAmongTheRowsTakesThatFactsPlace() {
        // as of an instant before the original was recorded the original is not among the rows; nor is it when the
        // rows are a part of the stream
        List<StoredFact> rows = List.of(row(1, null, "one"), row(3, null, "three"), row(4, 2L, "two, corrected"),
                row(5, 0L, "zero, corrected"), row(6, 9L, "nine, corrected"));

        assertThat(facts.effective(rows, String.class))
                .containsExactly("zero, corrected", "one", "two, corrected", "three", "nine, corrected");
    }

    @Test
    void agreesWithTheDefinitionOnRandomStreams() {
        Random random = new Random(8);
        for (int run = 0; run < 20_000; run++) {
            int length = random.nextInt(30);
            List<StoredFact> rows = new ArrayList<>();
            for (int seq = 0; seq < length; seq++) {
                // a third are corrections, of any earlier sequence number, of one not in the stream, or of themselves
                Long corrects = random.nextInt(3) == 0 ? (long) random.nextInt(seq + 3) : null;
                if (random.nextInt(4) > 0 || corrects != null) {
                    rows.add(row(seq, corrects, "fact " + seq));
                }
            }
            TreeMap<Long, String> definition = new TreeMap<>();
            rows.forEach(r -> definition.put(r.correctsSequence() == null ? r.sequenceNumber() : r.correctsSequence(), (String) r.decoded()));

            assertThat(facts.effective(rows, String.class)).as("rows %s", rows).containsExactlyElementsOf(definition.values());
        }
    }

    private static StoredFact row(long sequence, Long corrects, String fact) {
        return new StoredFact("s", sequence, StreamType.REPORTING, "KAZ", "Fact", corrects, null, Instant.EPOCH, null, fact);
    }
}
