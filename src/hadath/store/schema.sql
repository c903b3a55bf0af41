-- hadath DuckDB schema.  One row per article in `documents` (identity = content hash), and every
-- other row keyed by doc_id so one article is written (or skipped) in one transaction.
CREATE TABLE IF NOT EXISTS documents (
    doc_id        VARCHAR PRIMARY KEY,
    content_hash  VARCHAR UNIQUE NOT NULL,
    source        VARCHAR,
    url           VARCHAR,
    title         VARCHAR,
    published     DATE,
    text          VARCHAR NOT NULL,
    degraded      BOOLEAN,
    ingested_at   TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id    VARCHAR NOT NULL,
    sent_idx  INTEGER NOT NULL,
    start_off INTEGER NOT NULL,
    end_off   INTEGER NOT NULL,
    PRIMARY KEY (doc_id, sent_idx)
);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id      VARCHAR NOT NULL,
    mention_idx INTEGER NOT NULL,
    start_off   INTEGER NOT NULL,
    end_off     INTEGER NOT NULL,
    text        VARCHAR,
    entity_id   VARCHAR,          -- NULL: unresolved (kept, typed)
    root        VARCHAR,
    type        VARCHAR,
    sector      VARCHAR,
    origin      VARCHAR,          -- kb, ner, coref, title
    PRIMARY KEY (doc_id, mention_idx)
);
CREATE TABLE IF NOT EXISTS events (
    event_id       VARCHAR PRIMARY KEY,   -- doc_id || ':' || index within the document
    doc_id         VARCHAR NOT NULL,
    event_type     VARCHAR NOT NULL,      -- PLOVER type
    mode           VARCHAR,
    cameo          VARCHAR,
    quad_class     INTEGER,               -- 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein      DOUBLE,
    status         VARCHAR NOT NULL,      -- occurred / intended / denied / negated
    event_date     VARCHAR,               -- ISO, precision as stated: 2022-08-05, 2004-03, 2015
    date_start     DATE,                  -- first day the date covers (for range queries)
    location_name  VARCHAR,
    geonameid      BIGINT,
    lat            DOUBLE,
    lon            DOUBLE,
    country        VARCHAR,
    fatalities     INTEGER,
    injuries       INTEGER,
    source_says    VARCHAR,
    sentence_start INTEGER,
    sentence_end   INTEGER,
    trigger_start  INTEGER,
    trigger_end    INTEGER,
    record         JSON NOT NULL          -- the full codebook §1 record, evidence included
);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id  VARCHAR NOT NULL,
    role      VARCHAR NOT NULL,           -- actor / recipient
    position  INTEGER NOT NULL,
    entity_id VARCHAR,
    root      VARCHAR,
    text      VARCHAR,
    type      VARCHAR,
    sector    VARCHAR,
    PRIMARY KEY (event_id, role, position)
);
