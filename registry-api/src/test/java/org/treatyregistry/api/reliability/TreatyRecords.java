package org.treatyregistry.api.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Synthetic but valid treaty records (docs/import-format.md) for many states: every record passes every domain rule,
 * so an import of them records everything (none rejected). Per state: ratifications of eleven instruments with day
 * deposits (so the reporting obligations open), two report cycles (report, review, concluding observations with the
 * next report's date, follow-up) for each of the nine treaties with periodic reports, initial reports under OPAC and
 * OPSC, signatures, competence recognitions and UPR reviews: 93 records, 104 events (each ratification also opens
 * its reporting obligation).
 */
final class TreatyRecords {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The treaties with a reporting obligation of their own, with the body that monitors each. */
    private static final List<String[]> TREATIES = List.of(new String[]{"ICERD", "CERD"}, new String[]{"ICESCR", "E/C.12"},
            new String[]{"ICCPR", "CCPR"}, new String[]{"CEDAW", "CEDAW"}, new String[]{"CAT", "CAT"},
            new String[]{"CRC", "CRC"}, new String[]{"CRPD", "CRPD"}, new String[]{"CPED", "CED"}, new String[]{"ICMW", "CMW"});

    /** Every ISO 3166-1 alpha-3 code, sorted; Kazakhstan (the demo record) left out. */
    static final List<String> STATES = List.copyOf(new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3))
            .stream().filter(s -> !s.equals("KAZ")).toList());

    private TreatyRecords() {
    }

    /** An import file with a whole treaty record of one state; {@code salt} shifts its dates. */
    static ObjectNode importFile(String state, int salt) {
        ObjectNode file = JSON.createObjectNode();
        file.put("format", "treaty-registry-import/1");
        file.put("state", state);
        file.put("title", state + ": synthetic treaty record for the reliability tests");
        ArrayNode records = file.putArray("records");
        int k = Math.floorMod(salt * 7, 300);
        LocalDate deposit = LocalDate.of(2011, 1, 10).plusDays(k);
        for (String[] treaty : TREATIES) {
            String instrument = treaty[0];
            String body = treaty[1];
            records.add(record(instrument + "-ratification", "ratification").put("instrument", instrument)
                    .put("action", "RATIFICATION").put("depositedOn", deposit.toString()));
            for (int cycle = 1; cycle <= 2; cycle++) {
                LocalDate year = LocalDate.of(2009 + 5 * cycle, 2, 1).plusDays(k);
                String report = body + "/C/" + state + "/" + cycle;
                String session = "session " + cycle + " on " + instrument;
                String co = body + "/C/" + state + "/CO/" + cycle;
                records.add(record(instrument + "-report-" + cycle, "report").put("instrument", instrument).put("symbol", report)
                        .put("receivedOn", year.toString()).set("covers", covers(cycle, cycle)));
                ObjectNode review = record(instrument + "-review-" + cycle, "review").put("instrument", instrument)
                        .put("session", session).put("startedOn", year.plusYears(1).toString())
                        .put("endedOn", year.plusYears(1).plusDays(1).toString()).put("inAbsenceOfReport", false);
                review.putArray("reportSymbols").add(report);
                records.add(review);
                ObjectNode observations = record(instrument + "-co-" + cycle, "concluding-observations").put("instrument", instrument)
                        .put("symbol", co).put("adoptedOn", year.plusYears(1).plusDays(14).toString()).put("reviewSession", session);
                ObjectNode next = observations.putObject("nextReport");
                next.set("covers", covers(cycle + 1, cycle + 1));
                next.put("due", year.plusYears(5).toString());
                observations.putArray("followUp").addObject().put("paragraphs", "12, 24 and 31")
                        .put("due", year.plusYears(3).toString());
                records.add(observations);
                records.add(record(instrument + "-follow-up-" + cycle, "follow-up").put("instrument", instrument)
                        .put("symbol", co + "/Add.1").put("receivedOn", year.plusYears(2).plusDays(20).toString())
                        .put("concludingObservations", co));
            }
        }
        for (String protocol : List.of("OPAC", "OPSC")) {
            records.add(record(protocol + "-ratification", "ratification").put("instrument", protocol)
                    .put("action", "ACCESSION").put("depositedOn", deposit.plusDays(3).toString()));
            records.add(record(protocol + "-report-1", "report").put("instrument", protocol)
                    .put("symbol", "CRC/C/" + protocol + "/" + state + "/1").put("receivedOn", deposit.plusYears(3).toString())
                    .set("covers", covers(1, 1)));
        }
        records.add(record("OP-CEDAW-signature", "signature").put("instrument", "OP-CEDAW").put("signedOn", deposit.minusDays(40).toString()));
        records.add(record("ICCPR-OP2-signature", "signature").put("instrument", "ICCPR-OP2").put("signedOn", deposit.minusDays(50).toString()));
        records.add(record("CAT-individual", "competence-recognition").put("body", "CAT").put("mechanism", "INDIVIDUAL_COMMUNICATIONS")
                .put("declaredOn", deposit.plusYears(1).toString()).put("effectiveFrom", deposit.plusYears(1).toString()));
        records.add(record("CERD-individual", "competence-recognition").put("body", "CERD").put("mechanism", "INDIVIDUAL_COMMUNICATIONS")
                .put("declaredOn", deposit.plusYears(2).toString()));
        records.add(record("CED-individual", "competence-recognition").put("body", "CED").put("mechanism", "INDIVIDUAL_COMMUNICATIONS")
                .put("declaredOn", deposit.plusYears(2).plusDays(5).toString()));
        for (int cycle = 1; cycle <= 3; cycle++) {
            records.add(record("UPR-" + cycle, "upr-review").put("cycle", cycle)
                    .put("workingGroupSession", (cycle * 12) + "th session").put("reviewedOn", LocalDate.of(2006 + 5 * cycle, 5, 3).plusDays(k).toString())
                    .put("nationalReport", "A/HRC/WG.6/" + (cycle * 12) + "/" + state + "/1"));
        }
        return file;
    }

    private static ObjectNode record(String id, String fact) {
        ObjectNode record = JSON.createObjectNode();
        record.put("id", id);
        record.put("fact", fact);
        record.putObject("source").put("symbol", "TEST/" + id).put("note", "synthetic record, reliability tests");
        return record;
    }

    static ObjectNode covers(int from, int to) {
        ObjectNode covers = JSON.createObjectNode();
        covers.put("from", from);
        covers.put("to", to);
        return covers;
    }
}
