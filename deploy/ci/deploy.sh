#!/usr/bin/env bash
# Build, test, push the images and deploy Accord with Helm, then smoke-check the deployment. Any CI can call it
# (the GitHub Actions workflow .github/workflows/deploy.yml does); everything comes from the environment.
#
#   ACCORD_STEPS            steps to run, in this order (default "test images deploy smoke")
#   ACCORD_IMAGE_REGISTRY   where the images go and come from: <registry>/<namespace>, e.g. ghcr.io/acme/accord
#                           (images: ${ACCORD_IMAGE_REGISTRY}/<module>:${ACCORD_IMAGE_TAG}, one per module with
#                           <jib.skip>false</jib.skip>: the six services, api-gateway, self-care-portal)
#                                                                                              [images, deploy]
#   ACCORD_IMAGE_TAG        default: the commit (git rev-parse --short=12 HEAD)
#   ACCORD_REGISTRY_USERNAME / ACCORD_REGISTRY_PASSWORD
#                           optional registry login for Jib (else Jib uses docker's config and credential helpers,
#                           e.g. after `docker login` or a CI login action)
#   ACCORD_RELEASE          Helm release (default accord)
#   ACCORD_NAMESPACE        Kubernetes namespace (default accord); the Secrets it references must exist there
#   ACCORD_VALUES           values file(s), comma-separated (default deploy/helm/accord/values-production.yaml);
#                           production values need a file with components.settlement.issuingEntities too (the CSP's
#                           legal entities) and prometheusRule.runbookUrl (example
#                           deploy/helm/examples/values-issuing-entities.yaml has both), else helm fails
#   ACCORD_HELM_TIMEOUT     how long helm waits for every rollout (default 15m); a failed upgrade rolls back
#   ACCORD_BASE_URL         the deployed gateway, e.g. https://api.accord.example.com                  [smoke]
#   ACCORD_KEYCLOAK_URL     Keycloak's base URL (the issuer without /realms/accord)                     [smoke]
#   ACCORD_CI_CLIENT_SECRET the ci-pipeline client's secret                                              [smoke]
#   KUBECONFIG              the cluster (helm's usual configuration)                                    [deploy]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/jdk.sh
accord_find_jdk || exit 1

steps="${ACCORD_STEPS:-test images deploy smoke}"
tag="${ACCORD_IMAGE_TAG:-$(git rev-parse --short=12 HEAD)}"
commit="$(git rev-parse HEAD 2>/dev/null || echo unknown)"
release="${ACCORD_RELEASE:-accord}"
namespace="${ACCORD_NAMESPACE:-accord}"
values="${ACCORD_VALUES:-deploy/helm/accord/values-production.yaml}"

need() {
  [ -n "${!1:-}" ] || { echo "deploy: $1 is required for the step '$2'" >&2; exit 2; }
}
step() {
  echo "deploy: === $1 ($(date -u +%H:%M:%S))"
}

for current in $steps; do
  case "$current" in
    test)
      step "build and test"
      ./mvnw -B -ntp verify
      ;;
    images)
      need ACCORD_IMAGE_REGISTRY images
      step "images ${ACCORD_IMAGE_REGISTRY}/<module>:${tag} (Jib, no Docker engine)"
      if [ -n "${ACCORD_REGISTRY_USERNAME:-}" ]; then
        # a throw-away docker config that Jib reads; keeps the password off the command line
        DOCKER_CONFIG="$(mktemp -d)"
        export DOCKER_CONFIG
        trap 'rm -rf "$DOCKER_CONFIG"' EXIT
        auth="$(printf '%s:%s' "$ACCORD_REGISTRY_USERNAME" "${ACCORD_REGISTRY_PASSWORD:-}" | base64 | tr -d '\n')"
        printf '{"auths":{"%s":{"auth":"%s"}}}\n' "${ACCORD_IMAGE_REGISTRY%%/*}" "$auth" > "$DOCKER_CONFIG/config.json"
      fi
      ./mvnw -B -ntp -Pimages -DskipTests package jib:build \
        -Djib.image.registry="$ACCORD_IMAGE_REGISTRY" -Djib.image.tag="$tag" -Dgit.commit.id="$commit"
      ;;
    deploy)
      need ACCORD_IMAGE_REGISTRY deploy
      command -v helm >/dev/null || { echo "deploy: helm is not on the PATH" >&2; exit 2; }
      step "helm upgrade --install $release (namespace $namespace, $values)"
      value_args=()
      IFS=',' read -ra files <<< "$values"
      for file in "${files[@]}"; do value_args+=(--values "$file"); done
      helm upgrade --install "$release" deploy/helm/accord \
        --namespace "$namespace" --create-namespace "${value_args[@]}" \
        --set image.registry="$ACCORD_IMAGE_REGISTRY" --set image.tag="$tag" \
        --atomic --wait --timeout "${ACCORD_HELM_TIMEOUT:-15m}"
      ;;
    smoke)
      need ACCORD_BASE_URL smoke
      need ACCORD_KEYCLOAK_URL smoke
      need ACCORD_CI_CLIENT_SECRET smoke
      step "smoke check of $ACCORD_BASE_URL"
      ./accord smoke --base-url "$ACCORD_BASE_URL" --keycloak-url "$ACCORD_KEYCLOAK_URL"
      ;;
    *)
      echo "deploy: unknown step '$current' (test, images, deploy, smoke)" >&2
      exit 2
      ;;
  esac
done
step "done"
