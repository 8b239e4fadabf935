package org.precisionaid.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators add officials to the group of their region and role. */
@RestController
@RequestMapping("/api/officials")
public class OfficialController {

    private final OfficialDirectory directory;

    public OfficialController(OfficialDirectory directory) {
        this.directory = directory;
    }

    public record NewOfficial(
            @NotBlank @Pattern(regexp = "[a-zA-Z0-9._-]{3,64}", message = "3-64 letters, digits, '.', '_' or '-'") String userId,
            @NotBlank @Size(max = 64) String firstName,
            @NotBlank @Size(max = 64) String lastName,
            @Email @Size(max = 128) String email,
            @NotBlank @Size(max = 128, message = "must be at most 128 characters") String password,
            @NotBlank String regionCode,
            @NotBlank String role) {
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<OfficialDirectory.Official> create(@Valid @RequestBody NewOfficial request) {
        OfficialDirectory.Official official = directory.create(request.userId(), request.firstName(),
                request.lastName(), request.email(), request.password(), request.regionCode(), request.role());
        return ResponseEntity.created(URI.create("/engine-rest/user/" + official.userId() + "/profile")).body(official);
    }
}
