-- PostgreSQL only. The directory's search looks for each word anywhere in search_text
-- (search_text LIKE '%word%'), which no B-tree serves: over 200,000 contacts every search read
-- the whole table. A trigram index serves it (bench/directory-search/search.sql). H2 has no such
-- index and keeps scanning, which gives the same answers.
--
-- pg_trgm ships with PostgreSQL and is a trusted extension: the database's owner may create it.
-- It goes into the schema public whatever the application's schema is, so that every schema of
-- the database finds its operator class under the same name.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE INDEX contact_search_trigram ON contact USING gin (search_text public.gin_trgm_ops);
