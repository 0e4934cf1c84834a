-- auth-service's own tables. Odoo owns users and passwords; these hold what Odoo does not:
-- refresh tokens (hashed, in rotating families), login throttling, password reset tokens (hashed),
-- and the settings that only the client area uses.

-- One family per login: every refresh token descended from it by rotation. Revoking the family
-- (logout, password change, reuse of a rotated token) ends them all.
create table refresh_family (
    id                 uuid primary key,
    user_id            bigint      not null,
    created_at         timestamptz not null,
    expires_at         timestamptz not null,
    revoked_at         timestamptz,
    revoked_reason     varchar(32),
    -- the Odoo session opened at login, closed at logout; never sent to the browser
    odoo_session_token varchar(256),
    -- the account (JSON) as last read from Odoo: refreshes keep working while Odoo is unreachable
    account_snapshot   text        not null
);
create index refresh_family_user on refresh_family (user_id) where revoked_at is null;

create table refresh_token (
    id          uuid primary key,
    family_id   uuid        not null references refresh_family (id) on delete cascade,
    -- SHA-256 of the token; the token itself is never stored
    token_hash  bytea       not null unique,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    -- set when it was exchanged for its successor; presenting it again is a theft signal
    rotated_at  timestamptz
);
create index refresh_token_family on refresh_token (family_id);

-- Failed logins per account (lower-case login) and per client address, in a sliding window.
create table login_throttle (
    scope             varchar(16)  not null check (scope in ('account', 'address')),
    subject           varchar(320) not null,
    failures          integer      not null,
    window_started_at timestamptz  not null,
    locked_until      timestamptz,
    primary key (scope, subject)
);

create table password_reset_token (
    id          uuid primary key,
    user_id     bigint      not null,
    token_hash  bytea       not null unique,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index password_reset_token_user on password_reset_token (user_id);

-- Settings Odoo has no field for (language, timezone and e-mail notifications live in res.users).
create table user_settings (
    user_id       bigint primary key,
    theme         varchar(16) not null,
    push_enabled  boolean     not null,
    updated_at    timestamptz not null
);
