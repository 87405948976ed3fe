package org.treatyregistry.core.ratification;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.Json;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

import static org.assertj.core.api.Assertions.assertThat;

/** Participation events survive the event store's JSON (Jackson, ISO dates) with their dates' precision. */
class ParticipationEventJsonTest {

    private static final StateCode KAZ = StateCode.of("KAZ");
    private static final InstrumentCode ICCPR = InstrumentCode.of("ICCPR");
    private static final String ID = ParticipationId.of(KAZ, ICCPR);
    private static final Source SOURCE = new Source("CCPR/C/KAZ/1", "https://docs.un.org", "confidence high");

    private static TreatyRatifiedEvent ratified(String deposit, String eif) {
        return new TreatyRatifiedEvent(ID, KAZ, ICCPR, ConsentAction.RATIFICATION, LegalDate.parse(deposit),
                eif == null ? null : LegalDate.parse(eif), "ICCPR art. 49(2): three months after the date of deposit", SOURCE);
    }

    @Test
    void anEventWithLegalDatesRoundTrips() throws Exception {
        TreatyRatifiedEvent event = ratified("2006-01-24", "2006-04-24");

        String json = Json.write(event);
        JsonNode tree = Json.mapper().readTree(json);

        assertThat(Json.roundTrip(event)).isEqualTo(event);
        assertThat(tree.get("state").asText()).isEqualTo("KAZ");
        assertThat(tree.get("instrument").asText()).isEqualTo("ICCPR");
        assertThat(tree.get("depositedOn").get("date").asText()).isEqualTo("2006-01-24");
        assertThat(tree.get("depositedOn").get("precision").asText()).isEqualTo("DAY");
    }

    @Test
    void coarseAndMissingDatesRoundTrip() {
        TreatyRatifiedEvent monthOnly = new TreatyRatifiedEvent(ParticipationId.of(KAZ, InstrumentCode.of("CAT")), KAZ, InstrumentCode.of("CAT"), ConsentAction.ACCESSION,
                LegalDate.parse("1998-08"), LegalDate.parse("1998"), "CAT art. 27(2) (deposit known to the month)", null);
        InstrumentSignedEvent signed = new InstrumentSignedEvent(ParticipationId.of(KAZ, InstrumentCode.of("ICCPR-OP1")), KAZ, InstrumentCode.of("ICCPR-OP1"),
                LegalDate.parse("2007-09-25"), Source.none());
        TreatyDenouncedEvent denounced = new TreatyDenouncedEvent(ParticipationId.of(KAZ, InstrumentCode.of("CAT")), KAZ, InstrumentCode.of("CAT"),
                LegalDate.parse("2030-01"), null, null);

        assertThat(Json.roundTrip(monthOnly)).isEqualTo(monthOnly);
        assertThat(Json.roundTrip(monthOnly).entryIntoForce().latest()).isEqualTo(java.time.LocalDate.of(1998, 12, 31));
        assertThat(Json.roundTrip(signed)).isEqualTo(signed);
        assertThat(Json.roundTrip(denounced)).isEqualTo(denounced);
    }

    @Test
    void aCorrectionRoundTripsWithItsPolymorphicReplacement() throws Exception {
        ParticipationFactCorrectedEvent corrected = new ParticipationFactCorrectedEvent(ID, KAZ, ICCPR, 0,
                "the UNTC gives 24 January 2006", SOURCE, ratified("2006-01-24", "2006-04-24"));

        String json = Json.write(corrected);
        ParticipationFactCorrectedEvent read = Json.mapper().readValue(json, ParticipationFactCorrectedEvent.class);

        assertThat(Json.mapper().readTree(json).get("replacement").get("fact").asText()).isEqualTo("ratification");
        assertThat(read).isEqualTo(corrected);
        assertThat(read.replacement()).isInstanceOf(TreatyRatifiedEvent.class);
    }

    @Test
    void everyKindOfParticipationFactRoundTripsAsAReplacement() {
        ParticipationFact[] facts = {
                new InstrumentSignedEvent(ID, KAZ, ICCPR, LegalDate.parse("2003"), SOURCE),
                ratified("2006-01", "2006-04"),
                new ReservationEnteredEvent(ID, KAZ, ICCPR, "r", ReservationKind.INTERPRETATIVE_DECLARATION, "art. 1",
                        "text", LegalDate.parse("2006-01-24"), SOURCE),
                new ReservationWithdrawnEvent(ID, KAZ, ICCPR, "r", LegalDate.parse("2010"), SOURCE),
                new TreatyDenouncedEvent(ID, KAZ, ICCPR, LegalDate.parse("2030-01-01"), LegalDate.parse("2031-01-01"), SOURCE)};
        for (ParticipationFact fact : facts) {
            ParticipationFactCorrectedEvent corrected = new ParticipationFactCorrectedEvent(ID, KAZ, ICCPR, 3, "why", null, fact);

            assertThat(Json.roundTrip(corrected)).isEqualTo(corrected);
        }
    }

    @Test
    void aCommandCarryingAPolymorphicReplacementRoundTrips() throws Exception {
        CorrectParticipationFactCommand command = new CorrectParticipationFactCommand(KAZ, ICCPR, 0, "why", SOURCE,
                new RecordRatificationCommand(KAZ, ICCPR, ConsentAction.RATIFICATION, LegalDate.parse("2006-01-24"), null, SOURCE));

        String json = Json.write(command);

        assertThat(Json.mapper().readValue(json, CorrectParticipationFactCommand.class)).isEqualTo(command);
        assertThat(json).contains("\"fact\":\"ratification\"");
        assertThat(Json.mapper().readValue(
                "{\"fact\":\"ratification\",\"state\":\"KAZ\",\"instrument\":\"ICCPR\",\"action\":\"RATIFICATION\",\"depositedOn\":\"2006-01-24\"}",
                ParticipationCommand.class))
                .isEqualTo(new RecordRatificationCommand(KAZ, ICCPR, ConsentAction.RATIFICATION, LegalDate.parse("2006-01-24"), null, null));
    }

    @Test
    void axonsJacksonSerializerStoresTheEventWithItsRevision() {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(Json.mapper()).build();
        ParticipationFactCorrectedEvent corrected = new ParticipationFactCorrectedEvent(ID, KAZ, ICCPR, 0, "why", SOURCE,
                ratified("2006-01-24", "2006-04-24"));

        SerializedObject<String> stored = serializer.serialize(corrected, String.class);
        Object read = serializer.deserialize(stored);

        assertThat(stored.getType().getName()).isEqualTo(ParticipationFactCorrectedEvent.class.getName());
        assertThat(stored.getType().getRevision()).isEqualTo("1");
        assertThat(read).isEqualTo(corrected);
    }
}
