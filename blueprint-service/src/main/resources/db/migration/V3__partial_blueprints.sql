-- Blueprints being authored node by node (MCP); finalize turns one into a stored blueprint.
create table blueprint.partial_blueprint (
  id           uuid primary key,
  org_id       text        not null,
  version_lock text        not null,
  nodes        jsonb       not null,
  created_at   timestamptz not null,
  updated_at   timestamptz not null
);
