-- Idempotency-Key on writes: the first request's claim on (caller scope, key), then the response it got, which a
-- retry of the same request is answered with instead of running the handler again. Deleted after expires_at.
create table idempotency_key (
    scope                 text         not null,  -- 'sub:<JWT subject>' or 'anonymous:<SHA-256 of the path>'
    key_hash              char(64)     not null,  -- SHA-256 of the key: the key itself also decrypts the body
    request_method        varchar(10)  not null,
    request_path          text         not null,  -- path and query of the first request
    request_hash          char(64)     not null,  -- SHA-256 (hex) of its body; of its parts for multipart
    claim_token           uuid         not null,  -- the attempt holding the claim: only it may complete or release
    claimed_at            timestamptz  not null,
    completed_at          timestamptz,            -- null while the first attempt is still running
    expires_at            timestamptz  not null,
    response_status       integer,
    response_content_type varchar(255),
    response_location     text,
    response_body         bytea,                  -- AES-GCM with a key derived from the Idempotency-Key
    primary key (scope, key_hash)
);

create index idempotency_key_expiry on idempotency_key (expires_at);
