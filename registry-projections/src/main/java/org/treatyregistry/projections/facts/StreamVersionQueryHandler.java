package org.treatyregistry.projections.facts;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class StreamVersionQueryHandler {

    private final JdbcTemplate jdbc;

    public StreamVersionQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public StreamVersion handle(FindStreamVersionQuery query) {
        Long version = jdbc.queryForObject("SELECT MAX(sequence_number) FROM projected_fact WHERE stream_id = ?", Long.class, query.streamId());
        return new StreamVersion(query.streamId(), version);
    }
}
