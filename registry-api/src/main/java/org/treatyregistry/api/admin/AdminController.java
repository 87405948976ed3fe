package org.treatyregistry.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Administration")
public class AdminController {

    private final ProjectionAdmin admin;

    public AdminController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Empty every read model and replay the event store into it; follow progress with GET /api/admin/projections")
    public ProjectionStatus rebuild() {
        return admin.rebuild();
    }

    @GetMapping
    @Operation(summary = "How far the read models are: head of the store, position reached, progress, replaying")
    public ProjectionStatus status() {
        return admin.status();
    }
}
