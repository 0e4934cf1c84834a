-- training-service's own tables; Odoo holds the business data. The outbox and processed-event
-- tables come from libs/platform (db/platform).

-- A POST sent with an Idempotency-Key: the first answer, replayed to a retry of the same request.
create table idempotency_key (
    caller_id        bigint       not null,
    idempotency_key  varchar(128) not null,
    -- SHA-256 of method, path and body: the same key with another request is refused
    request_hash     bytea        not null,
    -- null while the first request is still running
    status_code      integer,
    response_body    text,
    created_at       timestamptz  not null,
    primary key (caller_id, idempotency_key)
);
create index idempotency_key_created on idempotency_key (created_at);
