package io.accord.rating.usage;

/**
 * The texts of the usage input's documented problem answers (their schemas are {@link UsageResources}'s and the
 * starter's {@code Problem}), each example as the service writes it.
 */
final class UsageApiDocs {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    static final String UNREADABLE = "The record cannot be read: the violation names the field (e.g."
            + " usageCharacteristic.quantity); nothing is rated, and the record is counted in suspense as INVALID";
    static final String INVALID_EXAMPLE = """
            {"type": "https://accord.dev/problems/validation-error", "title": "Bad Request", "status": 400,
             "detail": "quantity 'lots' is not a decimal number", "instance": "/tmf-api/usageManagement/v4/usage",
             "violations": [{"field": "usageCharacteristic.quantity",
                             "message": "quantity 'lots' is not a decimal number"}]}""";
    static final String RECEIVED_BEFORE = "This source and usage id were received before (over any input): the"
            + " problem names the earlier copy and what became of it; nothing is rated";
    static final String DUPLICATE_EXAMPLE = """
            {"type": "https://accord.dev/problems/duplicate-usage", "title": "Duplicate usage", "status": 409,
             "detail": "usage cdr-000123 of source mediation-eu was received before and rated: a rated record is\
             neither rated again nor replaced by a resend; a wrong rating is corrected by re-rating (ask the\
             operator)",
             "instance": "/tmf-api/usageManagement/v4/usage", "source": "mediation-eu", "usageId": "cdr-000123",
             "id": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
             "href": "/tmf-api/usageManagement/v4/usage/3fa85f64-5717-4562-b3fc-2c963f66afa6",
             "originalOutcome": "rated"}""";
    static final String BATCH_REFUSED = "The whole request is refused and nothing is read into the ledger: the body"
            + " is no JSON, not a JSON array, or holds no record or more than 10,000 (field usage)";
    static final String BATCH_REFUSED_EXAMPLE = """
            {"type": "https://accord.dev/problems/validation-error", "title": "Bad Request", "status": 400,
             "detail": "a batch holds 1 to 10000 records; this one holds 10001",
             "instance": "/tmf-api/usageManagement/v4/usage/batch",
             "violations": [{"field": "usage",
                             "message": "a batch holds 1 to 10000 records; this one holds 10001"}]}""";
    static final String TOO_LARGE = "The body is over 4 MB (accord.platform.max-body-size) or holds over 500,000 JSON"
            + " values (accord.platform.max-body-values): refused before anything is read into the ledger";
    static final String TOO_LARGE_EXAMPLE = """
            {"type": "https://accord.dev/problems/payload-too-large", "title": "Content Too Large", "status": 413,
             "detail": "The request body is larger than the limit of 4194304 bytes (4 MB) for this service; nothing\
             was read or applied. Send less per request (a batch in several parts).", "limit": 4194304}""";
    static final String BUSY = "The service holds as many request bodies as it can at once"
            + " (accord.platform.max-body-bytes-in-flight); nothing was applied: send it again after Retry-After";
    static final String BUSY_EXAMPLE = """
            {"type": "https://accord.dev/problems/service-unavailable", "title": "Service Unavailable", "status": 503,
             "detail": "The service is holding as many request bodies as it can at once; nothing of this request was\
             applied. Retry shortly."}""";

    private UsageApiDocs() {
    }
}
