-- Tables of blueprint-service, all in schema "blueprint" (created by Flyway).

create table blueprint.api_token (
  token_sha256 text primary key,
  org_id       text        not null,
  created_at   timestamptz not null default now()
);

-- The current revision of each blueprint.
create table blueprint.blueprint (
  id                   uuid primary key,
  org_id               text        not null,
  revision             bigint      not null,
  version_lock         text        not null,
  status               text        not null check (status in ('pending', 'compiled', 'invalid')),
  document             jsonb       not null,
  plan                 jsonb,
  errors               jsonb,
  forbidden            boolean     not null default false,
  compile_requested_at timestamptz not null,
  created_at           timestamptz not null,
  updated_at           timestamptz not null
);

create index blueprint_pending_idx on blueprint.blueprint (compile_requested_at) where status = 'pending';

-- Every stored revision, so that executions can pin the revision they ran.
create table blueprint.blueprint_version (
  blueprint_id uuid        not null,
  revision     bigint      not null,
  version_lock text        not null,
  status       text        not null check (status in ('pending', 'compiled', 'invalid')),
  document     jsonb       not null,
  plan         jsonb,
  errors       jsonb,
  created_at   timestamptz not null,
  primary key (blueprint_id, revision),
  unique (blueprint_id, version_lock)
);

create table blueprint.execution (
  id              uuid primary key,
  org_id          text        not null,
  blueprint_id    uuid        not null,
  revision        bigint      not null,
  version_lock    text        not null,
  status          text        not null,
  inputs          jsonb       not null,
  options         jsonb       not null,
  view            jsonb       not null,
  idempotency_key text,
  last_sequence   bigint      not null default 0,
  start_requested_at timestamptz not null,
  created_at      timestamptz not null,
  started_at      timestamptz,
  finished_at     timestamptz,
  unique (org_id, idempotency_key)
);

create index execution_pending_idx on blueprint.execution (start_requested_at) where status = 'pending';

-- The event log of each execution, exactly as the scheduler published it.
create table blueprint.run_event (
  execution_id uuid        not null,
  sequence     bigint      not null,
  message_id   uuid        not null,
  event_type   text        not null,
  node_id      text,
  data         jsonb       not null,
  timestamp    timestamptz not null,
  primary key (execution_id, sequence)
);
