#!/usr/bin/env bash
# Copies deploy/keycloak/accord-realm.json into keycloak.yaml's KeycloakRealmImport (everything after its
# `  realm:` line), indented: JSON is YAML. Run it after changing the realm; OperatorExamplesTests checks both agree.
set -euo pipefail
cd "$(dirname "$0")"
header="$(sed '/^  realm:$/q' keycloak.yaml)"
{ printf '%s\n' "$header"; sed 's/^/    /' ../../keycloak/accord-realm.json; } > keycloak.yaml.new
mv keycloak.yaml.new keycloak.yaml
