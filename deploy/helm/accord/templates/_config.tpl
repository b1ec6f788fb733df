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
{{- if eq ($c.role | default "service") "gateway" }}
{{- with $root.Values.keycloak.jwkSetUri }}
ACCORD_SECURITY_JWT_JWKSETURI: {{ . | quote }}
{{- end }}
{{- range $other, $svc := $root.Values.components }}
{{- if ne ($svc.role | default "service") "gateway" }}
ACCORD_GATEWAY_BACKENDS_{{ required (printf "components.%s.database.name is required" $other) $svc.database.name | upper }}: {{ printf "http://%s:%v" (include "accord.fullname" (dict "root" $root "name" $other)) $root.Values.ports.http | quote }}
{{- end }}
{{- end }}
{{- with $c.corsAllowedOrigins }}
ACCORD_GATEWAY_CORS_ALLOWEDORIGINS: {{ join "," . | quote }}
{{- end }}
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
ACCORD_KEYCLOAK_URL: {{ $root.Values.keycloak.url | quote }}
ACCORD_PUBLIC_API_URL: {{ $root.Values.publicApiUrl | quote }}
{{- if eq .name "settlement" }}
# usage matching streams rating's export with the caller's token, through the gateway (the NetworkPolicy admits only
# the gateway to rating's port; docs/settlement-reconciliation.md)
ACCORD_SETTLEMENT_RATINGURL: {{ printf "http://%s:%v" (include "accord.fullname" (dict "root" $root "name" "api-gateway")) $root.Values.ports.http | quote }}
{{- end }}
{{- end }}
{{- with $root.Values.javaToolOptions }}
JAVA_TOOL_OPTIONS: {{ . | quote }}
{{- end }}
{{- range $key, $value := $c.env }}
{{ $key }}: {{ $value | quote }}
{{- end }}
{{- end -}}
