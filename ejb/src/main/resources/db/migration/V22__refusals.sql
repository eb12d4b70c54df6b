-- The qualifications of a campaign's calls that mean the callee refused any further call (SPEC
-- B11), comma-separated: none at first.
ALTER TABLE campaign ADD COLUMN refusals VARCHAR(1024) DEFAULT '' NOT NULL;

-- The callees who refused, per account: none of the account's campaigns calls them again for 60
-- days (Code de la consommation, D.223-9). Kept apart from the campaigns, whose deletion must not
-- lift it.
CREATE TABLE dial_refusal (
    id          BIGINT PRIMARY KEY,
    account_id  BIGINT NOT NULL REFERENCES account (id),
    number      VARCHAR(16) NOT NULL,
    refused_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX dial_refusal_number ON dial_refusal (account_id, number, refused_at);

-- The call each attempt was, so that the call's qualification finds its campaign.
ALTER TABLE dial_attempt ADD COLUMN call_id BIGINT;
