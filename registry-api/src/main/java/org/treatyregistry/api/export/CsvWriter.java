package org.treatyregistry.api.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

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
            return writer(type).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write CSV of " + type.getSimpleName(), e);
        }
    }

    /** The writer {@link #write} uses, for downloads that write the same CSV row by row (the header with the first). */
    public static ObjectWriter writer(Class<?> type) {
        return MAPPER.writer(schema(type));
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
