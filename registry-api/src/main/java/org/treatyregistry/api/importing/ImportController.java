package org.treatyregistry.api.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.treatyregistry.core.shared.RegistryException;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;

@RestController
@RequestMapping("/api/imports")
@Tag(name = "Import")
public class ImportController {

    private final ImportService imports;
    private final ObjectMapper json;

    public ImportController(ImportService imports, ObjectMapper json) {
        this.imports = imports;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a state's record (docs/import-format.md); follow progress at the returned location")
    public ResponseEntity<ImportJob.ImportReport> importJson(@RequestBody JsonNode document, Principal user) {
        return accepted(imports.start(document, user == null ? "anonymous" : user.getName()));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a state's record uploaded as a file")
    public ResponseEntity<ImportJob.ImportReport> importFile(@RequestParam("file") MultipartFile file, Principal user) {
        JsonNode document;
        try {
            document = json.readTree(file.getInputStream());
        } catch (IOException e) {
            throw RegistryException.invalid("MALFORMED_JSON", "file", "the file is not valid JSON: " + e.getMessage());
        }
        return accepted(imports.start(document, user == null ? "anonymous" : user.getName()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Progress and per-record results of an import")
    public ImportJob.ImportReport job(@PathVariable String id) {
        return imports.job(id).map(ImportJob::report)
                .orElseThrow(() -> RegistryException.notFound("IMPORT_NOT_FOUND", "id", "no import " + id + " since the registry started"));
    }

    private static ResponseEntity<ImportJob.ImportReport> accepted(ImportJob job) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/imports/" + job.id())).body(job.report());
    }
}
