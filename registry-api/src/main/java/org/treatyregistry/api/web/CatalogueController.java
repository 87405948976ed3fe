package org.treatyregistry.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.treatyregistry.core.catalogue.CompetenceMechanism;
import org.treatyregistry.core.catalogue.InstrumentDefinition;
import org.treatyregistry.core.catalogue.TreatyCatalogue;

import java.util.List;

@RestController
@Tag(name = "Treaty catalogue")
public class CatalogueController {

    public record BodyView(String code, String name, List<String> instruments, List<CompetenceMechanism> mechanisms) {
    }

    public record Catalogue(List<InstrumentDefinition> instruments, List<BodyView> bodies) {
    }

    @GetMapping("/api/catalogue")
    @Operation(summary = "The 18 instruments and 10 treaty bodies, with entry-into-force, reporting and competence rules and their articles")
    public Catalogue catalogue() {
        List<BodyView> bodies = TreatyCatalogue.bodies().stream().map(b -> new BodyView(b.value(), TreatyCatalogue.bodyName(b),
                TreatyCatalogue.monitoredBy(b).stream().map(i -> i.code().value()).toList(), TreatyCatalogue.mechanismsOf(b))).toList();
        return new Catalogue(List.copyOf(TreatyCatalogue.instruments()), bodies);
    }
}
