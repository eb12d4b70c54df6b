-- The banner modules an agent folded away (comma-separated, like the enabled ones): none at first.
ALTER TABLE agent ADD COLUMN collapsed_modules VARCHAR(512) DEFAULT '' NOT NULL;
