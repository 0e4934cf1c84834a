-- Tables of the test application only: a state change to pair with outbox events, and an effect
-- counter for the idempotent-consumer tests.
create table kennel (
    id    bigserial primary key,
    name  text not null unique
);

create table kennel_visit (
    kennel_name  text    not null primary key,
    visits       integer not null
);
