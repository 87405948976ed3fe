package org.treatyregistry.api.benchmark;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.treatyregistry.core.catalogue.CompetenceMechanism;
import org.treatyregistry.core.catalogue.InstrumentDefinition;
import org.treatyregistry.core.catalogue.ReportingRule;
import org.treatyregistry.core.catalogue.TreatyCatalogue;
import org.treatyregistry.core.competence.CompetenceRecognizedEvent;
import org.treatyregistry.core.competence.RecognitionId;
import org.treatyregistry.core.ratification.ConsentAction;
import org.treatyregistry.core.ratification.InstrumentSignedEvent;
import org.treatyregistry.core.ratification.ParticipationId;
import org.treatyregistry.core.ratification.ReservationEnteredEvent;
import org.treatyregistry.core.ratification.ReservationKind;
import org.treatyregistry.core.ratification.TreatyRatifiedEvent;
import org.treatyregistry.core.reporting.ConcludingObservationsAdoptedEvent;
import org.treatyregistry.core.reporting.FollowUpInformationSubmittedEvent;
import org.treatyregistry.core.reporting.FollowUpRequest;
import org.treatyregistry.core.reporting.NextReportRequest;
import org.treatyregistry.core.reporting.ObligationId;
import org.treatyregistry.core.reporting.ReportCoverage;
import org.treatyregistry.core.reporting.ReportSubmittedEvent;
import org.treatyregistry.core.reporting.ReportingFactCorrectedEvent;
import org.treatyregistry.core.reporting.ReportingObligationOpenedEvent;
import org.treatyregistry.core.reporting.ReportingProcedure;
import org.treatyregistry.core.reporting.ReviewHeldEvent;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;
import org.treatyregistry.core.upr.UprId;
import org.treatyregistry.core.upr.UprReviewHeldEvent;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A synthetic UN-wide record: {@code states} states (the first ISO codes in order), each party to most instruments,
 * with signatures, ratifications, reservations, competence declarations, UPR cycles and reporting histories (report,
 * review, concluding observations with the next due date and a follow-up request, follow-up reply, and now and then a
 * correction). The reporting histories are lengthened until the whole comes to about {@code targetEvents}: the real
 * record since 1965 is nearer 150,000 events, so 1M is a deliberate over-scale of history per obligation.
 * <p>
 * It is written in the event-log format that {@code POST /api/audit/events/import} reads (docs/audit.md), with payloads
 * serialised by the registry's own event serializer, so the bulk import and the baselines load the same rows.
 */
public final class Dataset {

    static final LocalDate LAST_LEGAL_DATE = LocalDate.of(2026, 10, 31);
    private static final Instant FIRST_RECORDING = Instant.parse("2025-01-01T00:00:00Z");
    private static final int EVENTS_PER_CYCLE = 4;

    /** A ratified participation, for append commands that must be accepted. */
    public record Party(StateCode state, InstrumentDefinition instrument) {
    }

    public record Summary(long events, int states, int streams, List<Party> parties) {
    }

    private final Serializer serializer;
    private final int states;
    private final long targetEvents;

    public Dataset(Serializer serializer, int states, long targetEvents) {
        this.serializer = serializer;
        this.states = states;
        this.targetEvents = targetEvents;
    }

    public static List<StateCode> stateCodes(int count) {
        TreeSet<String> codes = new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
        if (count > codes.size()) {
            throw new IllegalArgumentException("at most " + codes.size() + " states");
        }
        return codes.stream().limit(count).map(StateCode::of).toList();
    }

