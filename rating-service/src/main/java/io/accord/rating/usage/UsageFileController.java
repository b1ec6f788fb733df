package io.accord.rating.usage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/** A partner's CDR file, streamed and rated in chunks, answered with a per-row report of what was not rated. */
@RestController
@Tag(name = "Usage (TMF635)")
class UsageFileController {

    static final String FILES = "/api/rating/usage/files";

    private final UsageFiles files;

    UsageFileController(UsageFiles files) {
        this.files = files;
    }

    @PostMapping(path = FILES, consumes = "text/csv")
    @PreAuthorize(UsageController.SUBMIT)
    @Operation(operationId = "uploadUsageFile", summary = "Rates a CSV file of usage (header row; columns usageId,"
            + " source, usageType, subscriberId, startTime, quantity, unit, productId, offeringId, others are"
            + " characteristics) streamed in chunks of 1,000 rows; answers the counts and the rows not rated")
    UsageFiles.Report upload(HttpServletRequest request) throws IOException {
        return files.process(request.getInputStream());
    }
}
