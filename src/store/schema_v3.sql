-- Version 3: the people at the counter. An owner's PIN is stored only as an Argon2 hash.

CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) > 0),
    role            TEXT NOT NULL CHECK (role IN ('clerk', 'owner')),
    pin_hash        TEXT,
    failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until    TEXT,
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at      TEXT NOT NULL,
    CHECK (role <> 'owner' OR pin_hash IS NOT NULL)
) STRICT;
