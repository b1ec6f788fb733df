package io.accord.platform.problem;

import io.accord.platform.persistence.PoolTimeouts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ResolvableType;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.Arrays;
import java.util.stream.Collectors;

import java.util.List;
import java.util.Map;

/**
 * Every error a service answers is RFC 9457 problem+json with a stable {@code type}, field-level
 * {@code violations} where input was wrong, and the correlation id. Unexpected failures are logged with their
 * stack trace and answered 500 without internals.
 */
@RestControllerAdvice
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);
    private static final String TOTAL_COUNT = "X-Total-Count";
    private static final String RESULT_COUNT = "X-Result-Count";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid("fields", ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Violations.of(error.getField(), error.getDefaultMessage()))
                .toList());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> violations = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Violations.ofParameter(
                        result.getMethodParameter(), result.getMethodParameter().getParameterName(), error)))
                .toList();
        return invalidParameters(violations);
    }

    /** Bad query or path parameters: the detail says what each must be, as {@code OffsetLimit}'s lists say it. */
    private static ResponseEntity<Object> invalidParameters(List<Map<String, Object>> violations) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-error",
                Violations.parametersDetail(violations));
        problem.setTitle("Invalid request");
        problem.setProperty("violations", violations);
        return ResponseEntity.badRequest().body(problem);
    }

    private static ResponseEntity<Object> invalid(String what, List<Map<String, Object>> violations) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-error",
                "The request has invalid " + what + ": " + Violations.fieldNames(violations) + ".");
        problem.setTitle("Invalid request");
        problem.setProperty("violations", violations);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // a refusal raised while the body was read (too large, see web's RequestBodyLimit) that Jackson wrapped
        for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ErrorResponseException refusal) {
                return ResponseEntity.status(refusal.getStatusCode()).headers(refusal.getHeaders())
                        .body(refusal.getBody());
            }
        }
        ProblemDetail problem;
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
            String field = Violations.path(unknown.getPath());
            String message = "is not a field of this request" + known(unknown);
            problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                    "The field '" + field + "' " + message + ".");
            problem.setProperty("violations", List.of(Violations.of(field, message)));
        } else if (ex.getCause() instanceof StreamReadException syntax && syntax.getLocation() != null
                && syntax.getLocation().getLineNr() > 0) {
            TokenStreamLocation at = syntax.getLocation();
            problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                    "The request body is not valid JSON at line " + at.getLineNr() + ", column "
                            + at.getColumnNr() + ": " + syntax.getOriginalMessage());
            problem.setProperty("line", at.getLineNr());
            problem.setProperty("column", at.getColumnNr());
        } else if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = Violations.path(jackson.getPath());
            String expected = expectation(jackson);
            problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                    "The field '" + field + "' " + expected + ".");
            problem.setProperty("violations", List.of(Violations.of(field, expected)));
        } else {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                    "The request body is missing or is not valid JSON.");
        }
        problem.setTitle("Malformed request");
        return ResponseEntity.badRequest().body(problem);
    }

    /** The accepted content types in the body, not only in the {@code Accept} header. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String accepted = ex.getSupportedMediaTypes().stream().map(MediaType::toString).distinct()
                .collect(Collectors.joining(", "));
        ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Content-Type '" + ex.getContentType() + "' is not accepted here; send one of: " + accepted + ".");
        problem.setTitle("Unsupported Media Type");
        problem.setProperty("acceptedContentTypes", ex.getSupportedMediaTypes().stream().map(MediaType::toString)
                .distinct().toList());
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** A path no operation has: said in our words ("No static resource api/x." was Spring's, about files). */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            org.springframework.web.servlet.resource.NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String path = ex.getResourcePath().startsWith("/") ? ex.getResourcePath() : "/" + ex.getResourcePath();
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "not-found", "No operation answers "
                + ex.getHttpMethod() + " " + (path.length() > 200 ? path.substring(0, 200) + "..." : path)
                + "; see the API documentation at /swagger-ui.html for the paths there are.");
        problem.setTitle("Not Found");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /**
     * A path variable that converts to nothing (an id of blanks, {@code /organization/%20}): on TMF paths it names no
     * resource, a 404 like any unknown id (as {@link #typeMismatch} answers other ids of the wrong shape).
     */
    @Override
    protected ResponseEntity<Object> handleMissingPathVariable(MissingPathVariableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (ex.isMissingAfterConversion() && request instanceof ServletWebRequest servlet
                && servlet.getRequest().getRequestURI().startsWith("/tmf-api/")) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "not-found",
                    "No resource at " + servlet.getRequest().getRequestURI()));
        }
        return super.handleMissingPathVariable(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        boolean partHeaders = ex.getMaxUploadSize() <= 0 && partHeaders(ex);
        long limit = ex.getMaxUploadSize() > 0 ? ex.getMaxUploadSize() : partHeaders ? -1 : permittedSize(ex);
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large", partHeaders
                        ? "A part of the multipart body has larger headers than accepted (4 KB); a file name"
                                + " that long cannot be kept anyway: shorten it and send the file again."
                        : limit > 0
                                ? "The upload exceeds the size limit of " + limit + " bytes (" + inUnits(limit) + ")."
                                : "The upload exceeds the size limit."));
    }

    /**
     * The limit Tomcat's multipart parser refused the body or one of its files by ({@code max-file-size},
     * {@code max-request-size}): Spring passes it on as -1, and the answer said "the size limit" without naming it.
     */
    private static long permittedSize(MaxUploadSizeExceededException ex) {
        for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof SizeException size) {
                return size.getPermittedSize();
            }
        }
        return -1;
    }

    /** A size in megabytes (one decimal unless whole), or kilobytes below one megabyte. */
    private static String inUnits(long bytes) {
        long mb = 1024 * 1024;
        if (bytes < mb) {
            return Math.max(1, bytes / 1024) + " KB";
        }
        return bytes % mb == 0 ? bytes / mb + " MB"
                : java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(mb), 1,
                        java.math.RoundingMode.HALF_UP).toPlainString() + " MB";
    }

    /** Whether the multipart parser refused a part's headers (a very long file name), not the size of a file. */
    private static boolean partHeaders(MaxUploadSizeExceededException ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("header")) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null) {
            dropListCounts(servlet.getResponse());
        }
        if (body instanceof ProblemDetail problem) {
            Problems.decorate(problem, Problems.slugFor(status));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
        if (isTmfPathSegment(ex, request)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "not-found",
                    "No resource at " + request.getRequestURI()));
        }
        Class<?> type = elementType(ex);
        String refused = causes(ex).filter(InvalidValueException.class::isInstance).map(Throwable::getMessage)
                .findFirst().orElse(null);
        String expected = refused != null ? refused
                : type != null && type.isEnum()
                ? "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining(", "))
                : type != null ? "must be " + expectedShape(type)
                : "has a value of the wrong type or format";
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                "The parameter '" + ex.getName() + "' " + expected + ".");
        problem.setProperty("violations", List.of(Violations.of(ex.getName(), expected)));
        return ResponseEntity.badRequest().body(problem);
    }

    /** What a parameter of this type looks like, in the words of a client reading the 400. */
    private static String expectedShape(Class<?> type) {
        if (type == java.util.UUID.class) {
            return "a UUID (such as 3fa85f64-5717-4562-b3fc-2c963f66afa6)";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == java.math.BigDecimal.class || type == double.class || type == Double.class) {
            return "a decimal number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 " + (type == java.time.LocalDate.class ? "date (2026-12-31)"
                    : type == java.time.Instant.class || type == java.time.OffsetDateTime.class
                    ? "date-time with offset (2026-12-31T23:00:00Z) or a date (2026-12-31, midnight UTC)"
                    : "date-time with offset (2026-12-31T23:00:00Z)");
        }
        return "a valid " + type.getSimpleName();
    }

    /**
     * On TMF paths an id of the wrong shape ({@code null}, {@code 123}, a long string) names no resource: 404 like
     * any unknown id, as TMF clients expect (TMF630), not 400.
     */
    private static boolean isTmfPathSegment(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
        return ex.getParameter().hasParameterAnnotation(PathVariable.class)
                && request.getRequestURI().startsWith("/tmf-api/");
    }

    /** The parameter's type, or its element type for a list parameter such as {@code ?status=A,B}. */
    private static Class<?> elementType(MethodArgumentTypeMismatchException ex) {
        ResolvableType type = ResolvableType.forMethodParameter(ex.getParameter());
        return type.asCollection() != ResolvableType.NONE ? type.asCollection().resolveGeneric(0) : type.resolve();
    }

    /** Method validation through {@code @Validated} proxies (e.g. a query parameter out of range). */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        return invalidParameters(ex.getConstraintViolations().stream().map(Violations::ofParameter).toList());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, "not-found", ex.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, "conflict", ex.getMessage()));
    }

    /** A stale {@code If-Match} (web's {@code IfMatch}): 412 with the resource's current {@code ETag}. */
    @ExceptionHandler(PreconditionFailedException.class)
    ResponseEntity<ProblemDetail> preconditionFailed(PreconditionFailedException ex) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag(ex.currentTag())
                .body(preconditionProblem(ex.getMessage()));
    }

    private static ProblemDetail preconditionProblem(String detail) {
        ProblemDetail problem = Problems.of(HttpStatus.PRECONDITION_FAILED, "precondition-failed", detail);
        problem.setTitle("Precondition Failed");
        return problem;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex) {
        return ResponseEntity.badRequest().body(Problems.invalid(ex.field(), ex.getMessage()));
    }

    /** Tomcat parses the query (or a form body) lazily and throws on a broken percent-encoding. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameters(InvalidParameterException ex) {
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                ProblemErrorController.UNDECODABLE_PARAMETERS));
    }

    /**
     * A body sent as {@code multipart/form-data} that cannot be parsed as one (no boundary, a boundary that never
     * comes, a truncated part): the client's mistake, 400. Over the size limits is
     * {@link MaxUploadSizeExceededException} (413) above.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException ex) {
        Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
        String reason = cause.getMessage() == null || cause.getMessage().isBlank() ? ""
                : ": " + cause.getMessage().replaceFirst("^the request was rejected because ", "");
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                "The request body is not a readable multipart/form-data body" + reason
                        + " (send the form's parts with a boundary, as curl -F does).");
        problem.setTitle("Malformed request");
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * Another request changed the same rows at the same time (an optimistic lock's version moved, a lock wait gave
     * up, a deadlock or serialization failure chose this transaction): nothing of this request was applied, and the
     * same request may well succeed now. 409 with {@code Retry-After}, and an {@code Idempotency-Key} is freed for
     * that retry. A request with {@code If-Match} whose optimistic lock failed gets 412 instead: the version it
     * named is no longer current, so the same request would be refused again.
     */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<ProblemDetail> concurrentUpdate(ConcurrencyFailureException ex, HttpServletRequest request) {
        if (ex instanceof OptimisticLockingFailureException && request.getHeader(HttpHeaders.IF_MATCH) != null) {
            // the version the client's If-Match named passed the check, then another request committed a newer one
            return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).body(preconditionProblem("Another request"
                    + " changed this at the same time, after the version If-Match names; nothing of this request was"
                    + " applied. Read it again (GET) and apply your change to what it shows now."));
        }
        return retryableConflict(ex, request);
    }

    /** Logged in one line: a conflict that keeps coming back for the same request would be a bug to look into. */
    private static ResponseEntity<ProblemDetail> retryableConflict(Exception ex, HttpServletRequest request) {
        log.warn("Concurrent update of {} {}, answered 409 to retry: {}", request.getMethod(),
                request.getRequestURI(), ex.toString());
        request.setAttribute(Problems.RETRYABLE, Boolean.TRUE);
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "concurrent-update", "Another request changed "
                + "this at the same time; nothing of this request was applied. Read the resource again and retry.");
        problem.setTitle("Concurrent update");
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    /**
     * The database cannot be reached or is restarting (no connection within the pool's timeout, a connection lost,
     * PostgreSQL shutting down): not the request's fault and usually over in seconds, so 503 with
     * {@code Retry-After}, as a client's retry policy expects, rather than a 500.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex, HttpServletRequest request) {
        return unavailable(ex, request);
    }

    private static ResponseEntity<ProblemDetail> unavailable(Exception ex, HttpServletRequest request) {
        boolean busy = isPoolBusy(ex);
        log.warn("Database {} for {} {}, answered 503: {}", busy ? "connections all in use" : "unavailable",
                request.getMethod(), request.getRequestURI(), ex.toString());
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", busy
                ? "The service is busy: all its database connections stayed in use while this request waited "
                        + "for one (more requests at once than it serves); nothing was applied. Retry shortly."
                : "The service cannot reach its database right now; retry shortly.");
        problem.setTitle("Service Unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }

    /**
     * The message broker (Kafka) did not answer in time or refused the request (an operation that reads or writes a
     * topic while the request waits, such as listing or replaying dead letters): like an unreachable database, the
     * service's passing state, so 503 with {@code Retry-After} rather than a 500.
     */
    @ExceptionHandler(org.apache.kafka.common.KafkaException.class)
    ResponseEntity<ProblemDetail> brokerUnavailable(Exception ex, HttpServletRequest request) {
        log.warn("Message broker unavailable for {} {}, answered 503: {}", request.getMethod(),
                request.getRequestURI(), ex.toString());
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "The service cannot reach its message broker (Kafka) right now; retry shortly.");
        problem.setTitle("Service Unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> forbidden(RuntimeException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "Your role does not allow this operation."));
    }

    /**
     * The counts of a list ({@code X-Total-Count}, {@code X-Result-Count}, see web's {@code PagedResponse}) describe
     * a list answer; a failure after the list was read (e.g. 406, no representation the client accepts) must not
     * carry them. ({@code setHeader} with {@code null} removes a header, Servlet 6.1.)
     */
    private static void dropListCounts(HttpServletResponse response) {
        if (!response.isCommitted()) {
            response.setHeader(TOTAL_COUNT, null);
            response.setHeader(RESULT_COUNT, null);
        }
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) {
        dropListCounts(response);
        if (isUnstorableText(ex)) {
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                    UNSTORABLE_TEXT));
        }
        if (isConnectionLost(ex)) {
            return unavailable(ex, request);
        }
        if (hasSqlState(ex, "23505")) {
            // a unique key taken by a concurrent request between this one's checks and its insert: the retry
            // meets the other request's row in those checks and gets their answer
            return retryableConflict(ex, request);
        }
        log.error("Unexpected failure", ex);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side; quote the correlation id when reporting it."));
    }

    static final String UNSTORABLE_TEXT = "The request holds a NUL character (\\u0000) in a text, which cannot be "
            + "stored; remove it.";

    /**
     * Text PostgreSQL cannot store: a NUL character ({@code \\u0000}) in a string the request carried, refused by the
     * server as {@code character_not_in_repertoire} (22021, "invalid byte sequence for encoding UTF8: 0x00") or, in
     * {@code jsonb}, {@code untranslatable_character} (22P05). Only request data gets there (the query's {@code %00}
     * is refused before, by {@code NulCharacterFilter}), and the statement's transaction is rolled back with it.
     */
    static boolean isUnstorableText(Throwable failure) {
        return hasSqlState(failure, "22021") || hasSqlState(failure, "22P05");
    }

    private static boolean hasSqlState(Throwable failure, String state) {
        return sqlStates(failure).anyMatch(state::equals);
    }

    /**
     * A connection exception (SQLSTATE class 08) or PostgreSQL going down (57P01 admin shutdown, 57P02 crash
     * shutdown, 57P03 cannot connect now), however the persistence layer wrapped it; or a transaction whose rollback
     * met the connection closed. After a connection failure the pool closes its proxy, whose every later call (the
     * rollback) fails with HikariCP's "Connection is closed" and no SQLSTATE, and that rollback failure replaces the
     * original one (JPA: a {@code JpaSystemException}; JDBC: a {@code TransactionSystemException} keeping the
     * original as its application exception). Found on 2026-12-04: with PostgreSQL frozen, once the request's
     * database timeout had passed, catalog answered 500 instead of 503.
     */
    static boolean isConnectionLost(Throwable failure) {
        return sqlStates(failure).anyMatch(state -> state.startsWith("08") || state.startsWith("57P0"))
                || causes(failure).anyMatch(cause -> cause instanceof java.sql.SQLException sql
                && sql.getSQLState() == null && POOL_CLOSED_CONNECTION.equals(sql.getMessage()));
    }

    /**
     * The pool gave up waiting for a free connection while none had failed. Each request runs on a virtual thread
     * of its own (no thread pool queues them before they ask the pool), so a burst of many more requests at once
     * than the pool serves within {@code request-connection-wait} answers this to the ones that waited longest.
     */
    static boolean isPoolBusy(Throwable failure) {
        return causes(failure).anyMatch(PoolTimeouts::allInUse);
    }

    /** HikariCP's message for any call on a connection it closed (its {@code ProxyConnection.ClosedConnection}). */
    private static final String POOL_CLOSED_CONNECTION = "Connection is closed";

    private static java.util.stream.Stream<String> sqlStates(Throwable failure) {
        return causes(failure).filter(cause -> cause instanceof java.sql.SQLException sql && sql.getSQLState() != null)
                .map(cause -> ((java.sql.SQLException) cause).getSQLState());
    }

    /** The failure, its causes, and a failed rollback's application exception with its causes. */
    private static java.util.stream.Stream<Throwable> causes(Throwable failure) {
        java.util.stream.Stream.Builder<Throwable> causes = java.util.stream.Stream.builder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            causes.add(cause);
            if (cause instanceof org.springframework.transaction.TransactionSystemException rollback
                    && rollback.getApplicationException() != null) {
                causes(rollback.getApplicationException()).forEach(causes::add);
            }
        }
        return causes.build();
    }

    /** The fields the request does know, when Jackson can tell (a short list helps spot the typo). */
    private static String known(UnrecognizedPropertyException unknown) {
        var names = unknown.getKnownPropertyIds();
        if (names == null || names.isEmpty() || names.size() > 30) {
            return "";
        }
        return "; known fields: " + names.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    /** What the field should have been: the allowed values of an enum, else its type. */
    private static String expectation(JacksonException jackson) {
        if (jackson.getCause() instanceof InvalidValueException refused) {
            return refused.getMessage();
        }
        if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target.isEnum()) {
                return "must be one of " + Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining(", "));
            }
            return "must be " + jsonShape(target);
        }
        return "has a value of the wrong type or format";
    }

    /**
     * What a Java type is in the request's JSON, in words a client understands ("must be a valid HashSet" or
     * "BigDecimal" named our classes, not what to send).
     */
    static String jsonShape(Class<?> target) {
        if (target == java.math.BigDecimal.class || target == Double.class || target == double.class
                || target == Float.class || target == float.class) {
            return "a decimal number (such as 12.50)";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == Short.class || target == short.class || target == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target == String.class || target == Character.class || target == char.class) {
            return "a string";
        }
        if (target == java.util.UUID.class) {
            return "a UUID (such as 3f2b8c9e-1d4a-4c6e-9b7a-2e5f8d1c0a4b)";
        }
        if (target == java.time.LocalDate.class) {
            return "an ISO-8601 date (such as 2026-11-01)";
        }
        if (target == java.time.Instant.class || target == java.time.OffsetDateTime.class) {
            return "an ISO-8601 date-time with offset (such as 2026-11-01T10:15:30Z) or a date (2026-11-01,"
                    + " midnight UTC)";
        }
        if (target == java.time.ZonedDateTime.class) {
            return "an ISO-8601 date-time with offset (such as 2026-11-01T10:15:30Z)";
        }
        if (target == java.time.LocalDateTime.class) {
            return "an ISO-8601 date-time (such as 2026-11-01T10:15:30)";
        }
        if (target.isArray() || java.util.Collection.class.isAssignableFrom(target)) {
            return "an array";
        }
        if (java.util.Map.class.isAssignableFrom(target) || target.isRecord()
                || !target.getName().startsWith("java.")) {
            return "an object";
        }
        return "a valid " + target.getSimpleName();
    }
}
