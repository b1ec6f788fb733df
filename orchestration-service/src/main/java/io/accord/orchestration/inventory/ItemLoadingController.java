package io.accord.orchestration.inventory;

import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loading items into a pool: a CSV file (all or nothing, problems named by row and column) or a number range. */
@RestController
@Tag(name = "Inventory pools")
class ItemLoadingController {

    private final ItemLoading loading;

    ItemLoadingController(ItemLoading loading) {
        this.loading = loading;
    }

    /** @param file a CSV file, UTF-8: a header row with the column {@code value}, then one resource per row */
    @Schema(name = "InventoryImport")
    record ImportForm(@NotNull(message = "a file part is required") MultipartFile file) {
    }

    /** A text field sent where the file part belongs is no file: "a file part is required", not a binding error. */
    @InitBinder
    void textIsNoFile(WebDataBinder binder) {
        binder.registerCustomEditor(MultipartFile.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(null);
            }
        });
    }

    @PostMapping(path = InventoryResources.POOLS + "/{poolId}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(InventoryAuthorization.WRITERS)
    @Operation(operationId = "importInventoryItems",
            summary = "Import items from a CSV file (multipart: file); all or nothing, each problem named by row")
    @RequestExample("orchestration/msisdns.csv")
    InventoryResources.LoadReport importCsv(@PathVariable String poolId, @Valid @ModelAttribute ImportForm form) {
        return loading.importCsv(poolId, form.file().getOriginalFilename(), utf8(form.file()));
    }

    @PostMapping(InventoryResources.POOLS + "/{poolId}/ranges")
    @PreAuthorize(InventoryAuthorization.WRITERS)
    @Operation(operationId = "generateInventoryRange",
            summary = "Generate the items of a number range (MSISDN, IMSI; ICCID ranges get Luhn check digits)")
    @RequestExample("orchestration/msisdn-range.json")
    InventoryResources.LoadReport generate(@PathVariable String poolId,
                                           @Valid @RequestBody InventoryResources.GenerateRange request) {
        return loading.generate(poolId, request);
    }

    @ExceptionHandler(ItemRowsException.class)
    ResponseEntity<ProblemDetail> rowProblems(ItemRowsException ex) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-error", ex.getMessage());
        problem.setTitle("Invalid request");
        List<Map<String, Object>> violations = ex.problems().stream().map(row -> {
            Map<String, Object> violation = new LinkedHashMap<>();
            violation.put("field", row.field());
            violation.put("message", row.message());
            if (row.row() > 0) {
                violation.put("row", row.row());
                violation.put("column", row.column());
            }
            return violation;
        }).toList();
        problem.setProperty("violations", violations);
        return ResponseEntity.badRequest().body(problem);
    }

    private static String utf8(MultipartFile file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file.getBytes())).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new InvalidInputException("file", "the file is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }
}
