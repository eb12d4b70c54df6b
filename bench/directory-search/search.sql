-- Times the directory's text search (SPEC B10) over 200,000 contacts on PostgreSQL, without and
-- with the trigram index of migration V10_1 (db/vendor/postgresql), with the SQL the search sends
-- for one word:
--
--     psql -h 127.0.0.1 -U postgres -d test -f bench/directory-search/search.sql
--
-- It works in a schema of its own, dropped at the end.

\set ON_ERROR_STOP on
\timing off
DROP SCHEMA IF EXISTS relais_bench_search CASCADE;
CREATE SCHEMA relais_bench_search;
SET search_path = relais_bench_search, public;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE TABLE contact (
    id          BIGINT PRIMARY KEY,
    account_id  BIGINT NOT NULL,
    owner_id    BIGINT,
    mobile_e164 VARCHAR(16),
    search_text VARCHAR(700) NOT NULL
);
-- Names as the demo's import bench writes them: 18 last names, 10 first names, 997 companies,
-- a distinct e-mail per contact; one account holds them all.
INSERT INTO contact
SELECT i, 1, NULL, '+336' || lpad(i::text, 8, '0'),
       lower((ARRAY['martin','bernard','dubois','thomas','robert','richard','petit','durand',
                    'leroy','moreau','simon','laurent','lefevre','michel','garcia','roux',
                    'fournier','girard'])[i % 18 + 1])
       || ' ' || (ARRAY['elodie','helene','jerome','francois','aurelie','cedric','zoe','noel',
                        'anais','loic'])[(i / 18) % 10 + 1]
       || ' societe ' || (i % 997) || ' contact' || i || '@exemple.fr'
FROM generate_series(1, 200000) AS i;
CREATE INDEX contact_account_search ON contact (account_id, search_text);
CREATE INDEX contact_owner ON contact (owner_id);
ANALYZE contact;

PREPARE page(text) AS
  SELECT id, search_text FROM contact
  WHERE account_id = 1 AND owner_id IS NULL AND search_text LIKE $1 ESCAPE '!'
  ORDER BY search_text, id LIMIT 50;
PREPARE total(text) AS
  SELECT COUNT(id) FROM contact
  WHERE account_id = 1 AND owner_id IS NULL AND search_text LIKE $1 ESCAPE '!';

\echo '--- without the trigram index: a rare word (one contact), then a common one (200)'
\ir search-runs.sql

CREATE INDEX contact_search_trigram ON contact USING gin (search_text public.gin_trgm_ops);
ANALYZE contact;
-- The prepared statements are planned again: the index is new.

\echo '--- with the trigram index'
\ir search-runs.sql

DROP SCHEMA relais_bench_search CASCADE;
