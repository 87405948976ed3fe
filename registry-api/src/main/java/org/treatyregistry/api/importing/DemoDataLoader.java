package org.treatyregistry.api.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.treatyregistry.api.admin.ProjectionAdmin;
import org.treatyregistry.api.config.RegistryProperties;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/** On first start of an empty store, imports the demo record (Kazakhstan) so the registry opens with real data. */
@Component
public class DemoDataLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    private final RegistryProperties properties;
    private final ImportService imports;
    private final ProjectionAdmin projections;
    private final ResourceLoader resources;
    private final ObjectMapper json;

    public DemoDataLoader(RegistryProperties properties, ImportService imports, ProjectionAdmin projections,
                          ResourceLoader resources, ObjectMapper json) {
        this.properties = properties;
        this.imports = imports;
        this.projections = projections;
        this.resources = resources;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (properties.demo() == null || !properties.demo().importOnEmptyStore()) {
            return;
        }
        if (projections.status().head() >= 0) {
            LOG.info("event store holds events: demo data not imported");
            return;
        }
        JsonNode document;
        try (InputStream in = resources.getResource(properties.demo().resource()).getInputStream()) {
            document = json.readTree(in);
        }
        ImportJob.ImportReport report = imports.runNow(document, "system:demo-import");
        LOG.info("demo data {}: {} records, {} recorded, {} rejected", properties.demo().resource(), report.total(),
                report.recorded(), report.rejected());
        report.results().stream().filter(r -> r.result().equals("REJECTED"))
                .forEach(r -> LOG.warn("demo record {} rejected: {} {} {}", r.id(), r.errorCode(), r.field(), r.message()));
        projections.awaitCaughtUp(Duration.ofSeconds(30));
    }
}
