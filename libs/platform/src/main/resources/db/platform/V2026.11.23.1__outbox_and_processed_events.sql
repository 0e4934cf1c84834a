-- Shared by every service with a database (libs/platform). Services add this location to
-- quarkus.flyway.locations; their own migrations use later date-based versions.

create table outbox_event (
    id           bigserial primary key,
    event_id     text        not null unique,
    topic        text        not null,
    message_key  text        not null,
    event_type   text        not null,
    payload      text        not null,
    created_at   timestamptz not null default now(),
    attempts     integer     not null default 0,
    last_error   text,
    sent_at      timestamptz,
    failed_at    timestamptz
);

-- The relay reads pending events oldest first; this index holds only those.
create index outbox_event_pending on outbox_event (id) where sent_at is null and failed_at is null;
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;

create table processed_event (
    consumer      text        not null,
    event_id      text        not null,
    processed_at  timestamptz not null default now(),
    primary key (consumer, event_id)
);

create index processed_event_processed_at on processed_event (processed_at);