    public Summary write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.setRootValueSeparator(null);
            Writer writer = new Writer(json, out);
            List<Party> parties = new ArrayList<>();
            long perState = targetEvents / states;
            int index = 0;
            for (StateCode state : stateCodes(states)) {
                writeState(writer, state, new Random(31L * index++ + 7), perState, parties);
            }
            json.flush();
            return new Summary(writer.count, states, writer.streams, parties);
        }
    }

    private void writeState(Writer w, StateCode state, Random rnd, long budget, List<Party> parties) throws IOException {
        List<InstrumentDefinition> joined = new ArrayList<>();
        for (InstrumentDefinition def : TreatyCatalogue.instruments()) {
            if (rnd.nextDouble() < 0.85) {
                joined.add(def);
            }
        }
        int obligations = (int) joined.stream().filter(d -> d.reporting().opensObligation()).count();
        // fixed part: about 3 participation events per instrument, competence and UPR; the rest is reporting history
        long fixed = joined.size() * 3L + TreatyCatalogue.mechanisms().size() / 2 + 4;
        int cycles = (int) Math.max(1, (budget - fixed - obligations) / Math.max(1, obligations) / EVENTS_PER_CYCLE);
        for (InstrumentDefinition def : joined) {
            LocalDate earliest = max(def.openedForSignature(), LocalDate.of(1966, 1, 1));
            LocalDate deposit = earliest.plusDays(30 + rnd.nextInt((int) Math.max(31, ChronoUnit.DAYS.between(earliest, LocalDate.of(2015, 1, 1)))));
            if (deposit.isAfter(LocalDate.of(2020, 1, 1))) {
                deposit = LocalDate.of(2020, 1, 1).minusDays(rnd.nextInt(3000));
            }
            deposit = max(deposit, earliest);
            LocalDate signed = max(def.openedForSignature(), deposit.minusDays(30 + rnd.nextInt(700)));
            LocalDate eif = def.entryIntoForceFor(deposit);
            String participation = ParticipationId.of(state, def.code());
            Source treaties = new Source("C.N." + rnd.nextInt(999) + "." + deposit.getYear() + ".TREATIES", null, null);
            w.event("Participation", participation, new InstrumentSignedEvent(participation, state, def.code(), day(signed), treaties));
            w.event("Participation", participation, new TreatyRatifiedEvent(participation, state, def.code(), ConsentAction.RATIFICATION,
                    day(deposit), day(eif), def.entryIntoForceCitation(), treaties));
            if (rnd.nextInt(3) == 0) {
                w.event("Participation", participation, new ReservationEnteredEvent(participation, state, def.code(),
                        "declaration on article 1", ReservationKind.DECLARATION, "1",
                        "The State interprets article 1 in accordance with its Constitution.", day(deposit), treaties));
            }
            w.streams++;
            parties.add(new Party(state, def));
            ReportingRule rule = def.reporting();
            if (rule.opensObligation() && eif.isBefore(LocalDate.of(2024, 1, 1))) {
                writeObligation(w, state, def, eif, rule.kind() == ReportingRule.Kind.OWN_REPORTS ? cycles : 1);
            }
        }
        for (CompetenceMechanism mechanism : TreatyCatalogue.mechanisms()) {
            InstrumentDefinition def = TreatyCatalogue.instrument(mechanism.instrument());
            if (joined.contains(def) && rnd.nextBoolean()) {
                String id = RecognitionId.of(state, mechanism.body(), mechanism.type());
                LocalDate from = max(def.entryIntoForceFor(LocalDate.of(2015, 1, 1)), LocalDate.of(2015, 2, 1));
                w.event("CompetenceRecognition", id, new CompetenceRecognizedEvent(id, state, mechanism.body(), mechanism.type(),
                        mechanism.instrument(), mechanism.article(), mechanism.mode(), day(from), day(LocalDate.of(2015, 1, 1)),
                        Source.document("C.N.1.2015.TREATIES")));
                w.streams++;
            }
        }
        String upr = UprId.of(state);
        for (int cycle = 1; cycle <= 4; cycle++) {
            LocalDate reviewed = LocalDate.of(2009 + (cycle - 1) * 4, 2 + rnd.nextInt(9), 1 + rnd.nextInt(27));
            w.event("UniversalPeriodicReview", upr, new UprReviewHeldEvent(upr, state, cycle, (cycle * 12) + "th session",
                    day(reviewed), "A/HRC/WG.6/" + cycle + "/" + state.value() + "/1", "A/HRC/" + (cycle * 10) + "/" + state.value(),
                    Source.document("A/HRC/" + (cycle * 10) + "/" + state.value())));
        }
        w.streams++;
    }

    private void writeObligation(Writer w, StateCode state, InstrumentDefinition def, LocalDate eif, int cycles) throws IOException {
        String id = ObligationId.of(state, def.code());
        String body = def.body().value();
        LegalDate initialDue = day(eif).plusYears(def.reporting().initialYears());
        w.event("ReportingObligation", id, new ReportingObligationOpenedEvent(id, state, def.code(), def.body(), day(eif),
                def.entryIntoForceCitation(), initialDue, def.code().value() + " " + def.reporting().article()));
        w.streams++;
        LocalDate first = eif.plusMonths(6);
        long span = ChronoUnit.DAYS.between(first, LAST_LEGAL_DATE.minusDays(60));
        long step = Math.max(8, span / cycles);
        for (int k = 1; k <= cycles; k++) {
            LocalDate received = first.plusDays(step * (k - 1));
            if (received.isAfter(LAST_LEGAL_DATE.minusDays(8))) {
                break;
            }
            String report = body + "/C/" + state.value() + "/" + k;
            String co = body + "/C/" + state.value() + "/CO/" + k;
            LocalDate review = received.plusDays(Math.max(1, step / 3));
            LocalDate adopted = review.plusDays(1);
            long seq = w.sequence(id);
            w.event("ReportingObligation", id, new ReportSubmittedEvent(id, state, def.code(), report, day(received),
                    ReportCoverage.single(k), ReportingProcedure.STANDARD, Source.document(report)));
            w.event("ReportingObligation", id, new ReviewHeldEvent(id, state, def.code(), (60 + k) + "th session", day(review),
                    day(adopted), List.of(report), false, Source.document(co)));
            LocalDate followUpDue = adopted.plusDays(Math.max(2, Math.min(365, step / 2)));
            w.event("ReportingObligation", id, new ConcludingObservationsAdoptedEvent(id, state, def.code(), co, day(adopted),
                    (60 + k) + "th session", new NextReportRequest(ReportCoverage.single(k + 1), day(received.plusDays(step))),
                    List.of(new FollowUpRequest("paras. 12, 24 and 31", day(followUpDue))), Source.document(co)));
            if (!followUpDue.isAfter(LAST_LEGAL_DATE)) {
                w.event("ReportingObligation", id, new FollowUpInformationSubmittedEvent(id, state, def.code(), co + "/Add.1",
                        day(followUpDue), co, Source.document(co + "/Add.1")));
            }
            if (k % 10 == 0) {
                w.event("ReportingObligation", id, new ReportingFactCorrectedEvent(id, state, def.code(), seq,
                        "the date of receipt is the date stamped by OHCHR", Source.document(report),
                        new ReportSubmittedEvent(id, state, def.code(), report, day(received.plusDays(1)), ReportCoverage.single(k),
                                ReportingProcedure.STANDARD, Source.document(report))));
            }
        }
    }

    private static LegalDate day(LocalDate date) {
        return LegalDate.ofDay(date);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** One JSON line per event; sequence numbers are counted per stream, recording times one per 10 ms. */
    private final class Writer {
        private final JsonGenerator json;
        private final OutputStream out;
        private final java.util.Map<String, Long> sequences = new java.util.HashMap<>();
        long count;
        int streams;

        Writer(JsonGenerator json, OutputStream out) {
            this.json = json;
            this.out = out;
        }

        long sequence(String stream) {
            return sequences.getOrDefault(stream, 0L);
        }

        void event(String aggregateType, String stream, Object payload) throws IOException {
            long seq = sequences.merge(stream, 1L, Long::sum) - 1;
            SerializedObject<String> data = serializer.serialize(payload, String.class);
            json.writeStartObject();
            json.writeStringField("eventIdentifier", UUID.randomUUID().toString());
            json.writeStringField("aggregateIdentifier", stream);
            json.writeStringField("aggregateType", aggregateType);
            json.writeNumberField("sequenceNumber", seq);
            json.writeStringField("eventType", data.getType().getName());
            json.writeStringField("revision", data.getType().getRevision());
            json.writeStringField("timestamp", FIRST_RECORDING.plusMillis(10 * count).toString());
            json.writeStringField("storedPayload", data.getData());
            json.writeObjectFieldStart("metaData");
            json.writeStringField("recordedBy", "benchmark");
            json.writeStringField("importBatch", "benchmark-dataset");
            json.writeEndObject();
            json.writeEndObject();
            json.flush();
            out.write('\n');
            count++;
        }
    }
}
