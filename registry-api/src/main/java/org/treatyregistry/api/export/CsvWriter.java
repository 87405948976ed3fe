package org.treatyregistry.api.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** RFC 4180 CSV (header row, CRLF, double-quote escaping), written with Jackson's CSV module. */
public final class CsvWriter {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private CsvWriter() {
    }

    public static <T> String write(List<T> rows, Class<T> type) {
        try {
            return MAPPER.writer(schema(type)).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write CSV of " + type.getSimpleName(), e);
        }
    }

    /**
     * The same CSV written row by row to {@code out} as {@link #write} writes a list (the header with the first row),
     * for downloads too long to hold; closing the writer leaves {@code out} open.
     */
    public static <T> SequenceWriter rows(OutputStream out, Class<T> type) throws IOException {
        // one flush a slice (the caller's), not one a row: a flush is a chunk on the wire
        return MAPPER.writer(schema(type)).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).writeValues(out);
    }

    private static CsvSchema schema(Class<?> type) {
        // columns in the record's own order, not alphabetical
        CsvSchema.Builder columns = CsvSchema.builder();
        for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
            columns.addColumn(component.getName());
        }
        return columns.build().withHeader().withLineSeparator("\r\n").withQuoteChar('"');
    }
}
