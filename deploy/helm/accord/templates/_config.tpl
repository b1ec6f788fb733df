{{/* The ConfigMap data of one component; its hash is in the pods' annotations, so only a change of its own
   settings rolls a component. */}}
{{- define "accord.configData" -}}
{{- $root := .root -}}
{{- $c := .component -}}
SERVER_PORT: {{ $root.Values.ports.http | quote }}
# actuator on its own port: reachable by the kubelet and the metrics scraper only (NetworkPolicy)
MANAGEMENT_SERVER_PORT: {{ $root.Values.ports.management | quote }}
MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED: "true"
ACCORD_ISSUER_URI: {{ $root.Values.keycloak.issuerUri | quote }}
{{- $role := include "accord.role" $c }}
{{- if eq $role "gateway" }}
{{- with $root.Values.keycloak.jwkSetUri }}
ACCORD_SECURITY_JWT_JWKSETURI: {{ . | quote }}
{{- end }}
{{- range $other, $svc := $root.Values.components }}
{{- if eq (include "accord.role" $svc) "service" }}
ACCORD_GATEWAY_BACKENDS_{{ required (printf "components.%s.database.name is required" $other) $svc.database.name | upper }}: {{ printf "http://%s:%v" (include "accord.fullname" (dict "root" $root "name" $other)) $root.Values.ports.http | quote }}
{{- end }}
{{- end }}
{{- with $c.corsAllowedOrigins }}
ACCORD_GATEWAY_CORS_ALLOWEDORIGINS: {{ join "," . | quote }}
{{- end }}
{{- with $c.rateLimit }}
# rate limits (components.api-gateway.rateLimit); partner ids lose their dashes here, the gateway accepts both forms
{{- include "accord.envTree" (dict "prefix" "ACCORD_GATEWAY_RATELIMIT" "value" .) }}
{{- end }}
{{- else if eq $role "portal" }}
# every data call goes to the gateway (in-cluster) with the logged-in user's access token
ACCORD_GATEWAY_URL: {{ printf "http://%s:%v" (include "accord.fullname" (dict "root" $root "name" "api-gateway")) $root.Values.ports.http | quote }}
ACCORD_PORTAL_CLIENT_ID: {{ $c.keycloakClient.clientId | quote }}
# the browser logs in at the issuer (public); the portal exchanges codes and fetches keys in-cluster (keycloak.url):
# tokens still carry the public issuer
{{- $realm := regexFind "/realms/[^/]+$" (trimSuffix "/" $root.Values.keycloak.issuerUri) }}
ACCORD_PORTAL_KEYCLOAK_BACKCHANNELURI: {{ printf "%s%s" (trimSuffix "/" $root.Values.keycloak.url) (required "keycloak.issuerUri must end with /realms/<realm>" $realm) | quote }}
# the portal's origin as browsers see it: the login redirects and Keycloak's redirect URI are built from it, never
# from a request's Host header
ACCORD_PORTAL_PUBLIC_URL: {{ printf "https://%s" (required "ingress.portal.host is required: the self-care portal's host" $root.Values.ingress.portal.host) | quote }}
# behind the ingress: the scheme and the client's address from X-Forwarded-Proto/-For
SERVER_FORWARD_HEADERS_STRATEGY: "native"
# the session cookie only over TLS (the ingress terminates it)
ACCORD_PORTAL_SECURE_COOKIE: "true"
SERVER_SERVLET_SESSION_TIMEOUT: {{ $c.session.timeout | quote }}
{{- else }}
{{- with $root.Values.keycloak.jwkSetUri }}
ACCORD_PLATFORM_JWT_JWKSETURI: {{ . | quote }}
{{- end }}
SPRING_KAFKA_BOOTSTRAP_SERVERS: {{ $root.Values.kafka.bootstrapServers | quote }}
{{- range $key, $value := $root.Values.kafka.env }}
{{ $key }}: {{ $value | quote }}
{{- end }}
SPRING_DATASOURCE_URL: {{ printf "jdbc:postgresql://%s:%v/%s%s" $root.Values.database.host $root.Values.database.port $c.database.name (ternary (printf "?%s" $root.Values.database.parameters) "" (ne $root.Values.database.parameters "")) | quote }}
# replicas starting together: Flyway migrates under a PostgreSQL advisory lock per history table; the others
# wait for it (one try per second) instead of giving up after Flyway's default 50 tries
SPRING_FLYWAY_LOCKRETRYCOUNT: {{ $root.Values.migrations.lockRetryCount | quote }}
{{- if $root.Values.migrations.job.enabled }}
# the migration Job (migration-job.yaml) migrates before the rollout: the replicas only validate the schema and
# refuse to start while a migration of their release is pending
ACCORD_PLATFORM_MIGRATIONS_MODE: {{ .migrationsMode | default "validate" | quote }}
{{- end }}
ACCORD_KEYCLOAK_URL: {{ $root.Values.keycloak.url | quote }}
ACCORD_PUBLIC_API_URL: {{ $root.Values.publicApiUrl | quote }}
{{- if eq .name "settlement" }}
# usage matching streams rating's export with the caller's token, through the gateway (the NetworkPolicy admits only
# the gateway to rating's port; docs/settlement-reconciliation.md)
ACCORD_SETTLEMENT_RATINGURL: {{ printf "http://%s:%v" (include "accord.fullname" (dict "root" $root "name" "api-gateway")) $root.Values.ports.http | quote }}
{{- if $c.issuingEntities }}
# the CSP's legal entities issuing settlement documents (components.settlement.issuingEntities); they replace the
# application's development example as a whole
{{- include "accord.envTree" (dict "prefix" "ACCORD_SETTLEMENT_ISSUINGENTITIES" "value" $c.issuingEntities) }}
{{- else if $c.requireIssuingEntities }}
{{- fail "components.settlement.issuingEntities is required: the CSP's legal entities that issue settlement documents (id, name, address, taxId, documentNumberPrefix, bankAccount), printed on every invoice; without them the service would issue documents in the name of its development example (docs/deploy-kubernetes.md, \"Issuing entities\")" }}
{{- end }}
{{- end }}
{{- end }}
{{- /* a component's own JAVA_TOOL_OPTIONS (its env) replaces the global one, e.g. -Xmx for rating alone */}}
{{- if and $root.Values.javaToolOptions (not (hasKey ($c.env | default dict) "JAVA_TOOL_OPTIONS")) }}
JAVA_TOOL_OPTIONS: {{ $root.Values.javaToolOptions | quote }}
{{- end }}
{{- range $key, $value := $c.env }}
{{ $key }}: {{ $value | quote }}
{{- end }}
{{- end -}}

