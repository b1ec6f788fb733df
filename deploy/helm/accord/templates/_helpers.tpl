{{/* Common names, labels and the per-component settings (defaults merged with the component's own). */}}

{{- define "accord.fullname" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "accord.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "accord.labels" -}}
{{ include "accord.selectorLabels" . }}
app.kubernetes.io/part-of: accord
app.kubernetes.io/component: {{ .component.role | default "service" }}
app.kubernetes.io/version: {{ include "accord.tag" .root | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* A component's settings: `defaults` deep-merged with the component's own keys. Returns YAML. */}}
{{- define "accord.component" -}}
{{- $merged := mustMergeOverwrite (deepCopy .root.Values.defaults) (deepCopy .component) -}}
{{- toYaml $merged -}}
{{- end -}}

{{/* A component's role: gateway, portal or (the default) service. */}}
{{- define "accord.role" -}}
{{- .role | default "service" -}}
{{- end -}}

{{- define "accord.tag" -}}
{{- .Values.image.tag | default .Chart.AppVersion -}}
{{- end -}}

{{/* <registry>/<module>:<tag>, or <registry>/<module>@sha256:... when the component names its image's digest. */}}
{{- define "accord.image" -}}
{{- $repository := printf "%s/%s" .root.Values.image.registry (required (printf "components.%s.image is required (the Maven module)" .name) .component.image) -}}
{{- with .component.imageDigest -}}
{{- if not (regexMatch "^sha256:[0-9a-f]{64}$" .) -}}
{{- fail (printf "components.%s.imageDigest must be sha256:<64 hex digits>, not %s" $.name .) -}}
{{- end -}}
{{- printf "%s@%s" $repository . -}}
{{- else -}}
{{- printf "%s:%s" $repository (include "accord.tag" .root) -}}
{{- end -}}
{{- end -}}

{{/* An env entry from an existing Secret; fails rendering when the reference is missing. */}}
{{- define "accord.secretEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "%s is required: the name of an existing Secret holding %s (secrets are never chart values; see deploy/helm/examples/dev-secrets.yaml)" .path .what) .secret }}
      key: {{ .key }}
{{- end -}}

{{- define "accord.serviceAccountName" -}}
{{- if .root.Values.serviceAccount.create -}}
{{ include "accord.fullname" . }}
{{- else -}}
default
{{- end -}}
{{- end -}}

{{/* A duration like 30m, 1h or 90s (Spring's simple form) in seconds. */}}
{{- define "accord.seconds" -}}
{{- $d := toString . -}}
{{- if hasSuffix "h" $d -}}{{ mul (trimSuffix "h" $d | int) 3600 }}
{{- else if hasSuffix "m" $d -}}{{ mul (trimSuffix "m" $d | int) 60 }}
{{- else if hasSuffix "s" $d -}}{{ trimSuffix "s" $d | int }}
{{- else -}}{{ fail (printf "a duration like 30m, 1h or 90s expected, not %s" $d) }}
{{- end -}}
{{- end -}}

{{/* A tree of values (maps, lists, scalars) as environment variables in Spring's relaxed form, one per leaf:
   prefix ACCORD_SETTLEMENT_ISSUINGENTITIES and [{taxId: X}] give ACCORD_SETTLEMENT_ISSUINGENTITIES_0_TAXID: "X". */}}
{{- define "accord.envTree" -}}
{{- $prefix := .prefix -}}
{{- if kindIs "map" .value -}}
{{- range $key, $value := .value -}}
{{- include "accord.envTree" (dict "prefix" (printf "%s_%s" $prefix (regexReplaceAll "[^A-Za-z0-9]" $key "" | upper)) "value" $value) -}}
{{- end -}}
{{- else if kindIs "slice" .value -}}
{{- range $index, $value := .value -}}
{{- include "accord.envTree" (dict "prefix" (printf "%s_%d" $prefix $index) "value" $value) -}}
{{- end -}}
{{- else if not (kindIs "invalid" .value) -}}
{{- printf "\n%s: %s" $prefix (.value | toString | quote) -}}
{{- end -}}
{{- end -}}
