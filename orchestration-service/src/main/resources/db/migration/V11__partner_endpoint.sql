-- How each partner wants activation requests (see docs/orchestration-saga.md). No row: AUTO.
create table partner_endpoint (
    partner_id       uuid primary key,
    mode             varchar(10)  not null,
    url              varchar(2000),
    -- the webhook signing secret, AES-GCM encrypted with accord.orchestration.activation.secret-key
    -- (12-byte nonce followed by the ciphertext and tag); it must be readable to sign, so it is not hashed
    secret_encrypted bytea,
    secret_rotated_at timestamptz,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null
);
