-- A policy denial belongs to the verdict of one revision, like its status and errors.
alter table blueprint.blueprint_version add column forbidden boolean not null default false;

-- The policy of each org that has set one (orgs without a row have the defaults).
create table blueprint.org_policy (
  org_id     text primary key,
  policy     jsonb       not null,
  updated_at timestamptz not null
);

-- Requests per token and minute window; one row per (token, window), upserted by every replica.
create table blueprint.rate_window (
  token_sha256 text        not null,
  window_start timestamptz not null,
  requests     integer     not null,
  primary key (token_sha256, window_start)
);
