-- The wallboard (SPEC E5): per account, where its figures turn amber and red, and the key that
-- signs its wall displays' passes. Made with the defaults when the account's wallboard first opens.
CREATE TABLE wallboard (
    account_id            BIGINT PRIMARY KEY REFERENCES account (id),
    service_level_target  INTEGER NOT NULL,
    service_level_floor   INTEGER NOT NULL,
    abandon_warning       INTEGER NOT NULL,
    abandon_alarm         INTEGER NOT NULL,
    wait_warning          INTEGER NOT NULL,
    wait_alarm            INTEGER NOT NULL,
    pass_key              VARCHAR(64) NOT NULL
);