{{/* The configuration of a component as a container's env list (name, value), for a pod that cannot read the
   component's ConfigMap: the migration Job, which runs before the release's ConfigMap exists or is updated. */}}
{{- define "accord.configEnv" -}}
{{- range $key, $value := include "accord.configData" . | fromYaml }}
- name: {{ $key }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{/* A service's credentials, from existing Secrets: the owner role's (Flyway) unless .withoutOwner, the runtime
   role's, and the secrets of the component's own integrations. The Deployment's and the migration Job's. */}}
{{- define "accord.serviceSecretEnv" -}}
{{- $c := .component -}}
{{- $name := .name -}}
{{- $db := printf "components.%s.database" $name -}}
{{- if not .withoutOwner }}
{{ include "accord.secretEnv" (dict "env" "SPRING_FLYWAY_USER" "secret" $c.database.ownerSecret "key" "username" "path" (printf "%s.ownerSecret" $db) "what" "the owner role's username and password (basic-auth)") }}
{{ include "accord.secretEnv" (dict "env" "SPRING_FLYWAY_PASSWORD" "secret" $c.database.ownerSecret "key" "password" "path" (printf "%s.ownerSecret" $db) "what" "the owner role's username and password (basic-auth)") }}
{{- end }}
{{ include "accord.secretEnv" (dict "env" "SPRING_DATASOURCE_USERNAME" "secret" $c.database.appSecret "key" "username" "path" (printf "%s.appSecret" $db) "what" "the runtime role's username and password (basic-auth)") }}
{{ include "accord.secretEnv" (dict "env" "SPRING_DATASOURCE_PASSWORD" "secret" $c.database.appSecret "key" "password" "path" (printf "%s.appSecret" $db) "what" "the runtime role's username and password (basic-auth)") }}
{{- if hasKey $c "keycloakClient" }}
{{ include "accord.secretEnv" (dict "env" "ACCORD_ONBOARDING_CLIENT_SECRET" "secret" $c.keycloakClient.existingSecret "key" $c.keycloakClient.key "path" (printf "components.%s.keycloakClient.existingSecret" $name) "what" "the accord-onboarding Keycloak client's secret") }}
{{- end }}
{{- if hasKey $c "activationKey" }}
{{ include "accord.secretEnv" (dict "env" "ACCORD_ACTIVATION_SECRET_KEY" "secret" $c.activationKey.existingSecret "key" $c.activationKey.key "path" (printf "components.%s.activationKey.existingSecret" $name) "what" "the AES-256 key encrypting partners' webhook secrets") }}
{{- end }}
{{- with .root.Values.kafka.saslJaasConfig.existingSecret }}
{{ include "accord.secretEnv" (dict "env" "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG" "secret" . "key" $.root.Values.kafka.saslJaasConfig.key "path" "kafka.saslJaasConfig.existingSecret" "what" "the Kafka SASL JAAS config") }}
{{- end }}
{{- end -}}
